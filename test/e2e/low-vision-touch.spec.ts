/**
 * Low vision, motion sensitivity and touch, in the browser: forced colours (every control keeps a visible shape
 * and focus indicator), reduced motion (nothing animates), the user's default font size (the frame's text
 * follows it), 320 px reflow (no sideways scrolling of the panel), and a coarse pointer (44×44 px targets, the
 * composer's whole pill focuses its textarea). Keyboard access to code blocks that scroll sideways is here too.
 */
import type { Frame } from '@playwright/test';
import { A11Y_OPTIONS, setupWidget } from './a11y-kit.ts';
import { startDemo, type Demo } from './support/demo.ts';
import { expect, test } from './support/fixtures.ts';

let slow: Demo;
test.beforeAll(async () => {
  slow = await startDemo({ env: { DEMO_WORD_DELAY_MS: '40' } });
});
test.afterAll(async () => slow.cleanup());

async function ask(frame: Frame, text: string, wait = true): Promise<void> {
  await frame.getByRole('textbox', { name: 'Message the AI' }).fill(text);
  await frame.getByRole('textbox', { name: 'Message the AI' }).press('Enter');
  if (wait) await expect(frame.locator('.ck-thread[aria-busy="false"]')).toBeAttached({ timeout: 20_000 });
}

/** Elements (by selector) without a visible boundary: no border and no outline. */
function shapeless(frame: Frame, selectors: string[]): Promise<string[]> {
  return frame.evaluate((list) => {
    const out: string[] = [];
    for (const sel of list) {
      const el = document.querySelector(sel);
      if (!el) {
        out.push(`${sel}: missing`);
        continue;
      }
      const s = getComputedStyle(el);
      const border = parseFloat(s.borderTopWidth) >= 1 && s.borderTopStyle !== 'none' && s.borderTopColor !== 'rgba(0, 0, 0, 0)';
      const outline = parseFloat(s.outlineWidth) >= 1 && s.outlineStyle !== 'none';
      if (!border && !outline) out.push(sel);
    }
    return out;
  }, selectors);
}

