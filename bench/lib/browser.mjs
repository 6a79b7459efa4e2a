/** Launches Debian's Chromium through Playwright, and the CDP helpers the suites share. */
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

/** Host name the browser maps to 127.0.0.1, so the widget origin is cross-site and its frame runs out of process. */
export const WIDGET_ALIAS = 'widget.bench';

/** Launches Chromium: loopback only (every other host name fails to resolve at once). */
export function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    timeout: 60_000,
    args: [
      ...chromiumArgs,
      `--host-resolver-rules=MAP ${WIDGET_ALIAS} 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1`,
    ],
  });
}

/** A fresh context (cold cache, empty storage) of the benchmark's viewport. */
export function newContext(browser) {
  return browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
}

/** The widget iframe's Frame, once attached and navigated to frame.html. */
export async function widgetFrame(page, timeout = 20_000) {
  const handle = await page.waitForSelector('iframe[src*="/frame.html"]', { state: 'attached', timeout });
  const deadline = Date.now() + timeout;
  for (;;) {
    const frame = await handle.contentFrame();
    if (frame && /\/frame\.html/.test(frame.url())) return frame;
    if (Date.now() > deadline) throw new Error('the widget frame never navigated to frame.html');
    await page.waitForTimeout(20);
  }
}

/** Polls `fn` in `target` (page or frame) every `interval` ms until it returns a truthy value; throws after `timeout` ms. */
export async function waitFor(target, fn, arg, timeout = 20_000, what = 'condition', interval = 50) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const v = await target.evaluate(fn, arg).catch(() => undefined);
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** Performance.getMetrics as an object (TaskDuration, ScriptDuration… in ms; sizes in bytes). */
export async function getMetrics(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const out = {};
  for (const m of metrics) out[m.name] = /Duration$/.test(m.name) ? m.value * 1000 : m.value;
  return out;
}
