/**
 * The walking skeleton in a real browser, host page and widget on two origins: the snippet, opening and closing,
 * the pre-load queue, idempotency, hostile frames, strict CSP, click-through, load failure, narrow viewports.
 */
import type { Page } from '@playwright/test';
import { expect, test, widgetFrame } from './support/fixtures.ts';

/** Waits for the real `window.ChatKit` (not the stub). */
async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as { ChatKit?: { __chatkit?: boolean } }).ChatKit?.__chatkit === true);
}

/** Records `chatkit.*` events in `window.__events`. */
async function recordEvents(page: Page, names: string[]): Promise<void> {
  await ready(page);
  await page.evaluate((list) => {
    const w = window as unknown as { __events: string[]; ChatKit: { on(n: string, f: (d: unknown) => void): void } };
    w.__events = [];
    for (const n of list) w.ChatKit.on(n, () => w.__events.push(n));
  }, names);
}

const events = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { __events: string[] }).__events);

test('the snippet page shows the launcher, and only the launcher', async ({ page, demo }) => {
  await page.goto(demo.hostUrl);
  const frame = await widgetFrame(page);
  await expect(frame.getByRole('button', { name: 'Open chat' })).toBeVisible();
  const box = await page.locator('iframe').boundingBox();
  expect(box).toEqual({ x: 1280 - 20 - 56, y: 800 - 20 - 56, width: 56, height: 56 });
  await expect(page.locator('iframe')).toHaveAttribute('title', 'Chat');
  await expect(page.locator('iframe')).toHaveAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-downloads');
  await expect(page.locator('iframe')).toHaveAttribute('referrerpolicy', 'strict-origin');
  expect(new URL((await page.locator('iframe').getAttribute('src')) ?? '').origin).toBe(new URL(demo.widgetUrl).origin);
});

test('clicking the launcher opens the panel, fires chatkit.open and focuses the composer; Escape closes it', async ({ page, demo }) => {
  await page.goto(demo.hostUrl);
  await recordEvents(page, ['chatkit.open', 'chatkit.close']);
  const frame = await widgetFrame(page);
  await frame.getByRole('button', { name: 'Open chat' }).click();
  const composer = frame.getByRole('textbox', { name: 'Message the AI' });
  await expect(composer).toBeFocused();
  await expect(frame.getByRole('heading', { name: 'Hi! Ask me anything about Northwind.' })).toBeVisible();
  await expect(frame.getByRole('button', { name: 'Close chat' }).first()).toBeVisible();
  expect(await events(page)).toEqual(['chatkit.open']);
  const open = await page.locator('iframe').boundingBox();
  expect(open).toEqual({ x: 1280 - 20 - 400, y: 20, width: 400, height: 760 });

  await composer.press('Escape');
  await expect(frame.getByRole('button', { name: 'Open chat' })).toBeFocused();
  await expect.poll(() => events(page)).toEqual(['chatkit.open', 'chatkit.close']);
  await expect.poll(async () => (await page.locator('iframe').boundingBox())?.width).toBe(56);
});

test('ChatKit.open() and close() drive the panel and settle their promises', async ({ page, demo }) => {
  await page.goto(demo.hostUrl);
  await recordEvents(page, ['chatkit.open', 'chatkit.close']);
  await page.evaluate(() => (window as unknown as { ChatKit: { open(): Promise<void> } }).ChatKit.open());
  const frame = await widgetFrame(page);
  await expect(frame.getByRole('dialog', { name: 'Northwind Assistant' })).toBeVisible();
  await page.evaluate(() => (window as unknown as { ChatKit: { close(): Promise<void> } }).ChatKit.close());
  await expect(frame.getByRole('dialog')).toHaveCount(0);
  expect(await events(page)).toEqual(['chatkit.open', 'chatkit.close']);
});

test('calls queued through the stub before the script loads run in order once ready', async ({ page, demo }) => {
  await page.goto(`${demo.hostUrl}stub.html`);
  await page.waitForFunction(() => (window as unknown as { settled: string[] }).settled.length === 2);
  expect(await page.evaluate(() => (window as unknown as { settled: string[] }).settled)).toEqual(['setOptions', 'open']);
  expect(await page.evaluate(() => (window as unknown as { events: string[] }).events)).toEqual(['ready', 'open']);
  const frame = await widgetFrame(page);
  await expect(frame.getByRole('heading', { name: 'Hello from setOptions' })).toBeVisible();
});

test('including the script twice gives one widget', async ({ page, demo }) => {
  await page.goto(`${demo.hostUrl}double.html`);
  await ready(page);
  const frame = await widgetFrame(page);
  await expect(frame.getByRole('button', { name: 'Open chat' })).toBeVisible();
  await page.waitForTimeout(300);
  await expect(page.locator('iframe')).toHaveCount(1);
});

