/** Playwright fixtures: one demo server per worker, and a page that records console errors and CSP violations. */
import { test as base, expect, type Frame, type Page } from '@playwright/test';
import { startDemo, type Demo } from './demo.ts';

/** The widget frame of a page (waits until it is attached). */
export async function widgetFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe[src*="/frame.html#nonce="]', { state: 'attached' });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('no widget frame');
  return frame;
}

export const test = base.extend<object, { demo: Demo }>({
  demo: [
    async ({}, use) => {
      const demo = await startDemo();
      await use(demo);
      await demo.cleanup();
    },
    { scope: 'worker' },
  ],
});

export { expect };
