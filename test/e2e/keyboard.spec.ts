/**
 * Keyboard only: every flow of the widget driven by Tab, Enter, Space and Escape, asserting after each step which
 * element has focus, and at the end that focus never fell to the frame's <body> (a keyboard or screen-reader
 * user would be thrown back to the start of the page). The demo server here streams slowly enough to press Stop.
 */
import type { Frame, Page } from '@playwright/test';
import { active, bodyFocusLosses, expectFocus, setupWidget, tabTo } from './a11y-kit.ts';
import { startDemo, type Demo } from './support/demo.ts';
import { expect, test } from './support/fixtures.ts';

let demo: Demo;
// A fresh server per test, so the history test sees only its own threads.
test.beforeEach(async () => {
  demo = await startDemo({ env: { DEMO_WORD_DELAY_MS: '15' } });
});
test.afterEach(async () => demo.cleanup());

const composer = /^textarea:Message the AI$/;

/** Types a message in the focused composer and sends it with Enter; focus stays in the composer. */
async function send(page: Page, frame: Frame, text: string): Promise<void> {
  await expectFocus(frame, composer);
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await expectFocus(frame, composer);
}

/** Tabs from the host page into the frame and opens the panel with Enter. */
async function openByKeyboard(page: Page, frame: Frame): Promise<void> {
  for (let i = 0; i < 30 && (await active(frame)) !== 'button:Open chat'; i++) await page.keyboard.press('Tab');
  await expectFocus(frame, /^button:Open chat$/);
  await page.keyboard.press('Enter');
  await expect(frame.getByRole('dialog')).toBeVisible();
  await expectFocus(frame, composer);
}

const idle = (frame: Frame) => expect(frame.locator('.ck-thread[aria-busy="false"]')).toBeAttached({ timeout: 15_000 });