test.describe('forced colours', () => {
  test.use({ forcedColors: 'active' });
  test('the launcher, send button, bubbles, prompts and the error banner keep a visible shape, and focus shows', async ({ page }) => {
    const frame = await setupWidget(page, slow.hostUrl);
    expect(await frame.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
    expect(await shapeless(frame, ['.ck-launcher'])).toEqual([]);
    await frame.getByRole('button', { name: 'Open chat' }).click();
    expect(await shapeless(frame, ['.ck-prompt', '.ck-composer-row'])).toEqual([]);
    await ask(frame, 'error');
    await expect(frame.locator('.ck-error')).toBeVisible();
    await frame.getByRole('textbox', { name: 'Message the AI' }).fill('draft');
    expect(await shapeless(frame, ['.ck-user-bubble', '.ck-error', '.ck-send', '.ck-error .ck-button'])).toEqual([]);
    // The composer's focus indicator: an outline (forced colours keep outlines; border-colour changes vanish).
    await frame.locator('.ck-send').focus();
    await page.keyboard.press('Shift+Tab');
    expect(await frame.locator('.ck-composer-row').evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
  });
});

test.describe('reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });
  test('nothing animates: no running animation while an answer streams, none for spinners', async ({ page }) => {
    const frame = await setupWidget(page, slow.hostUrl, A11Y_OPTIONS, true);
    await ask(frame, 'progress', false);
    await expect(frame.locator('.ck-progress')).toBeVisible();
    const seen = new Set<string>();
    for (let i = 0; i < 10; i++) {
      const names = await frame.evaluate(() => document.getAnimations().map((a) => (a as CSSAnimation).animationName ?? a.constructor.name));
      for (const n of names) seen.add(n);
      await page.waitForTimeout(60);
    }
    expect([...seen]).toEqual([]);
  });
});

test('the text follows the browser’s default font size', async ({ page, demo }) => {
  const frame = await setupWidget(page, demo.hostUrl, A11Y_OPTIONS, true);
  await expect(frame.getByRole('dialog')).toBeVisible();
  // The reader's font-size setting (Chromium's "standard" size), set for the frame's own renderer: the widget
  // is cross-site, so its frame runs in a process of its own.
  const cdp = await page.context().newCDPSession(frame);
  await cdp.send('Page.setFontSizes' as never, { fontSizes: { standard: 20, fixed: 16 } } as never);
  await expect
    .poll(() => frame.evaluate(() => [getComputedStyle(document.body).fontSize, getComputedStyle(document.querySelector('.ck-input')!).fontSize]))
    .toEqual(['20px', '20px']);
});

test.describe('320 px wide', () => {
  test.use({ viewport: { width: 320, height: 640 } });
  test('the open panel reflows: nothing but code blocks and tables scrolls sideways', async ({ page, demo }) => {
    const frame = await setupWidget(page, demo.hostUrl, A11Y_OPTIONS, true);
    await ask(frame, 'markdown');
    await ask(frame, 'widget');
    const wide = await frame.evaluate(() =>
      [...document.querySelectorAll('.ck-root *')]
        .filter((el) => !el.closest('pre, .ck-md-table') && el.scrollWidth > el.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(el).overflowX))
        .map((el) => el.className),
    );
    expect(wide).toEqual([]);
    expect(await frame.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
  });
});

test('a code block that scrolls sideways can be focused and scrolled with the keyboard', async ({ page, demo }) => {
  const frame = await setupWidget(page, demo.hostUrl, A11Y_OPTIONS, true);
  await ask(frame, 'markdown');
  const pre = frame.locator('.ck-md-code pre').first();
  await pre.evaluate((el) => (el.style.maxWidth = '120px'));
  expect(await pre.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await expect(pre).toHaveAttribute('tabindex', '0');
  await expect(pre).toHaveAccessibleName(/code/i);
  await pre.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => pre.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
});

test.describe('touch', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 760 } });
  test('targets are at least 44×44 px on a coarse pointer, and tapping the composer pill focuses its textarea', async ({ page, demo }) => {
    const frame = await setupWidget(page, demo.hostUrl, A11Y_OPTIONS, true);
    expect(await frame.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
    const small = (): Promise<string[]> =>
      frame.evaluate(() =>
        // The textarea's target is its whole pill (tapping the pill focuses it, checked below). Targets inside a
        // line of text (links, entity tags, citation markers) are exempt (WCAG 2.5.8 "inline").
        [...document.querySelectorAll('.ck-root button, .ck-root select, .ck-root input, .ck-composer-row, .ck-si-option, .ck-w-check')]
          // Hidden form fields (a DatePicker's or a listbox's value: aria-hidden, out of the tab order) are not targets.
          .filter((el) => !(el.getAttribute('aria-hidden') === 'true' && (el as HTMLElement).tabIndex < 0))
          .filter((el) => !el.closest('.ck-md p, .ck-md li, .ck-user-bubble, .ck-composer-row > textarea') && !(el instanceof HTMLInputElement && ['radio', 'checkbox'].includes(el.type)))
          .map((el) => [el, el.getBoundingClientRect()] as const)
          .filter(([, r]) => r.width > 0 && (r.width < 43.5 || r.height < 43.5))
          .map(([el, r]) => `${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 20) ?? el.className} ${Math.round(r.width)}×${Math.round(r.height)}`),
      );
    const found: string[] = [...(await small())];
    for (const text of ['markdown', 'widget', 'structured']) {
      await ask(frame, text);
      found.push(...(await small()));
    }
    // A pending structured input takes over the composer area (as in ChatKit): skip it to get the composer back.
    await frame.getByRole('button', { name: 'Skip' }).click();
    await expect(frame.getByRole('textbox', { name: 'Message the AI' })).toBeVisible();
    await frame.getByRole('textbox', { name: 'Message the AI' }).fill('draft');
    found.push(...(await small()));
    await frame.getByRole('button', { name: 'History' }).click();
    await expect(frame.locator('.ck-history-open').first()).toBeVisible();
    found.push(...(await small()));
    expect([...new Set(found)]).toEqual([]);
    await frame.getByRole('button', { name: 'Back to chat' }).click();
    await frame.locator('.ck-thread').focus();
    const row = (await frame.locator('.ck-composer-row').boundingBox())!;
    await page.touchscreen.tap(row.x + 6, row.y + row.height / 2);
    await expect.poll(() => frame.evaluate(() => document.activeElement?.className)).toBe('ck-input');
  });
});
