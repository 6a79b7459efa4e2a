/**
 * Real conversations against the reference backend (demo agent, SQLite store), host and widget on two origins:
 * streaming, stop, retry, history, reload, a server restart in between, unread counts.
 */
import type { FrameLocator, Page } from '@playwright/test';
import { startDemo } from './support/demo.ts';
import { expect, test, widgetFrame } from './support/fixtures.ts';

async function openChat(page: Page, url: string): Promise<FrameLocator> {
  await page.goto(url);
  await widgetFrame(page);
  const frame = page.frameLocator('iframe[src*="/frame.html#"]');
  await frame.getByRole('button', { name: 'Open chat' }).click();
  await expect(frame.getByRole('dialog')).toBeVisible();
  return frame;
}

async function send(frame: FrameLocator, text: string): Promise<void> {
  const input = frame.getByRole('textbox', { name: 'Message the AI' });
  await input.fill(text);
  await input.press('Enter');
}

const assistant = (frame: FrameLocator) => frame.locator('.ck-assistant');

test('typing a message streams the answer into the thread and titles it', async ({ page, demo }) => {
  const frame = await openChat(page, demo.hostUrl);
  await send(frame, 'hello there');
  await expect(frame.locator('.ck-user-bubble')).toHaveText('hello there');
  await expect(assistant(frame).last()).toContainText('You said: “hello there”. I\'m a demo agent without a language model; type help to see what I can show.');
  await expect(frame.getByRole('textbox', { name: 'Message the AI' })).toHaveValue('');
  await expect(frame.getByRole('button', { name: 'Send message' })).toBeDisabled();
  // data-title wins over the thread title in the header; the thread still got one (visible in history below).
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Northwind Assistant');
});

test('stopping mid-stream keeps the partial answer, and the server keeps it too', async ({ page }) => {
  const slow = await startDemo({ env: { DEMO_WORD_DELAY_MS: '60' } });
  try {
    const frame = await openChat(page, slow.hostUrl);
    await send(frame, 'long');
    const stop = frame.getByRole('button', { name: 'Stop generating' });
    await expect(stop).toBeVisible();
    await expect(assistant(frame).last()).toContainText('Markdown');
    await stop.click();
    await expect(stop).toHaveCount(0);
    const partial = (await assistant(frame).last().innerText()).trim();
    await page.waitForTimeout(500);
    expect((await assistant(frame).last().innerText()).trim()).toBe(partial);
    expect(partial.length).toBeGreaterThan(10);
    // The composer is usable again.
    await send(frame, 'hello after stop');
    await expect(assistant(frame).last()).toContainText('hello after stop');
    // Reload: the stopped answer was persisted by the server as it was.
    await page.reload();
    const again = page.frameLocator('iframe[src*="/frame.html#"]');
    await again.getByRole('button', { name: 'Open chat' }).click();
    await expect(again.locator('.ck-assistant').first()).toContainText(partial.split('\n')[0] ?? '');
  } finally {
    await slow.cleanup();
  }
});

test('Stop only stops: with a draft in the composer, Stop by mouse, Enter or Space never sends it', async ({ page }) => {
  const slow = await startDemo({ env: { DEMO_WORD_DELAY_MS: '60' } });
  try {
    const frame = await openChat(page, slow.hostUrl);
    const input = frame.getByRole('textbox', { name: 'Message the AI' });
    const stop = frame.getByRole('button', { name: 'Stop generating' });
    const ways: [string, () => Promise<void>][] = [
      ['mouse', () => stop.click()],
      ['Enter', async () => (await stop.focus(), await page.keyboard.press('Enter'))],
      ['Space', async () => (await stop.focus(), await page.keyboard.press(' '))],
    ];
    let turns = 0;
    for (const [way, press] of ways) {
      await send(frame, 'long');
      turns += 1;
      await expect(stop).toBeVisible();
      await input.fill(`draft kept after ${way}`);
      await press();
      await expect(stop).toHaveCount(0);
      await page.waitForTimeout(300);
      await expect(frame.locator('.ck-user-bubble'), way).toHaveCount(turns);
      await expect(input, way).toHaveValue(`draft kept after ${way}`);
      // Focus stays in the widget, on the composer, when the Stop button goes away.
      await expect(input, way).toBeFocused();
      await input.fill('');
    }
  } finally {
    await slow.cleanup();
  }
});

test('an error mid-answer shows a message with Retry, and retrying completes the turn', async ({ page, demo }) => {
  const frame = await openChat(page, demo.hostUrl);
  await page.waitForFunction(() => (window as { ChatKit?: { __chatkit?: boolean } }).ChatKit?.__chatkit === true);
  await page.evaluate(() => {
    const w = window as unknown as { __errors: string[]; ChatKit: { on(n: string, f: (d: { error: Error }) => void): void } };
    w.__errors = [];
    w.ChatKit.on('chatkit.error', (d) => w.__errors.push(`${d.error instanceof Error}:${d.error.message}`));
  });
  await frame.getByRole('textbox').fill('keep this draft');
  await send(frame, 'error please');
  const alert = frame.getByRole('alert');
  await expect(alert).toContainText('Something went wrong.');
  expect(await page.evaluate(() => (window as unknown as { __errors: string[] }).__errors)).toEqual(['true:The response failed (stream.error)']);
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(frame.getByRole('alert')).toHaveCount(0);
  await expect(assistant(frame).last()).not.toContainText('fail half way');
  await expect(assistant(frame)).toHaveCount(1);
  await expect(frame.locator('.ck-user-bubble')).toHaveCount(1);
});

