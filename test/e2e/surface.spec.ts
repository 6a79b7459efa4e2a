/**
 * The ChatKit client surface in a real browser: the React drop-in (@openai/chatkit-react, unchanged), options with
 * host functions (header actions), thread item actions reaching the backend, locale and RTL, option errors.
 */
import type { FrameLocator, Page, Request } from '@playwright/test';
import { expect, test, widgetFrame } from './support/fixtures.ts';

type ChatKitGlobal = {
  __chatkit?: boolean;
  setOptions(o: unknown): Promise<void>;
  open(): Promise<void>;
  on(n: string, f: (d: unknown) => void): () => void;
};
const ck = 'iframe[src*="/frame.html#"]';

async function setup(page: Page, url: string, options: string): Promise<FrameLocator> {
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { ChatKit?: ChatKitGlobal }).ChatKit?.__chatkit === true);
  // `options` is a JS expression evaluated in the page, so it can hold functions (they stay on the page).
  await page.evaluate(`window.ChatKit.setOptions(${options}).then(() => window.ChatKit.open())`);
  await widgetFrame(page);
  const frame = page.frameLocator(ck);
  await expect(frame.getByRole('dialog')).toBeVisible();
  return frame;
}

/** Parsed JSON bodies of the requests the widget sent to /chatkit. */
function captureRequests(page: Page): { type: string; params: Record<string, unknown>; headers: Record<string, string> }[] {
  const seen: { type: string; params: Record<string, unknown>; headers: Record<string, string> }[] = [];
  page.on('request', (r: Request) => {
    if (r.method() !== 'POST' || !r.url().endsWith('/chatkit')) return;
    const body = r.postDataJSON() as { type: string; params: Record<string, unknown> };
    seen.push({ ...body, headers: r.headers() });
  });
  return seen;
}

test('a React app written for @openai/chatkit-react runs unchanged on our loader', async ({ page, demo }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${demo.hostUrl}react/`);
  const log = page.getByLabel('Events');
  await expect(log).toHaveText('ready');
  const frame = page.frameLocator(`openai-chatkit ${ck}`);
  await expect(frame.getByRole('heading', { name: 'Hello from a React app' })).toBeVisible();
  // The element fills its box (the React app sizes it with a class).
  const box = await page.locator('openai-chatkit').boundingBox();
  expect(box?.height).toBe(640);
  await expect.poll(async () => (await page.locator(`openai-chatkit ${ck}`).boundingBox())?.height).toBe(640);

  await page.getByRole('button', { name: 'sendUserMessage' }).click();
  await expect(frame.locator('.ck-user-bubble')).toHaveText(['hello from react']);
  await expect(frame.locator('.ck-assistant').last()).toContainText('hello from react');
  await expect(log).toContainText('response.end');
  const lines = (await log.innerText()).split('\n');
  expect(lines.slice(0, 2)).toEqual(['ready', 'response.start']);
  expect(lines.some((l) => /^thread\.change thr_/.test(l))).toBe(true);

  // A header action's onClick runs in the React app (host code), through the bridge.
  await frame.getByRole('button', { name: 'star' }).click();
  await expect(log).toContainText('header action clicked');
  // useChatKit methods reach the element.
  await page.getByRole('button', { name: 'setThreadId(null)' }).click();
  await expect(frame.getByRole('heading', { name: 'Hello from a React app' })).toBeVisible();
  await expect(log).toContainText('thread.change null');
  expect(errors).toEqual([]);
});

test('header actions run host functions, and a bad option is reported by path while the rest applies', async ({ page, demo }) => {
  await page.goto(demo.hostUrl);
  await page.waitForFunction(() => (window as unknown as { ChatKit?: ChatKitGlobal }).ChatKit?.__chatkit === true);
  await page.evaluate(() => {
    const w = window as unknown as { __errors: string[]; __clicks: number; ChatKit: ChatKitGlobal };
    w.__errors = [];
    w.__clicks = 0;
    w.ChatKit.on('chatkit.error', (d) => w.__errors.push((d as { error: Error }).error.message));
  });
  await page.evaluate(
    `window.ChatKit.setOptions({ api: { url: '/chatkit' }, theme: { radius: 'huge', colorScheme: 'dark' }, startScreen: { greeting: 'Custom greeting' }, header: { leftAction: { icon: 'sidebar-left', onClick: () => { window.__clicks++; } } } }).then(() => window.ChatKit.open())`,
  );
  const frame = page.frameLocator(ck);
  await expect(frame.getByRole('heading', { name: 'Custom greeting' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __errors: string[] }).__errors)).toEqual([
    'theme.radius: expected one of "pill" | "round" | "soft" | "sharp", received "huge"',
  ]);
  // The rest of the theme applied.
  await expect(frame.locator('html')).toHaveAttribute('data-color-scheme', 'dark');
  await frame.getByRole('button', { name: 'sidebar left' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __clicks: number }).__clicks)).toBe(1);
});

test('thumbs and retry reach the backend', async ({ page, demo }) => {
  const requests = captureRequests(page);
  const frame = await setup(page, demo.hostUrl, `{ api: { url: '/chatkit' }, threadItemActions: { feedback: true, retry: true } }`);
  await frame.getByRole('textbox').fill('rate me');
  await frame.getByRole('textbox').press('Enter');
  await expect(frame.locator('.ck-assistant').last()).toContainText('rate me');
  await frame.getByRole('button', { name: 'Good response' }).click();
  await expect(frame.getByRole('button', { name: 'Good response' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => requests.filter((r) => r.type === 'items.feedback').length).toBe(1);
  const feedback = requests.find((r) => r.type === 'items.feedback');
  expect(feedback?.params.kind).toBe('positive');
  expect((feedback?.params.item_ids as string[]).length).toBe(1);

  await frame.getByRole('button', { name: 'Retry' }).click();
  await expect.poll(() => requests.filter((r) => r.type === 'threads.retry_after_item').length).toBe(1);
  await expect(frame.locator('.ck-assistant')).toHaveCount(1);
  await expect(frame.locator('.ck-assistant').last()).toContainText('rate me');
});

test('switching the locale to Arabic lays the widget out right to left and sends Accept-Language: ar', async ({ page, demo }) => {
  const requests = captureRequests(page);
  const frame = await setup(page, demo.hostUrl, `{ api: { url: '/chatkit' }, locale: 'ar' }`);
  await expect(frame.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(frame.locator('html')).toHaveAttribute('lang', 'ar');
  const input = frame.getByRole('textbox');
  await expect(input).toHaveAttribute('placeholder', 'أرسل رسالة إلى الذكاء الاصطناعي');
  // RTL: the send button sits to the left of the input.
  const [inputBox, sendBox] = await Promise.all([input.boundingBox(), frame.locator('.ck-send').boundingBox()]);
  expect(sendBox!.x).toBeLessThan(inputBox!.x);
  await input.fill('مرحبا');
  await input.press('Enter');
  await expect(frame.locator('.ck-assistant').last()).toContainText('مرحبا');
  expect(requests.find((r) => r.type === 'threads.create')?.headers['accept-language']).toBe('ar');
});
