/**
 * Contrast measured in the browser, from computed styles, on a thread with Markdown, a widget form, a structured
 * input, notices and an error, and on the start screen and history: every visible text against the background it
 * is painted on (4.5:1, 3:1 for large text), and the non-text parts WCAG 1.4.11 asks for at 3:1 — input borders,
 * the focus indicator of every kind of control, and the icons of enabled buttons. In light, dark, and with a
 * light accent (the case where "accent on white" goes wrong).
 */
import type { Frame, Page } from '@playwright/test';
import { A11Y_OPTIONS, setupWidget } from './a11y-kit.ts';
import { expect, test } from './support/fixtures.ts';

/** Runs in the frame: every failure as `what: ratio < min (selector)`. */
function measure(): string[] {
  type C = [number, number, number, number];
  const parse = (c: string): C => {
    const m = c.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
    return [m[0] ?? 0, m[1] ?? 0, m[2] ?? 0, c.startsWith('rgba') || m.length > 3 ? (m[3] ?? 1) : 1];
  };
  const over = (top: C, bottom: C): C => {
    const a = top[3] + bottom[3] * (1 - top[3]);
    return [0, 1, 2].map((i) => (a ? (top[i]! * top[3] + bottom[i]! * bottom[3] * (1 - top[3])) / a : 0)).concat(a) as C;
  };
  const lum = (c: C): number =>
    [0, 1, 2].map((i) => c[i]! / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)).reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i]!, 0);
  const ratio = (a: C, b: C): number => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x! + 0.05) / (y! + 0.05);
  };
  /** The opaque colour painted behind `el` (its own background included unless `outside`). */
  const behind = (el: Element, outside = false): C => {
    const layers: C[] = [];
    for (let n: Element | null = outside ? el.parentElement : el; n; n = n.parentElement) {
      const bg = parse(getComputedStyle(n).backgroundColor);
      if (bg[3] > 0) layers.push(bg);
      if (bg[3] >= 1) break;
    }
    // The frame's page is transparent; everything we draw sits on our own opaque panel or launcher.
    return layers.reduceRight<C>((acc, l) => over(l, acc), [255, 255, 255, 1]);
  };
  const opacity = (el: Element): number => {
    let o = 1;
    for (let n: Element | null = el; n; n = n.parentElement) o *= Number(getComputedStyle(n).opacity);
    return o;
  };
  const visible = (el: Element): boolean => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 1 && r.height > 1 && s.visibility !== 'hidden' && !el.closest('.ck-sr-only, [hidden], [aria-hidden="true"]');
  };
  const name = (el: Element): string => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
  const inactive = (el: Element): boolean => !!el.closest(':disabled, [aria-disabled="true"], [inert]');
  const fails: string[] = [];
  const check = (what: string, fg: C, bg: C, min: number, el: Element): void => {
    const r = ratio(over(fg, bg), bg);
    if (r < min) fails.push(`${what}: ${r.toFixed(2)} < ${min} (${name(el)} "${(el.textContent ?? '').trim().slice(0, 30)}")`);
  };

  // Text: elements with their own text.
  for (const el of document.querySelectorAll('.ck-root *')) {
    if (!visible(el) || inactive(el)) continue;
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim());
    if (!own) continue;
    const s = getComputedStyle(el);
    const size = parseFloat(s.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
    const fg = parse(s.color);
    fg[3] *= opacity(el);
    check('text', fg, behind(el), large ? 3 : 4.5, el);
  }
  // Placeholders are text too.
  for (const el of document.querySelectorAll('.ck-root textarea, .ck-root input')) {
    if (!visible(el) || inactive(el) || !el.getAttribute('placeholder')) continue;
    check('placeholder', parse(getComputedStyle(el, '::placeholder').color), behind(el), 4.5, el);
  }
  // Input borders: the boundary that shows where to type.
  for (const el of document.querySelectorAll('.ck-composer-row, .ck-root .ck-field, .ck-root .ck-w-field, .ck-root input[type="checkbox"], .ck-root input[type="radio"]')) {
    if (!visible(el) || inactive(el)) continue;
    const s = getComputedStyle(el);
    if (s.appearance !== 'none' && el.tagName === 'INPUT') continue; // native checkboxes and radios draw their own boxes
    check('input border', parse(s.borderTopColor), behind(el, true), 3, el);
  }
  // Icons of enabled buttons (drawn in currentColor).
  for (const el of document.querySelectorAll('.ck-root button svg')) {
    const button = el.closest('button')!;
    if (!visible(el) || inactive(button)) continue;
    const fg = parse(getComputedStyle(el).color);
    fg[3] *= opacity(el);
    check('icon', fg, behind(button), 3, el);
  }
  return fails;
}

