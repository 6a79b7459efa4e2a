/**
 * The widget in a sample of locales covering every script and both directions: its strings are the locale's
 * own (none left in English), `lang`/`dir` are right, the iframe title is translated, the launcher sits on the
 * locale's end side, RTL mirrors the composer, mixed-script option strings keep their order, Accept-Language
 * carries the tag, and right-to-left panels have no axe violations. Screenshots of every locale are written to
 * screenshots/i18n/ (git-ignored) for people to review.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from '@playwright/test';
import { en, type Strings } from '../../src/i18n/en.ts';
import { loadTable, matchTable } from '../../src/i18n/locale-chunks.ts';
import { wcagViolations as violations } from './a11y-kit.ts';
import { expect, test, widgetFrame } from './support/fixtures.ts';

const SAMPLE = ['ar', 'he', 'fa', 'ur', 'ja', 'zh-CN', 'zh-TW', 'ko', 'hi', 'th', 'ru', 'pt-BR', 'de'];
const RTL = new Set(['ar', 'he', 'fa', 'ur']);
const SCREENSHOTS = join(import.meta.dirname, '../../screenshots/i18n');

/** Every accessible name, placeholder and text of the frame's controls, headings and notes. */
function visibleStrings(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const out: string[] = [document.querySelector('.ck-panel')?.getAttribute('aria-label') ?? ''];
    for (const el of document.querySelectorAll('[aria-label], [placeholder], button, h1, h2, p, [role="option"]')) {
      for (const v of [el.getAttribute('aria-label'), el.getAttribute('placeholder'), el.textContent]) if (v && v.trim()) out.push(v.trim());
    }
    return out;
  });
}

// English strings that may stand in other languages too ("Chat", "Model: {name}"…), and our English prompt.
const ENGLISH = new Set(Object.values(en).filter((v): v is string => typeof v === 'string'));
for (const same of ['Chat', 'Message', 'Image', 'Sources', 'Tools', 'Assistant', 'Models', 'File']) ENGLISH.delete(same);

