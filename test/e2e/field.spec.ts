/**
 * The widget as it is deployed (issue "works in the field"): served from another site than the page, with the
 * frame's third-party storage denied. The conversation survives reloads through the host page's first-party
 * storage, which site owners can limit to the session or turn off; a page that only uses <openai-chatkit> gets no
 * floating widget; two sites on one widget origin never share a thread; other sites can be allowed to embed.
 */
import type { FrameLocator, Page } from '@playwright/test';
import { startDemo } from './support/demo.ts';
import { expect, test, widgetFrame } from './support/fixtures.ts';

const FRAME = 'iframe[src*="/frame.html#"]';

async function openChat(page: Page, url: string): Promise<FrameLocator> {
  await page.goto(url);
  await widgetFrame(page);
  const frame = page.frameLocator(FRAME);
  await frame.getByRole('button', { name: 'Open chat' }).click();
  await expect(frame.getByRole('dialog')).toBeVisible();
  return frame;
}

async function chat(frame: FrameLocator, text: string): Promise<void> {
  const input = frame.getByRole('textbox', { name: 'Message the AI' });
  await input.fill(text);
  await input.press('Enter');
  await expect(frame.locator('.ck-assistant').last()).toContainText(`You said: “${text}”`);
}

/** The host page's chatkit:* keys in an area. */
const kept = (page: Page, area: 'localStorage' | 'sessionStorage'): Promise<Record<string, string>> =>
  page.evaluate((a) => Object.fromEntries(Object.entries(window[a]).filter(([k]) => k.startsWith('chatkit:'))), area);

test('the widget frame, on another site than the page, has no storage of its own', async ({ page, demo }) => {
  await page.goto(demo.hostUrl);
  const frame = await widgetFrame(page);
  expect(await frame.evaluate(() => {
    try {
      return typeof window.localStorage;
    } catch (e) {
      return (e as Error).name;
    }
  })).toBe('SecurityError');
});

test('the conversation survives a reload: the thread id is kept in the host page’s storage, per API URL and instance', async ({ page, demo }) => {
  const frame = await openChat(page, demo.hostUrl);
  expect(await kept(page, 'localStorage')).toEqual({});
  await chat(frame, 'remember me');
  const keys = await kept(page, 'localStorage');
  expect(Object.keys(keys)).toEqual([`chatkit:default:${demo.hostUrl}chatkit:thread`]);
  expect(Object.values(keys)[0]).toMatch(/^thr_/);
  await page.reload();
  const again = page.frameLocator(FRAME);
  await again.getByRole('button', { name: 'Open chat' }).click();
  await expect(again.locator('.ck-user-bubble')).toHaveText(['remember me']);
});

test('nothing is stored before the visitor engages', async ({ page, demo }) => {
  await page.goto(demo.hostUrl);
  await widgetFrame(page);
  await expect(page.frameLocator(FRAME).getByRole('button', { name: 'Open chat' })).toBeVisible();
  await page.waitForTimeout(300);
  expect(await kept(page, 'localStorage')).toEqual({});
});

test('data-storage="session" keeps the thread for the tab only; setStorage("none") removes it and keeps nothing', async ({ page, demo }) => {
  const frame = await openChat(page, `${demo.hostUrl}field-storage.html?storage=session`);
  await chat(frame, 'session only');
  expect(await kept(page, 'localStorage')).toEqual({});
  expect(Object.keys(await kept(page, 'sessionStorage'))).toHaveLength(1);
  await page.reload();
  const again = page.frameLocator(FRAME);
  await again.getByRole('button', { name: 'Open chat' }).click();
  await expect(again.locator('.ck-user-bubble')).toHaveText(['session only']);
  // Consent withdrawn: what was stored is removed, and nothing is stored from then on.
  await page.evaluate(() => (window as unknown as { ChatKit: { setStorage(m: string): Promise<void> } }).ChatKit.setStorage('none'));
  expect([await kept(page, 'localStorage'), await kept(page, 'sessionStorage')]).toEqual([{}, {}]);
  await again.getByRole('button', { name: 'New chat' }).click();
  await chat(again, 'not kept');
  expect([await kept(page, 'localStorage'), await kept(page, 'sessionStorage')]).toEqual([{}, {}]);
  await page.reload();
  const third = page.frameLocator(FRAME);
  await third.getByRole('button', { name: 'Open chat' }).click();
  await expect(third.locator('.ck-user-bubble')).toHaveCount(0);
  // A bad value is refused with a clear error.
  const error = await page.evaluate(() =>
    (window as unknown as { ChatKit: { setStorage(m: string): Promise<void> } }).ChatKit.setStorage('cookies').then(() => '', (e: Error) => e.message),
  );
  expect(error).toBe('setStorage: expected "local" | "session" | "none", received "cookies"');
});

