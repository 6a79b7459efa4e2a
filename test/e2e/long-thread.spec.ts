/**
 * A long thread: it opens at its newest message and stays there, nothing older loads until the reader scrolls,
 * scrolling up pages older items in while what the reader looks at stays in place, and the DOM stays windowed.
 * The backend is the reference server over a memory store seeded with 600 items, on its own loopback port.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Frame, Page } from '@playwright/test';
import { createChatKitServer, createMemoryStore, createNodeHandler, streamText } from '../../src/server/index.ts';
import { expect, test, widgetFrame } from './support/fixtures.ts';

const THREAD = 'thr_long';
const ITEMS = 600;
const id = (i: number): string => `msg_${String(i).padStart(4, '0')}`;

async function startBackend(widgetOrigin: string): Promise<{ url: string; server: Server; seen: string[] }> {
  const store = createMemoryStore();
  const t0 = Date.UTC(2026, 0, 1);
  await store.saveThread({ id: THREAD, title: 'Long', created_at: new Date(t0).toISOString(), status: { type: 'active' }, metadata: {} });
  for (let i = 0; i < ITEMS; i++) {
    const created_at = new Date(t0 + i * 1000).toISOString();
    await store.addThreadItem(
      THREAD,
      i % 2 === 0
        ? { id: id(i), thread_id: THREAD, created_at, type: 'user_message', content: [{ type: 'input_text', text: `Question ${i}` }], attachments: [], inference_options: {} }
        : { id: id(i), thread_id: THREAD, created_at, type: 'assistant_message', content: [{ type: 'output_text', text: `Answer ${i}: **bold** and a second line\n\nwith a paragraph.`, annotations: [] }] },
    );
  }
  const chatkit = createChatKitServer({ store, respond: (thread, _input, ctx) => streamText(thread, ctx, 'Noted.') });
  const handler = createNodeHandler(chatkit, { cors: { origins: [widgetOrigin] } });
  const seen: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      try {
        const parsed = JSON.parse(body) as { type: string; params: { after?: string } };
        seen.push(`${parsed.type}${parsed.params.after ? ` after ${parsed.params.after}` : ''}`);
      } catch {
        // preflight
      }
    });
    void handler(req, res).then((handled) => handled || res.writeHead(404).end());
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/chatkit`, server, seen };
}

/** Offset (px) of a row from the top of the thread's viewport, or null when it is not in the DOM. */
const offsetOf = (frame: Frame, key: string): Promise<number | null> =>
  frame.evaluate((k) => {
    const row = document.querySelector(`[data-key="${k}"]`);
    const view = document.querySelector('.ck-thread');
    return row && view ? Math.round(row.getBoundingClientRect().top - view.getBoundingClientRect().top) : null;
  }, key);

/**
 * The snippet names the thread (`data-initial-thread`), so it is restored while the panel is still closed; the
 * reader then opens the panel, which grows around the already loaded thread.
 */
async function open(page: Page, url: string, hostUrl: string): Promise<Frame> {
  await page.goto(`${hostUrl}long-thread.html?api=${encodeURIComponent(url)}&thread=${THREAD}`);
  const frame = await widgetFrame(page);
  await page.frameLocator('iframe[src*="/frame.html#"]').getByRole('button', { name: 'Open chat' }).click();
  return frame;
}

test('a long thread opens at its newest message, pages older items in on scroll, and keeps the reader in place', async ({ page, demo }) => {
  const backend = await startBackend(new URL(demo.widgetUrl).origin);
  try {
    const frame = await open(page, backend.url, demo.hostUrl);
    const newest = id(ITEMS - 1);
    await expect(frame.locator(`[data-key="${newest}"]`)).toBeVisible();
    await page.waitForTimeout(800);
    // Still at the newest message, and nothing older was fetched without the reader scrolling.
    const at = await offsetOf(frame, newest);
    const viewHeight = await frame.evaluate(() => document.querySelector('.ck-thread')!.clientHeight);
    expect(at).not.toBeNull();
    expect(at!).toBeGreaterThan(0);
    expect(at!).toBeLessThan(viewHeight);
    expect(backend.seen.filter((s) => s.startsWith('items.list after'))).toEqual([]);

    // Every batch of DOM changes while scrolling adds a window's worth of rows at most: no render, however
    // transient, mounts every loaded row (a render without the scroller once did, many times a frame).
    await frame.evaluate(() => {
      const w = window as unknown as { maxRowsAdded: number };
      w.maxRowsAdded = 0;
      new MutationObserver((records) => {
        let added = 0;
        for (const r of records) for (const n of r.addedNodes) if ((n as Element).classList?.contains('ck-row')) added++;
        w.maxRowsAdded = Math.max(w.maxRowsAdded, added);
      }).observe(document.querySelector('.ck-items')!, { childList: true });
    });
    // Scroll up with the wheel, like a reader, until several older pages have arrived.
    const box = (await page.locator('iframe[src*="/frame.html#"]').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 250);
    for (let i = 0; i < 40 && backend.seen.filter((s) => s.startsWith('items.list after')).length < 4; i++) {
      await page.mouse.wheel(0, -600);
      await page.waitForTimeout(120);
    }
    expect(backend.seen.filter((s) => s.startsWith('items.list after')).length).toBeGreaterThanOrEqual(4);

    // Windowed: far fewer rows in the DOM than items loaded.
    const rows = await frame.locator('.ck-row').count();
    expect(rows).toBeGreaterThan(5);
    expect(rows).toBeLessThan(80);
    const maxRowsAdded = await frame.evaluate(() => (window as unknown as { maxRowsAdded: number }).maxRowsAdded);
    expect(maxRowsAdded).toBeGreaterThan(0);
    expect(maxRowsAdded).toBeLessThan(80);

    // What the reader looks at stays put while another older page is prepended above it.
    await page.waitForTimeout(500);
    const key = await frame.evaluate(() => {
      const top = document.querySelector('.ck-thread')!.getBoundingClientRect().top;
      return [...document.querySelectorAll<HTMLElement>('.ck-row')].find((r) => r.getBoundingClientRect().bottom > top + 40)!.dataset.key!;
    });
    const before = await offsetOf(frame, key);
    const pages = backend.seen.length;
    await frame.evaluate(() => {
      const view = document.querySelector('.ck-thread')!;
      view.scrollTop = Math.min(view.scrollTop, 100);
      view.dispatchEvent(new Event('scroll'));
    });
    const moved = (await offsetOf(frame, key))! - before!;
    await expect.poll(() => backend.seen.length).toBeGreaterThan(pages);
    await page.waitForTimeout(500);
    // The programmatic scroll above moved the view by `moved`; loading the page above must not move it further.
    expect(Math.abs((await offsetOf(frame, key))! - before! - moved)).toBeLessThanOrEqual(2);
  } finally {
    backend.server.closeAllConnections();
    backend.server.close();
  }
});