test('open, a prompt, send, stop, message actions, retry of a reply and of an error, and close keep focus in the widget', async ({ page }) => {
  test.setTimeout(60_000);
  const frame = await setupWidget(page, demo.hostUrl);
  await openByKeyboard(page, frame);

  // A start-screen prompt: the start screen goes away, focus goes to the composer.
  await tabTo(page, frame, /^button:Say hello$/, true);
  await page.keyboard.press('Enter');
  await expectFocus(frame, composer);
  await expect(frame.locator('.ck-assistant')).toHaveCount(1);
  await idle(frame);

  // Message actions: Copy keeps focus (its name says Copied), feedback is a toggle, Retry regenerates the reply.
  await tabTo(page, frame, /^button:Copy$/, true);
  await page.keyboard.press('Enter');
  await expectFocus(frame, /^button:Cop(y|ied)$/);
  await tabTo(page, frame, /^button:Good response$/);
  await page.keyboard.press('Space');
  await expect(frame.getByRole('button', { name: 'Good response' })).toHaveAttribute('aria-pressed', 'true');
  await expectFocus(frame, /^button:Good response$/);
  await tabTo(page, frame, /^button:Retry$/);
  await page.keyboard.press('Enter');
  await expectFocus(frame, composer);
  await idle(frame);

  // Send then Stop: the Stop button turns back into Send (disabled, empty composer); focus goes to the composer.
  await send(page, frame, 'long');
  await expect(frame.getByRole('button', { name: 'Stop' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expectFocus(frame, /^button:Stop generating$/);
  await page.keyboard.press('Enter');
  await expectFocus(frame, composer);
  await idle(frame);

  // An answer that fails: Retry in the error banner; the banner goes away, focus goes to the composer.
  await send(page, frame, 'error');
  await expect(frame.getByRole('alert')).toBeVisible({ timeout: 15_000 });
  await idle(frame);
  await tabTo(page, frame, /^button:Retry$/, true);
  await expect(frame.locator('.ck-error :focus')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expectFocus(frame, composer);
  await expect(frame.getByRole('alert')).toHaveCount(0);
  await idle(frame);

  // Escape closes the panel and focus returns to the launcher.
  await page.keyboard.press('Escape');
  await expect(frame.getByRole('dialog')).toHaveCount(0);
  await expectFocus(frame, /^button:Open chat$/);
  // Open again and close with the Close button.
  await page.keyboard.press('Enter');
  await expectFocus(frame, composer);
  await tabTo(page, frame, /^button:Close chat$/, true);
  await page.keyboard.press('Enter');
  await expectFocus(frame, /^button:Open chat$/);

  expect(await bodyFocusLosses(frame)).toEqual([]);
});

test('a widget form and a structured input are filled and submitted by keyboard, and focus stays in the widget', async ({ page }) => {
  test.setTimeout(60_000);
  const frame = await setupWidget(page, demo.hostUrl);
  await openByKeyboard(page, frame);

  await send(page, frame, 'form');
  await expect(frame.getByRole('button', { name: 'Order' })).toBeVisible({ timeout: 15_000 });
  await idle(frame);
  await tabTo(page, frame, /^input:(Your name|Ada)$/, true);
  await page.keyboard.type('Grace');
  await tabTo(page, frame, /^button:Order$/);
  await page.keyboard.press('Enter');
  await expect(frame.getByRole('heading', { name: 'Order received' })).toBeVisible({ timeout: 15_000 });
  await expectFocus(frame, composer);
  await idle(frame);

  // The structured input then takes over the composer area (as in ChatKit), so focus moves into it, not to the composer.
  await expectFocus(frame, composer);
  await page.keyboard.type('structured');
  await page.keyboard.press('Enter');
  await expect(frame.getByRole('radio', { name: 'Green' })).toBeVisible({ timeout: 15_000 });
  await idle(frame);
  // Tab enters an unchecked radio group on its first option; arrow keys move within it and select.
  await tabTo(page, frame, /^input:Red$/);
  await page.keyboard.press('ArrowDown');
  await expect(frame.getByRole('radio', { name: 'Green' })).toBeChecked();
  await tabTo(page, frame, /^button:Submit$/);
  await page.keyboard.press('Enter');
  await expect(frame.locator('.ck-si-answers')).toBeVisible({ timeout: 15_000 });
  await expectFocus(frame, composer);

  expect(await bodyFocusLosses(frame)).toEqual([]);
});

test('history: open, rename, delete (starting on Cancel), Escape back to the chat, choose a thread, Back', async ({ page }) => {
  test.setTimeout(60_000);
  const frame = await setupWidget(page, demo.hostUrl);
  await openByKeyboard(page, frame);
  await send(page, frame, 'first thread');
  await idle(frame);
  await tabTo(page, frame, /^button:New chat$/, true);
  await page.keyboard.press('Enter');
  await expectFocus(frame, /^button:New chat$/);
  await tabTo(page, frame, composer);
  await send(page, frame, 'second thread');
  await idle(frame);

  // Opening history puts focus on the current thread in the list.
  await tabTo(page, frame, /^button:History$/, true);
  await page.keyboard.press('Enter');
  await expectFocus(frame, /^button:second thread/);

  // Escape goes back to the chat (the panel stays open), focus on the History button.
  await page.keyboard.press('Escape');
  await expect(frame.getByRole('dialog')).toBeVisible();
  await expect(frame.locator('.ck-history')).toHaveCount(0);
  await expectFocus(frame, /^button:History$/);

  // Rename: Enter saves; focus returns to the renamed thread.
  await page.keyboard.press('Enter');
  await expectFocus(frame, /^button:second thread/);
  await tabTo(page, frame, /^button:Rename: second thread/);
  await page.keyboard.press('Enter');
  await expectFocus(frame, /^input:/);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Renamed');
  await page.keyboard.press('Enter');
  await expectFocus(frame, /^button:Renamed$/);
  // Escape in the rename field cancels it (focus back on Rename), without leaving history.
  await tabTo(page, frame, /^button:Rename: Renamed$/);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expectFocus(frame, /^button:Rename: Renamed$/);
  await expect(frame.locator('.ck-history')).toHaveCount(1);

  // Delete: the confirmation starts on Cancel; Cancel returns to Delete; confirming moves to the next thread.
  await tabTo(page, frame, /^button:Delete: first thread/);
  await page.keyboard.press('Enter');
  await expectFocus(frame, /^button:Cancel$/);
  await page.keyboard.press('Enter');
  await expectFocus(frame, /^button:Delete: first thread/);
  await page.keyboard.press('Enter');
  await tabTo(page, frame, /^button:Delete$/, true);
  await page.keyboard.press('Enter');
  await expect(frame.locator('.ck-history-row')).toHaveCount(1);
  await expectFocus(frame, /^button:Renamed$/);

  // Back to chat returns to the History button.
  await tabTo(page, frame, /^button:Back to chat$/, true);
  await page.keyboard.press('Enter');
  await expectFocus(frame, /^button:History$/);

  // Choosing a thread from a new chat: the chat shows it and focus is on the conversation.
  await page.keyboard.press('Tab');
  await expectFocus(frame, /^button:New chat$/);
  await page.keyboard.press('Enter');
  await expect(frame.locator('.ck-start')).toBeVisible();
  await page.keyboard.press('Shift+Tab');
  await expectFocus(frame, /^button:History$/);
  await page.keyboard.press('Enter');
  await expectFocus(frame, /^button:Renamed$/);
  await page.keyboard.press('Enter');
  await expect(frame.locator('.ck-history')).toHaveCount(0);
  await expect(frame.locator('.ck-user-bubble')).toHaveText('second thread');
  await expectFocus(frame, /^div:Chat$/);

  expect(await bodyFocusLosses(frame)).toEqual([]);
});