test('data-storage="none" stores nothing at all, even after a conversation', async ({ page, demo }) => {
  const frame = await openChat(page, `${demo.hostUrl}field-storage.html?storage=none`);
  await chat(frame, 'no consent');
  expect([await kept(page, 'localStorage'), await kept(page, 'sessionStorage')]).toEqual([{}, {}]);
});

test('a kept thread the backend no longer has opens a new chat, with no error', async ({ page, demo }) => {
  await page.goto(demo.hostUrl);
  await page.evaluate((key) => localStorage.setItem(key, 'thr_gone'), `chatkit:default:${demo.hostUrl}chatkit:thread`);
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const frame = await openChat(page, demo.hostUrl);
  await expect(frame.getByRole('heading', { name: 'Hi! Ask me anything about Northwind.' })).toBeVisible();
  await expect(frame.getByRole('alert')).toHaveCount(0);
  expect(await kept(page, 'localStorage')).toEqual({});
  await chat(frame, 'fresh start');
  expect(errors.filter((e) => !/404|Not Found/i.test(e))).toEqual([]);
});

test('a page that only uses <openai-chatkit> gets no floating launcher and no extra iframe', async ({ page, demo }) => {
  await page.goto(`${demo.hostUrl}react/`);
  await expect(page.getByLabel('Events')).toHaveText('ready');
  await page.waitForTimeout(500);
  // One iframe, inside the element: nothing floats over the app.
  expect(await page.locator('iframe').count()).toBe(1);
  expect(await page.locator('openai-chatkit iframe').count()).toBe(1);
  expect(await page.evaluate(() => [...document.body.children].some((e) => e.tagName === 'IFRAME'))).toBe(false);
});

test('two sites on one widget origin never share a thread', async ({ browser }) => {
  // Any site may embed this demo, so a second site (other.test) can use the same widget origin and backend.
  const demo = await startDemo({ args: ['--embed-origin', '*'] });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const frame = await openChat(page, demo.hostUrl);
    await chat(frame, 'site one');
    const other = demo.hostUrl.replace('site.test', 'other.test');
    const second = await openChat(page, other);
    await expect(second.getByRole('heading', { name: 'Hi! Ask me anything about Northwind.' })).toBeVisible();
    await expect(second.locator('.ck-user-bubble')).toHaveCount(0);
  } finally {
    await context.close();
    await demo.cleanup();
  }
});

test('--embed-origin lets another site embed the widget; other sites are refused by frame-ancestors', async ({ page }) => {
  const demo = await startDemo({ args: ['--embed-origin', 'http://allowed.test:1'] });
  // Requests from the test runner (Node) do not use Chromium's host resolver: reach the same servers by address.
  const direct = (url: string): string => url.replace(/\/\/(site|widget)\.test:/, '//127.0.0.1:');
  try {
    const allowed = await page.request.get(direct(`${demo.widgetUrl}frame.html`));
    expect(allowed.headers()['content-security-policy']).toBe(`frame-ancestors ${demo.hostUrl.replace(/\/$/, '')} http://allowed.test:1`);
    const cors = await page.request.fetch(direct(`${demo.hostUrl}chatkit`), { method: 'OPTIONS', headers: { origin: 'http://allowed.test:1', 'access-control-request-method': 'POST' } });
    expect(cors.headers()['access-control-allow-origin']).toBe('http://allowed.test:1');
    const refused = await page.request.fetch(direct(`${demo.hostUrl}chatkit`), { method: 'OPTIONS', headers: { origin: 'http://evil.test', 'access-control-request-method': 'POST' } });
    expect(refused.headers()['access-control-allow-origin']).toBeUndefined();
  } finally {
    await demo.cleanup();
  }
});

test('a hostile host page cannot hide or break the widget: host CSS on iframes, replaced Promise and customElements, COEP', async ({ page }) => {
  // Cross-origin isolation needs a secure context: the page on site.localhost (trustworthy, like https), the widget
  // still on widget.test.
  const demo = await startDemo({ args: ['--host-name', 'site.localhost'] });
  test.info().attach('demo', { body: demo.hostUrl });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const response = await page.goto(`${demo.hostUrl}hostile-coep.html`);
  expect(response?.headers()['cross-origin-embedder-policy']).toBe('require-corp');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  const iframe = page.locator(FRAME);
  await expect(iframe).toBeAttached();
  const look = await iframe.evaluate((el) => {
    const s = getComputedStyle(el);
    return [s.display, s.opacity, s.pointerEvents, s.transform, s.filter, s.marginTop];
  });
  expect(look).toEqual(['block', '1', 'auto', 'none', 'none', '0px']);
  const frame = page.frameLocator(FRAME);
  // A real click at the launcher's place on screen reaches it.
  await frame.getByRole('button', { name: 'Open chat' }).click();
  await expect(frame.getByRole('dialog')).toBeVisible();
  await chat(frame, 'still here');
  expect(errors).toEqual([]);
  await demo.cleanup();
});