for (const tag of SAMPLE) {
  test(`${tag}: translated, with the right lang and dir, title, side and mirroring`, async ({ page, demo }, testInfo) => {
    const s: Strings = await loadTable(matchTable(tag) as Exclude<ReturnType<typeof matchTable>, 'en'>);
    const rtl = RTL.has(tag);
    const languages: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/chatkit') languages.push(r.headers()['accept-language'] ?? '');
    });
    await page.goto(new URL(`/locale.html?locale=${tag}`, demo.hostUrl).href);
    const frame = await widgetFrame(page);
    const panel = frame.getByRole('dialog', { name: s.chat });
    await expect(panel).toBeVisible();
    await expect(frame.getByRole('heading', { name: s.defaultGreeting })).toBeVisible();

    // Language and direction of the document; the iframe and panel named in the language.
    expect(await frame.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([tag, rtl ? 'rtl' : 'ltr']);
    await expect(page.locator('iframe[src*="/frame.html#"]')).toHaveAttribute('title', s.chat);

    // No string of the open panel is English.
    const english = (await visibleStrings(frame)).filter((v) => ENGLISH.has(v));
    expect(english).toEqual([]);
    const box0 = frame.getByRole('textbox', { name: s.defaultPlaceholder });
    await expect(box0).toBeVisible();
    // Empty, the composer (and its placeholder) runs in the UI direction; typed text takes its own.
    expect(await box0.evaluate((el) => getComputedStyle(el).direction)).toBe(rtl ? 'rtl' : 'ltr');
    await box0.fill('Hello there');
    expect(await box0.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    await box0.fill('');
    await expect(frame.getByRole('button', { name: s.send })).toBeVisible();
    await expect(frame.getByRole('button', { name: s.newChat })).toBeVisible();
    await expect(frame.getByRole('button', { name: s.history })).toBeVisible();

    // The English prompt keeps its own direction (no "?What can you do" in RTL).
    const prompt = frame.getByRole('button', { name: 'What can you do?' });
    expect(await prompt.locator('span[dir="auto"]').evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');

    // The launcher (and the panel above it) sits at the end side: the right in LTR, the left in RTL.
    const box = (await page.locator('iframe[src*="/frame.html#"]').boundingBox())!;
    const viewport = page.viewportSize()!;
    if (rtl) expect(box.x).toBe(20);
    else expect(Math.round(viewport.width - box.x - box.width)).toBe(20);

    // Mirroring: the send button is at the end of the composer, the close button at the end of the header.
    const input = (await frame.getByRole('textbox').boundingBox())!;
    const send = (await frame.getByRole('button', { name: s.send }).boundingBox())!;
    expect(rtl ? send.x < input.x : send.x > input.x, 'send at the end').toBe(true);

    mkdirSync(SCREENSHOTS, { recursive: true });
    const suffix = testInfo.project.name === 'cross-site' ? '' : `.${testInfo.project.name}`;
    await page.waitForTimeout(250);
    await page.locator('iframe[src*="/frame.html#"]').screenshot({ path: join(SCREENSHOTS, `${tag}-start${suffix}.png`) });
    if (rtl) expect(await violations(frame)).toEqual([]);

    // A conversation: the request carries the locale; the user's English text is its own direction.
    await prompt.click();
    await expect(frame.locator('.ck-assistant').first()).toBeVisible();
    await expect(frame.getByRole('button', { name: s.copy, exact: true }).first()).toBeVisible();
    expect(languages.length).toBeGreaterThan(0);
    expect(new Set(languages)).toEqual(new Set([tag]));
    expect(await frame.locator('.ck-user-bubble').first().evaluate((el) => [el.getAttribute('dir'), getComputedStyle(el).direction])).toEqual(['auto', 'ltr']);
    // The English thread title reads left to right but stays at the UI's start edge, away from the buttons.
    const title = frame.locator('.ck-title');
    await expect(title).toHaveText('hello');
    const alignment = await title.evaluate((el) => {
      const text = document.createRange();
      text.selectNodeContents(el);
      const [box, line] = [el.getBoundingClientRect(), text.getBoundingClientRect()];
      return { direction: getComputedStyle(el).direction, atStart: getComputedStyle(el.parentElement!).direction === 'rtl' ? box.right - line.right < 2 : line.left - box.left < 2 };
    });
    expect(alignment).toEqual({ direction: 'ltr', atStart: true });
    await page.waitForTimeout(250);
    await page.locator('iframe[src*="/frame.html#"]').screenshot({ path: join(SCREENSHOTS, `${tag}-conversation${suffix}.png`) });
    if (rtl) expect(await violations(frame)).toEqual([]);

    if (rtl) {
      await frame.getByRole('button', { name: s.history }).click();
      await expect(frame.getByRole('heading', { name: s.history })).toBeVisible();
      await page.waitForTimeout(250);
      await page.locator('iframe[src*="/frame.html#"]').screenshot({ path: join(SCREENSHOTS, `${tag}-history${suffix}.png`) });
      expect(await violations(frame)).toEqual([]);
    }
  });
}

test('without a locale option the browser language decides, a region falling back to its language', async ({ browser, demo }) => {
  const cases: [string, string, string, string][] = [
    ['de-AT', 'de-AT', 'Chat', 'Verlauf'], ['pt-PT', 'pt-PT', 'Chat', 'Histórico'], ['zh-MO', 'zh-MO', '聊天', '記錄'],
    ['he-IL', 'he-IL', 'צ׳אט', 'היסטוריה'], ['xx-YY', 'en', 'Chat', 'History'],
  ];
  for (const [browserLocale, lang, title, history] of cases) {
    const context = await browser.newContext({ locale: browserLocale });
    const page = await context.newPage();
    await page.goto(new URL('/locale.html', demo.hostUrl).href);
    const frame = await widgetFrame(page);
    await expect(frame.getByRole('dialog')).toBeVisible();
    await expect.poll(() => frame.evaluate(() => document.documentElement.lang)).toBe(lang);
    await expect(frame.getByRole('button', { name: history })).toBeVisible();
    await expect(page.locator('iframe[src*="/frame.html#"]')).toHaveAttribute('title', title);
    await context.close();
  }
});