test('history lists, reopens, renames and deletes threads', async ({ page, demo }) => {
  const frame = await openChat(page, `${demo.hostUrl}index.html`);
  await send(frame, 'first topic');
  await expect(assistant(frame).last()).toContainText('first topic');
  await frame.getByRole('button', { name: 'New chat' }).click();
  await expect(frame.getByRole('heading', { name: 'Hi! Ask me anything about Northwind.' })).toBeVisible();
  await send(frame, 'second topic');
  await expect(assistant(frame).last()).toContainText('second topic');

  await frame.getByRole('button', { name: 'History' }).click();
  const list = frame.locator('.ck-history-open');
  await expect(list.first()).toBeVisible();
  const titles = await list.allInnerTexts();
  expect(titles.slice(0, 2)).toEqual(['second topic', 'first topic']);

  await frame.getByRole('button', { name: 'first topic', exact: true }).click();
  await expect(frame.locator('.ck-user-bubble')).toHaveText(['first topic']);

  await frame.getByRole('button', { name: 'History' }).click();
  await frame.getByRole('button', { name: 'Rename: first topic' }).click();
  const field = frame.getByRole('textbox', { name: 'Title' });
  await field.fill('Renamed topic');
  await field.press('Enter');
  await expect(frame.getByRole('button', { name: 'Renamed topic', exact: true })).toBeVisible();

  await frame.getByRole('button', { name: 'Delete: second topic' }).click();
  await frame.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(frame.getByRole('button', { name: 'second topic', exact: true })).toHaveCount(0);
  // The deletion reached the server: a fresh list agrees.
  await frame.getByRole('button', { name: 'Back to chat' }).click();
  await frame.getByRole('button', { name: 'History' }).click();
  await expect(frame.getByRole('button', { name: 'Renamed topic', exact: true })).toBeVisible();
  await expect(frame.getByRole('button', { name: 'second topic', exact: true })).toHaveCount(0);
});

test('a reload keeps the conversation, and so does a server restart in between', async ({ page }) => {
  const first = await startDemo();
  const ports = [new URL(first.hostUrl).port, new URL(first.widgetUrl).port];
  try {
    const frame = await openChat(page, first.hostUrl);
    await send(frame, 'remember me');
    await expect(assistant(frame).last()).toContainText('remember me');
    await page.reload();
    const reloaded = page.frameLocator('iframe[src*="/frame.html#"]');
    await reloaded.getByRole('button', { name: 'Open chat' }).click();
    await expect(reloaded.locator('.ck-user-bubble')).toHaveText(['remember me']);
    await first.stop();
    // Same ports (same origins, so the same browser storage), same data folder: a restarted server.
    const second = await startDemo({ dataDir: first.dataDir, args: ['--host-port', ports[0]!, '--widget-port', ports[1]!] });
    try {
      await page.reload();
      const restarted = page.frameLocator('iframe[src*="/frame.html#"]');
      await restarted.getByRole('button', { name: 'Open chat' }).click();
      await expect(restarted.locator('.ck-user-bubble')).toHaveText(['remember me']);
      await expect(restarted.locator('.ck-assistant').last()).toContainText('remember me');
    } finally {
      await second.stop();
    }
  } finally {
    await first.cleanup();
  }
});

test('a reply that finishes while the panel is closed raises the unread count; opening clears it', async ({ page, demo }) => {
  await page.goto(demo.hostUrl);
  await page.waitForFunction(() => (window as { ChatKit?: { __chatkit?: boolean } }).ChatKit?.__chatkit === true);
  await page.evaluate(() => {
    const w = window as unknown as { __unread: number[]; ChatKit: { on(n: string, f: (d: { count: number }) => void): void } };
    w.__unread = [];
    w.ChatKit.on('chatkit.unread', (d) => w.__unread.push(d.count));
  });
  await page.evaluate(() => (window as unknown as { ChatKit: { sendUserMessage(p: unknown): Promise<void> } }).ChatKit.sendUserMessage({ text: 'ping while closed' }));
  const frame = page.frameLocator('iframe[src*="/frame.html#"]');
  await expect(frame.getByRole('button', { name: 'Open chat, 1 unread message' })).toBeVisible();
  await expect(frame.locator('.ck-badge')).toHaveText('1');
  await frame.getByRole('button', { name: 'Open chat, 1 unread message' }).click();
  await expect(frame.locator('.ck-badge')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __unread: number[] }).__unread)).toEqual([1, 0]);
});
