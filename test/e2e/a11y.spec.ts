/**
 * axe-core on the main states of the widget (inside its frame): closed launcher, start screen, a conversation with
 * an answer, history, and dark mode, against the WCAG 2.x A/AA rules. Any violation fails, with its id and the
 * offending nodes in the message.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame } from '@playwright/test';
import { expect, test, widgetFrame } from './support/fixtures.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function violations(frame: Frame): Promise<string[]> {
  // evaluate() goes through the DevTools protocol, so the frame's CSP (script-src 'self') does not block it.
  await frame.evaluate(axeSource);
  const result = await frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    // WCAG 2.x A/AA (the conformance bar). Page-level best practices such as "one main landmark" do not apply
    // to a widget's document.
    const r = await axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  return result;
}

test('the closed launcher, the start screen, a conversation and history have no axe violations', async ({ page, demo }) => {
  await page.goto(demo.hostUrl);
  const frame = await widgetFrame(page);
  const launcher = frame.getByRole('button', { name: 'Open chat' });
  await expect(launcher).toBeVisible();
  expect(await violations(frame)).toEqual([]);

  await launcher.click();
  await expect(frame.getByRole('dialog')).toBeVisible();
  await page.waitForTimeout(300);
  expect(await violations(frame)).toEqual([]);

  await frame.getByRole('textbox').fill('markdown');
  await frame.getByRole('textbox').press('Enter');
  await expect(frame.locator('.ck-assistant table')).toBeVisible();
  await expect(frame.getByRole('button', { name: 'Copy', exact: true })).toBeVisible();
  expect(await violations(frame)).toEqual([]);

  await frame.getByRole('button', { name: 'History' }).click();
  await expect(frame.locator('.ck-history-open').first()).toBeVisible();
  expect(await violations(frame)).toEqual([]);
});

test('the dark theme has no axe violations (contrast included)', async ({ page, demo }) => {
  await page.goto(demo.hostUrl);
  await page.waitForFunction(() => (window as { ChatKit?: { __chatkit?: boolean } }).ChatKit?.__chatkit === true);
  await page.evaluate(() =>
    (window as unknown as { ChatKit: { setOptions(o: unknown): Promise<void>; open(): Promise<void> } }).ChatKit.setOptions({
      api: { url: '/chatkit' },
      theme: { colorScheme: 'dark', color: { accent: { primary: '#7c3aed', level: 2 } } },
      startScreen: { greeting: 'Dark', prompts: [{ label: 'Say hello', prompt: 'hello', icon: 'sparkle' }] },
      disclaimer: { text: 'AI can make mistakes. [Learn more](https://example.com)' },
    }).then(() => (window as unknown as { ChatKit: { open(): Promise<void> } }).ChatKit.open()),
  );
  const frame = await widgetFrame(page);
  await expect(page.frameLocator('iframe[src*="/frame.html#"]').getByRole('heading', { name: 'Dark' })).toBeVisible();
  await page.waitForTimeout(300);
  expect(await violations(frame)).toEqual([]);
});
