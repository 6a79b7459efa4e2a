/**
 * §3 open latency on the landing page: pointerdown on the launcher (the input event's own timestamp, in the
 * frame) → the frame after the composer is focused in the grown iframe. Cold = first open after load (the
 * frame idle for a second first); warm = close, wait until the panel is gone, open again. Also records what
 * the first open downloads (lazy chunks).
 */
import { newContext, waitFor, widgetFrame } from './browser.mjs';
import { widgetUrlFilter } from './host-cost.mjs';
import { recordNetwork } from './network.mjs';
import { installProbe } from './probe.mjs';
import { medianOf, round } from './stats.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function measureOnce(browser, url, hostUrl) {
  const context = await newContext(browser);
  try {
    await context.addInitScript(installProbe, {});
    const page = await context.newPage();
    const net = recordNetwork(page);
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    const frame = await widgetFrame(page);
    await waitFor(frame, () => window.__bench.launcherPaintedAt, undefined, 20_000, 'the launcher');
    await sleep(1000);
    const launcher = frame.locator('.ck-launcher');
    const clickedAt = Date.now();
    await launcher.click({ timeout: 10_000 });
    const cold = await waitFor(frame, () => window.__bench.opens[0]?.doneAt && window.__bench.opens[0], undefined, 15_000, 'the first open');
    await sleep(800);
    const firstOpen = await net.summarize(widgetUrlFilter(hostUrl), clickedAt);
    await launcher.click({ timeout: 10_000 });
    await waitFor(frame, () => !document.querySelector('.ck-panel') && innerHeight < 200, undefined, 10_000, 'the panel to close');
    await sleep(800);
    await launcher.click({ timeout: 10_000 });
    const warm = await waitFor(frame, () => window.__bench.opens[1]?.doneAt && window.__bench.opens[1], undefined, 15_000, 'the second open');
    return {
      coldMs: round(cold.doneAt - cold.startAt, 1),
      warmMs: round(warm.doneAt - warm.startAt, 1),
      firstOpenRequests: firstOpen.requests,
      firstOpenBytesBrotli: firstOpen.brotli,
      firstOpenBytesRaw: firstOpen.raw,
      firstOpenFiles: firstOpen.files.map((f) => f.url.split('/').pop()),
    };
  } finally {
    await context.close();
  }
}

/** Runs the suite on the cross-site widget page. */
export async function runOpenLatency({ browser, urls, pages, runs, log }) {
  const raw = [];
  for (let r = 0; r < runs; r++) {
    log(`  open latency: run ${r + 1}/${runs}`);
    raw.push(await measureOnce(browser, pages.chatkit, urls.hostUrl).catch((e) => ({ error: String(e.message ?? e) })));
  }
  const m = medianOf(raw.map(({ firstOpenFiles, ...rest }) => rest));
  return { median: m, runs: raw, errors: raw.filter((x) => x.error).map((x) => x.error) };
}
