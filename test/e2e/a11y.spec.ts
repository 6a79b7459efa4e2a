/**
 * axe-core inside the widget's frame, on every state: the closed launcher, the start screen, a thread with
 * Markdown, a widget form, a structured input, notices and an error, history with a rename and a delete
 * confirmation, the dark theme; then forced colours, a 320 px wide viewport and a phone (touch, coarse pointer).
 * Rules: WCAG 2.0–2.2 A/AA plus axe's best practices. Any violation fails, with its id and the offending nodes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from '@playwright/test';
import { A11Y_OPTIONS, setupWidget } from './a11y-kit.ts';
import { expect, test, widgetFrame } from './support/fixtures.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];
// Best practices for a whole page, not for a widget's document inside someone else's page: the host page owns
// its main landmark and its h1, and everything of ours is inside the dialog (or is the launcher button).
const PAGE_LEVEL = ['landmark-one-main', 'page-has-heading-one', 'region'];

async function violations(frame: Frame, state: string): Promise<string[]> {
  // evaluate() goes through the DevTools protocol, so the frame's CSP (script-src 'self') does not block it.
  await frame.evaluate(axeSource);
  const found = await frame.evaluate(
    async ([tags, off]) => {
      type Result = { violations: { id: string; nodes: { target: string[] }[] }[] };
      const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<Result> } }).axe;
      const rules = Object.fromEntries(off.map((id) => [id, { enabled: false }]));
      const r = await axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: tags }, rules });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    },
    [TAGS, PAGE_LEVEL] as const,
  );
  return found.map((v) => `${state}: ${v}`);
}

async function ask(frame: Frame, text: string): Promise<void> {
  await frame.getByRole('textbox', { name: 'Message the AI' }).fill(text);
  await frame.getByRole('textbox', { name: 'Message the AI' }).press('Enter');
  await expect(frame.locator('.ck-thread[aria-busy="false"]')).toBeAttached({ timeout: 15_000 });
}

/** Every state of the widget, each checked by axe; returns all violations. */
async function everyState(page: Page, url: string, options: object = A11Y_OPTIONS): Promise<string[]> {
  const out: string[] = [];
  const frame = await setupWidget(page, url, { ...options, disclaimer: { text: 'AI can make mistakes. [Learn more](https://example.com)' } });
  const launcher = frame.getByRole('button', { name: 'Open chat' });
  await expect(launcher).toBeVisible();
  out.push(...(await violations(frame, 'launcher')));

  await launcher.click();
  await expect(frame.locator('.ck-prompt')).toBeVisible();
  await page.waitForTimeout(300);
  out.push(...(await violations(frame, 'start screen')));

  await ask(frame, 'markdown');
  await expect(frame.locator('.ck-assistant table')).toBeVisible();
  out.push(...(await violations(frame, 'markdown')));
  await ask(frame, 'notice');
  await ask(frame, 'form');
  await expect(frame.getByRole('button', { name: 'Order' })).toBeVisible();
  out.push(...(await violations(frame, 'notices and a widget form')));
  await ask(frame, 'structured');
  await expect(frame.getByRole('radio', { name: 'Red' })).toBeVisible();
  out.push(...(await violations(frame, 'structured input')));
  // A pending structured input takes over the composer area (as in ChatKit): skip it to get the composer back.
  await frame.getByRole('button', { name: 'Skip' }).click();
  await expect(frame.getByRole('textbox', { name: 'Message the AI' })).toBeVisible();
  // Skipping streams the agent's follow-up; a message sent while it streams is not sent (the draft stays).
  await expect(frame.locator('.ck-thread[aria-busy="false"]')).toBeAttached({ timeout: 15_000 });
  await frame.getByRole('textbox', { name: 'Message the AI' }).fill('error');
  await frame.getByRole('textbox', { name: 'Message the AI' }).press('Enter');
  await expect(frame.locator('.ck-error')).toBeVisible({ timeout: 15_000 });
  out.push(...(await violations(frame, 'error')));

  await frame.getByRole('button', { name: 'History' }).click();
  await expect(frame.locator('.ck-history-open').first()).toBeVisible();
  out.push(...(await violations(frame, 'history')));
  await frame.getByRole('button', { name: /^Rename: / }).first().click();
  await expect(frame.getByRole('textbox', { name: 'Title' })).toBeFocused();
  out.push(...(await violations(frame, 'rename')));
  await page.keyboard.press('Escape');
  await frame.getByRole('button', { name: /^Delete: / }).first().click();
  await expect(frame.getByRole('button', { name: 'Cancel' })).toBeFocused();
  out.push(...(await violations(frame, 'delete confirmation')));
  return out;
}

test('every state has no axe violations (WCAG 2.2 A/AA and best practices)', async ({ page, demo }) => {
  test.setTimeout(60_000);
  expect(await everyState(page, demo.hostUrl)).toEqual([]);
});

test('every state has no axe violations in the dark theme (contrast included)', async ({ page, demo }) => {
  test.setTimeout(60_000);
  expect(await everyState(page, demo.hostUrl, { ...A11Y_OPTIONS, theme: { colorScheme: 'dark', color: { accent: { primary: '#7c3aed', level: 2 } } } })).toEqual([]);
});

test.describe('forced colours', () => {
  test.use({ forcedColors: 'active' });
  test('every state has no axe violations', async ({ page, demo }) => {
    test.setTimeout(60_000);
    expect(await everyState(page, demo.hostUrl)).toEqual([]);
  });
});

test.describe('320 px wide', () => {
  test.use({ viewport: { width: 320, height: 640 } });
  test('every state has no axe violations', async ({ page, demo }) => {
    test.setTimeout(60_000);
    expect(await everyState(page, demo.hostUrl)).toEqual([]);
  });
});

test.describe('a phone: touch, coarse pointer', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 760 } });
  test('every state has no axe violations', async ({ page, demo }) => {
    test.setTimeout(60_000);
    expect(await everyState(page, demo.hostUrl)).toEqual([]);
  });
});

test('the data-* configured widget (no setOptions) passes axe too', async ({ page, demo }) => {
  await page.goto(demo.hostUrl);
  const frame = await widgetFrame(page);
  await frame.getByRole('button', { name: 'Open chat' }).click();
  await expect(frame.getByRole('dialog')).toBeVisible();
  await page.waitForTimeout(300);
  expect(await violations(frame, 'data-* start screen')).toEqual([]);
});
