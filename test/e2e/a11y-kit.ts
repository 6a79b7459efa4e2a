/**
 * Helpers of the accessibility suites: open the widget with options, read and move keyboard focus inside the
 * frame, and a watcher that records every moment focus sits on the frame's <body> while the frame has focus.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from '@playwright/test';
import { expect, widgetFrame } from './support/fixtures.ts';

type ChatKitGlobal = { __chatkit?: boolean; setOptions(o: unknown): Promise<void>; open(): Promise<void> };

/** Options most suites use: a prompt, feedback and retry on replies, and the demo backend. */
export const A11Y_OPTIONS = {
  api: { url: '/chatkit' },
  startScreen: { greeting: 'How can I help?', prompts: [{ label: 'Say hello', prompt: 'hello', icon: 'sparkle' }] },
  threadItemActions: { feedback: true, retry: true },
};

/** Loads the host page and applies `options` (without opening unless `open`); returns the widget frame. */
export async function setupWidget(page: Page, url: string, options: object = A11Y_OPTIONS, open = false): Promise<Frame> {
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { ChatKit?: ChatKitGlobal }).ChatKit?.__chatkit === true);
  await page.evaluate(
    ([o, andOpen]) => {
      const ck = (window as unknown as { ChatKit: ChatKitGlobal }).ChatKit;
      return ck.setOptions(o).then(() => (andOpen ? ck.open() : undefined));
    },
    [options, open] as const,
  );
  const frame = await widgetFrame(page);
  await watchBodyFocus(frame);
  return frame;
}

/** A short description of the frame's focused element: `tag:name` (name = aria-label, else text, else placeholder). */
export function active(frame: Frame): Promise<string> {
  return frame.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const label = (el as HTMLInputElement).labels?.[0]?.textContent?.trim();
    const name = el.getAttribute('aria-label') ?? (label || el.textContent?.trim() || el.getAttribute('placeholder') || '');
    return `${el.tagName.toLowerCase()}:${name.replace(/\s+/g, ' ').slice(0, 60)}`;
  });
}

/** Waits until the focused element's description matches. */
export async function expectFocus(frame: Frame, expected: RegExp): Promise<void> {
  await expect.poll(() => active(frame), { timeout: 5000 }).toMatch(expected);
}

/** Presses Tab (or Shift+Tab) until the focused element matches; fails after `max` presses. */
export async function tabTo(page: Page, frame: Frame, target: RegExp, back = false, max = 40): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    const now = await active(frame);
    if (target.test(now)) return;
    seen.push(now);
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${target} never got focus; focus went through: ${seen.join(' → ')}`);
}

/** Installs the body-focus watcher in the frame (a check every animation frame, remembering what had focus last). */
async function watchBodyFocus(frame: Frame): Promise<void> {
  await frame.evaluate(() => {
    const w = window as unknown as { __bodyFocus: string[] };
    w.__bodyFocus = [];
    let last = '';
    document.addEventListener('focusin', (e) => {
      const el = e.target as Element;
      last = `${el.tagName.toLowerCase()}:${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? ''}`;
    });
    const check = (): void => {
      if (document.hasFocus() && document.activeElement === document.body && last) {
        w.__bodyFocus.push(`after ${last}`);
        last = '';
      }
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

/** The moments focus fell to <body>, each with what was focused before. */
export function bodyFocusLosses(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => (window as unknown as { __bodyFocus: string[] }).__bodyFocus);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.x A/AA violations in the frame (axe-core, injected), as `rule: targets` lines. */
export async function wcagViolations(frame: Frame): Promise<string[]> {
  await frame.evaluate(axeSource);
  return frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}