/** Runs in the frame: focuses each kind of control and checks its focus indicator (width ≥ 2 px, 3:1). */
async function focusRings(frame: Frame, page: Page): Promise<string[]> {
  const selectors = ['.ck-input', '.ck-header button', '.ck-prompt', '.ck-actions button', '.ck-w-field', '.ck-w-btn', '.ck-si input[type="radio"]', '.ck-si textarea', '.ck-history-open', '.ck-thread', '.ck-md-copy', '.ck-md-table'];
  const fails: string[] = [];
  for (const sel of selectors) {
    const target = frame.locator(sel).first();
    if (!(await target.count()) || !(await target.isVisible())) continue;
    // Keyboard focus (what :focus-visible is for): focus the element, then Shift+Tab and Tab back to it.
    // (The first control of the frame is left backwards to the host page, so that one comes back the other way.)
    await target.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    if (!(await target.evaluate((el) => document.activeElement === el))) {
      await target.focus();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Shift+Tab');
    }
    const result = await target.evaluate((el) => {
      if (document.activeElement !== el) return `not focused again by Tab`;
      // The indicator may be drawn by the element or by its field wrapper (the composer's pill).
      for (let n: Element | null = el, i = 0; n && i < 3; n = n.parentElement, i++) {
        const s = getComputedStyle(n);
        if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) return `ring ${s.outlineColor} @${i}`;
      }
      return 'no focus indicator';
    });
    if (!result.startsWith('ring')) {
      fails.push(`${sel}: ${result}`);
      continue;
    }
    const [, color, depth] = result.match(/^ring (.+) @(\d)$/)!;
    const ok = await target.evaluate(
      (el, [c, d]) => {
        let n: Element = el;
        for (let i = 0; i < Number(d); i++) n = n.parentElement!;
        const px = (s: string) => (s.match(/[\d.]+/g) ?? []).map(Number);
        const lum = (v: number[]) => v.slice(0, 3).map((x) => x / 255).map((x) => (x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4)).reduce((a, x, i) => a + x * [0.2126, 0.7152, 0.0722][i]!, 0);
        // The ring is drawn outside the element (offset): against what is behind it.
        let bg = [255, 255, 255];
        for (let p = n.parentElement; p; p = p.parentElement) {
          const b = px(getComputedStyle(p).backgroundColor);
          if ((b[3] ?? 1) >= 1 && b.length >= 3 && getComputedStyle(p).backgroundColor !== 'rgba(0, 0, 0, 0)') {
            bg = b;
            break;
          }
        }
        const [x, y] = [lum(px(c)), lum(bg)].sort((a, b) => b - a);
        return (x! + 0.05) / (y! + 0.05);
      },
      [color!, depth!] as const,
    );
    if (ok < 3) fails.push(`${sel}: focus ring ${ok.toFixed(2)} < 3`);
  }
  return fails;
}

const themes: [string, object][] = [
  ['light', {}],
  ['dark', { theme: { colorScheme: 'dark' } }],
  ['a light accent', { theme: { color: { accent: { primary: '#fde047', level: 1 } } } }],
];

for (const [label, extra] of themes) {
  test(`contrast of text, input borders, focus rings and icons holds in ${label}`, async ({ page, demo }) => {
    test.setTimeout(60_000);
    const frame = await setupWidget(page, demo.hostUrl, { ...A11Y_OPTIONS, ...extra, disclaimer: { text: 'AI can make mistakes. [Learn more](https://example.com)' } }, true);
    const failures: string[] = [];
    await expect(frame.locator('.ck-prompt')).toBeVisible();
    await page.waitForTimeout(250);
    failures.push(...(await frame.evaluate(measure)).map((f) => `start: ${f}`));

    const input = frame.getByRole('textbox', { name: 'Message the AI' });
    for (const ask of ['markdown', 'notice', 'widget', 'structured']) {
      await input.fill(ask);
      await input.press('Enter');
      await expect(frame.locator('.ck-thread[aria-busy="false"]')).toBeAttached({ timeout: 15_000 });
    }
    await expect(frame.getByRole('radio', { name: 'Red' })).toBeVisible();
    failures.push(...(await frame.evaluate(measure)).map((f) => `structured input: ${f}`));
    // A pending structured input takes over the composer area (as in ChatKit): skip it to get the composer back.
    await frame.getByRole('button', { name: 'Skip' }).click();
    await expect(frame.getByRole('textbox', { name: 'Message the AI' })).toBeVisible();
    // Skipping streams the agent's follow-up; a message sent while it streams is not sent (the draft stays).
    await expect(frame.locator('.ck-thread[aria-busy="false"]')).toBeAttached({ timeout: 15_000 });
    await input.fill('error');
    await input.press('Enter');
    await expect(frame.locator('.ck-error')).toBeVisible({ timeout: 15_000 });
    await expect(frame.locator('.ck-thread[aria-busy="false"]')).toBeAttached({ timeout: 15_000 });
    await input.fill('draft');
    // Measured unfocused: a focused field shows its (stronger) focus state instead of its resting border.
    await frame.locator('.ck-thread').focus();
    failures.push(...(await frame.evaluate(measure)).map((f) => `thread: ${f}`));
    failures.push(...(await focusRings(frame, page)).map((f) => `focus: ${f}`));

    await frame.getByRole('button', { name: 'History' }).click();
    await expect(frame.locator('.ck-history-open').first()).toBeVisible();
    failures.push(...(await frame.evaluate(measure)).map((f) => `history: ${f}`));
    failures.push(...(await focusRings(frame, page)).map((f) => `history focus: ${f}`));
    expect([...new Set(failures)]).toEqual([]);
  });
}
