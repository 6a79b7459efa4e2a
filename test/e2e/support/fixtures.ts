/**
 * Playwright fixtures: one demo server per worker (host page on site.test, widget on widget.test: two sites, as
 * deployed), and, in the `storage-blocked` project, every cross-origin frame denied its storage.
 */
import { test as base, expect, type BrowserContext, type Frame, type Page } from '@playwright/test';
import { startDemo, type Demo } from './demo.ts';

/** Options set per project in playwright.config.ts. */
export interface FieldOptions {
  /** Deny storage to every cross-origin frame, as Safari, Firefox, Brave and blocked third-party cookies do. */
  blockThirdPartyStorage: boolean;
}

/** The widget frame of a page (waits until it is attached). */
export async function widgetFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe[src*="/frame.html#nonce="]', { state: 'attached' });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('no widget frame');
  return frame;
}

/** Makes localStorage, sessionStorage and indexedDB throw in every frame whose top is another origin. */
export async function blockThirdPartyStorage(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    if (window.top === window) return;
    let crossOrigin = false;
    try {
      crossOrigin = !window.top!.location.href;
    } catch {
      crossOrigin = true;
    }
    if (!crossOrigin) return;
    for (const key of ['localStorage', 'sessionStorage', 'indexedDB']) {
      Object.defineProperty(window, key, {
        configurable: true,
        get() {
          throw new DOMException(`Failed to read the '${key}' property from 'Window': Access is denied for this document.`, 'SecurityError');
        },
      });
    }
  });
}

export const test = base.extend<FieldOptions, { demo: Demo }>({
  blockThirdPartyStorage: [false, { option: true }],
  context: async ({ context, blockThirdPartyStorage: block }, use) => {
    if (block) await blockThirdPartyStorage(context);
    await use(context);
  },
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
