/**
 * What a screen reader gets: the accessibility tree of the open panel with a thread (roles, names, who wrote each
 * message, heading levels, distinct message actions), and what the live regions announce — recorded in the frame
 * from every change inside an `aria-live` region that is not "off".
 */
import type { Frame } from '@playwright/test';
import { setupWidget } from './a11y-kit.ts';
import { startDemo, type Demo } from './support/demo.ts';
import { expect, test } from './support/fixtures.ts';

let demo: Demo;
test.beforeAll(async () => {
  demo = await startDemo({ env: { DEMO_WORD_DELAY_MS: '5' } });
});
test.afterAll(async () => demo.cleanup());

const ck = 'iframe[src*="/frame.html#"]';

/** Starts recording announcements in the frame. */
async function recordAnnouncements(frame: Frame): Promise<void> {
  await frame.evaluate(() => {
    const said: string[] = ((window as unknown as { __said: string[] }).__said = []);
    const live = (n: Node | null): boolean => {
      const el = n && (n.nodeType === 1 ? (n as Element) : n.parentElement);
      const region = el?.closest('[aria-live]');
      return !!region && region.getAttribute('aria-live') !== 'off';
    };
    new MutationObserver((records) => {
      for (const r of records) {
        if (!live(r.target)) continue;
        const texts = r.type === 'characterData' ? [r.target.textContent] : [...r.addedNodes].map((n) => n.textContent);
        for (const t of texts) if (t?.trim()) said.push(t.trim());
      }
    }).observe(document.documentElement, { subtree: true, childList: true, characterData: true });
  });
}
const announcements = (frame: Frame): Promise<string[]> => frame.evaluate(() => (window as unknown as { __said: string[] }).__said);

async function ask(frame: Frame, text: string): Promise<void> {
  await frame.getByRole('textbox', { name: 'Message the AI' }).fill(text);
  await frame.getByRole('textbox', { name: 'Message the AI' }).press('Enter');
  await expect(frame.locator('.ck-thread[aria-busy="false"]')).toBeAttached({ timeout: 15_000 });
}

test('a Markdown reply is announced once, as plain text, complete up to the bound', async ({ page }) => {
  const frame = await setupWidget(page, demo.hostUrl, undefined, true);
  await recordAnnouncements(frame);
  await ask(frame, 'markdown');
  await expect(frame.locator('.ck-assistant table')).toBeVisible();
  await expect.poll(async () => (await announcements(frame)).filter((t) => t.includes('A tour of Markdown')).length).toBe(1);
  const said = (await announcements(frame)).find((t) => t.includes('A tour of Markdown'))!;
  // No Markdown syntax: heading marks, emphasis, code fences, table pipes, link brackets.
  expect(said).not.toMatch(/(^|\n)#|\*\*|```|\||\]\(/);
  expect(said.startsWith('A tour of Markdown\nAnswers are Markdown')).toBe(true);
  // Longer than the old 400-character cut, never longer than the bound, and ending on a whole word.
  expect(said.length).toBeGreaterThan(400);
  expect(said.length).toBeLessThanOrEqual(1000);
});

test('a reply identical to the previous one is announced again, and structured-input questions are announced', async ({ page }) => {
  const frame = await setupWidget(page, demo.hostUrl, undefined, true);
  await recordAnnouncements(frame);
  await ask(frame, 'same words');
  await ask(frame, 'same words');
  await expect(frame.locator('.ck-assistant')).toHaveCount(2);
  const echo = 'You said: “same words”. I\'m a demo agent without a language model; type help to see what I can show.';
  await expect.poll(async () => (await announcements(frame)).filter((t) => t === echo).length).toBe(2);

  await ask(frame, 'structured');
  await expect(frame.getByRole('radio', { name: 'Red' })).toBeVisible();
  await expect.poll(async () => (await announcements(frame)).some((t) => t.includes('Which colour do you prefer?') && t.includes('Anything else?'))).toBe(true);
});

test('a reply that finishes while the panel is closed is announced with the launcher’s name and unread count', async ({ page }) => {
  const frame = await setupWidget(page, demo.hostUrl, undefined, true);
  await recordAnnouncements(frame);
  await frame.getByRole('textbox', { name: 'Message the AI' }).fill('long');
  await frame.getByRole('textbox', { name: 'Message the AI' }).press('Enter');
  await frame.locator('.ck-header').getByRole('button', { name: 'Close chat' }).click();
  await expect(frame.getByRole('button', { name: 'Open chat, 1 unread message' })).toBeVisible({ timeout: 15_000 });
  await expect.poll(() => announcements(frame)).toContain('Open chat, 1 unread message');
});

test('the open panel with a thread has roles, names and heading levels a screen reader can navigate', async ({ page }) => {
  const frame = await setupWidget(page, demo.hostUrl, undefined, true);
  await ask(frame, 'markdown');
  await expect(frame.locator('.ck-assistant table')).toBeVisible();
  await ask(frame, 'hello');
  await expect(frame.locator('.ck-assistant')).toHaveCount(2);
  const panel = page.frameLocator(ck).getByRole('dialog');
  await expect(panel).toMatchAriaSnapshot(`
    - dialog "markdown":
      - banner:
        - heading "markdown" [level=1]
        - button "History"
        - button "New chat"
        - button "Close chat"
      - log "Chat":
        - heading "You" [level=2]
        - text: markdown
        - heading "Assistant" [level=2]
        - heading "A tour of Markdown" [level=3]
        - heading "Lists" [level=4]
        - region "Table"
        - heading "Long paragraphs wrap" [level=5]
        - button "Copy"
        - button "Good response"
        - button "Bad response"
        - button "Retry"
        - heading "You" [level=2]
        - text: hello
        - heading "Assistant" [level=2]
        - button "Copy"
      - textbox "Message the AI"
      - button "Send message" [disabled]
  `);
  // Each reply's actions are told apart by a description taken from their reply.
  const copies = page.frameLocator(ck).getByRole('button', { name: 'Copy', exact: true });
  await expect(copies.nth(0)).toHaveAccessibleDescription(/^A tour of Markdown/);
  await expect(copies.nth(1)).toHaveAccessibleDescription(/^You said: “hello”/);
  // Exactly one h1 in the frame: a reply's own "# Heading" does not compete with the panel's.
  await expect(page.frameLocator(ck).getByRole('heading', { level: 1 })).toHaveCount(1);
});