test('a foreign iframe on the page cannot drive the widget, even knowing the nonce', async ({ page, demo }) => {
  await page.goto(`${demo.hostUrl}foreign.html`);
  await recordEvents(page, ['chatkit.open']);
  const widget = await widgetFrame(page);
  await expect(widget.getByRole('button', { name: 'Open chat' })).toBeVisible();
  const nonce = new URL((await page.locator('iframe[src*="/frame.html#"]').getAttribute('src')) ?? '').hash.replace('#nonce=', '');
  const foreign = page.frame({ url: /foreign-frame\.html/ });
  const results = await foreign!.evaluate((n) => (window as unknown as { attack(n: string): Promise<unknown[]> }).attack(n), nonce);
  expect(results).toEqual([]);
  // Nothing opened, and the real page still controls the widget.
  await expect(widget.getByRole('dialog')).toHaveCount(0);
  expect(await events(page)).toEqual([]);
  await page.evaluate(() => (window as unknown as { ChatKit: { open(): Promise<void> } }).ChatKit.open());
  await expect(widget.getByRole('dialog')).toBeVisible();
  expect(await events(page)).toEqual(['chatkit.open']);
});

test('the strict-CSP page reports zero violations in the host and in the frame', async ({ page, demo }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto(`${demo.hostUrl}strict-csp.html`);
  expect(response?.headers()['content-security-policy']).toMatch(/^default-src 'none'; script-src 'nonce-[^']+'; style-src 'self'; img-src 'self'; frame-src http:\/\/widget\.test:\d+$/);
  const frame = await widgetFrame(page);
  await frame.getByRole('button', { name: 'Open chat' }).click();
  await frame.getByRole('textbox').fill('hello');
  await expect(frame.getByRole('dialog')).toBeVisible();
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
  expect(await frame.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
});

test('closed, the iframe does not intercept clicks on host content around the launcher', async ({ page, demo }) => {
  await page.goto(`${demo.hostUrl}clickthrough.html`);
  const frame = await widgetFrame(page);
  await expect(frame.getByRole('button', { name: 'Open chat' })).toBeVisible();
  // Just outside the launcher's box, and inside its box but outside the circle (the corner).
  await page.mouse.click(1280 - 20 - 56 - 4, 800 - 20 - 28);
  await page.mouse.click(1280 - 20 - 3, 800 - 20 - 3);
  expect(await page.evaluate(() => (window as unknown as { hostClicks: number }).hostClicks)).toBe(2);
});

test('open, the transparent strip beside the launcher lets clicks through', async ({ page, demo }) => {
  await page.goto(`${demo.hostUrl}clickthrough.html`);
  await ready(page);
  await page.evaluate(() => (window as unknown as { ChatKit: { open(): Promise<void> } }).ChatKit.open());
  const frame = await widgetFrame(page);
  await expect(frame.getByRole('dialog')).toBeVisible();
  // Left of the launcher, below the panel: inside the iframe's box, outside its clip-path.
  await page.mouse.click(1280 - 20 - 56 - 30, 800 - 20 - 28);
  expect(await page.evaluate(() => (window as unknown as { hostClicks: number }).hostClicks)).toBe(1);
});

test('a frame that fails to load is removed and reported; it never blocks clicks', async ({ page, demo }) => {
  await page.route('**/frame.html', (route) => route.abort());
  await page.goto(`${demo.hostUrl}load-fail.html`);
  await page.waitForFunction(() => (window as unknown as { errors: string[] }).errors.length > 0, undefined, { timeout: 5000 });
  const errors = await page.evaluate(() => (window as unknown as { errors: string[] }).errors);
  expect(errors[0]).toMatch(/^Chat frame did not load: http:\/\/widget\.test:\d+\/frame\.html$/);
  await expect(page.locator('iframe')).toHaveCount(0);
  await page.mouse.click(1280 - 40, 800 - 40);
  expect(await page.evaluate(() => (window as unknown as { hostClicks: number }).hostClicks)).toBe(1);
  const rejected = await page.evaluate(() => (window as unknown as { ChatKit: { open(): Promise<void> } }).ChatKit.open().then(() => 'resolved', (e: Error & { code?: string }) => e.code));
  expect(rejected).toBe('LOAD_FAILED');
});

test('on a narrow viewport the open panel covers the whole visual viewport', async ({ page, demo }) => {
  await page.setViewportSize({ width: 390, height: 700 });
  await page.goto(demo.hostUrl);
  const frame = await widgetFrame(page);
  await frame.getByRole('button', { name: 'Open chat' }).click();
  await expect(frame.getByRole('dialog')).toBeVisible();
  await expect.poll(() => page.locator('iframe').boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 700 });
  await page.setViewportSize({ width: 390, height: 500 });
  await expect.poll(() => page.locator('iframe').boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 500 });
});

test('destroy() removes the iframe and every listener; the script can then mount again', async ({ page, demo }) => {
  await page.goto(demo.hostUrl);
  await ready(page);
  await widgetFrame(page);
  await page.evaluate(() => (window as unknown as { ChatKit: { destroy(): Promise<void> } }).ChatKit.destroy());
  await expect(page.locator('iframe')).toHaveCount(0);
  expect(await page.evaluate(() => 'ChatKit' in window)).toBe(false);
  await page.evaluate((src) => {
    const s = document.createElement('script');
    s.src = src;
    s.dataset.apiUrl = '/chatkit';
    document.body.appendChild(s);
  }, `${demo.widgetUrl}chatkit.js`);
  const frame = await widgetFrame(page);
  await expect(frame.getByRole('button', { name: 'Open chat' })).toBeVisible();
  await expect(page.locator('iframe')).toHaveCount(1);
});
