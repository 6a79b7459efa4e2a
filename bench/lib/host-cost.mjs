/**
 * §2 host-page cost and §6 peers: the landing page with each snippet (and without any), each load in a fresh
 * context (cold cache). Variants are interleaved within every run (rotating the order), and each variant's
 * differential is taken against the no-widget load of the same run, then the median over runs.
 *
 * Two passes per run: a traced load (main-thread time, long tasks, layout shift, bytes — nothing polls the page)
 * and a visibility load (a per-frame probe of the launcher spot, which would disturb the traced numbers).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMetrics, newContext, waitFor, widgetFrame } from './browser.mjs';
import { recordNetwork } from './network.mjs';
import { installProbe } from './probe.mjs';
import { median, medianOf, round } from './stats.mjs';
import { analyzeTrace, TRACE_CATEGORIES } from './trace.mjs';

/** Which URLs belong to the widget of a variant (everything not the host page's own files). */
export function widgetUrlFilter(hostUrl) {
  const host = new URL(hostUrl).origin;
  return (url) => {
    if (!/^https?:/.test(url)) return false;
    const u = new URL(url);
    return u.origin !== host || u.pathname.startsWith('/chatkit') || u.pathname.startsWith('/long/chatkit');
  };
}

async function tracedLoad(browser, variant, url, ctx) {
  const context = await newContext(browser);
  try {
    await context.addInitScript(installProbe, {});
    const page = await context.newPage();
    const net = recordNetwork(page);
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    let tracing = true;
    try {
      await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
      await page.waitForTimeout(ctx.settleMs);
      const b = await page.evaluate(() => ({ cls: window.__bench.cls, shifts: window.__bench.shifts, longTasks: window.__bench.longTasks, heap: performance.memory?.usedJSHeapSize ?? null }));
      const buffer = await browser.stopTracing();
      tracing = false;
      if (process.env.BENCH_TRACE_DIR) {
        mkdirSync(process.env.BENCH_TRACE_DIR, { recursive: true });
        writeFileSync(join(process.env.BENCH_TRACE_DIR, `${variant.name}-${ctx.run}.json`), buffer);
      }
      const isWidget = widgetUrlFilter(ctx.urls.hostUrl);
      const trace = analyzeTrace(buffer, { pageUrl: url, isWidgetUrl: isWidget, modulesAreWidget: variant.name !== 'none' });
      const bytes = await net.summarize(isWidget);
      const hostCdp = await context.newCDPSession(page);
      const metrics = await getMetrics(hostCdp).catch(() => ({}));
      return {
        hostBusy: trace.host.all.total,
        hostBusyBeforeLoad: trace.host.beforeLoad.total,
        hostBusyAfterLoad: trace.host.afterLoad.total,
        widgetMain: trace.widget.all.total,
        widgetMainBeforeLoad: trace.widget.beforeLoad.total,
        widgetMainAfterLoad: trace.widget.afterLoad.total,
        widgetLongestTask: trace.widget.all.longest,
        widgetLongTasks: trace.widget.all.longTasks,
        hostLongTasks: trace.host.all.longTasks,
        frameMain: trace.frame?.total ?? null,
        frameLongestTask: trace.frame?.longest ?? null,
        cls: round(b.cls, 4),
        loadMs: trace.loadAtMs,
        widgetRequests: bytes.requests,
        widgetBytesRaw: bytes.raw,
        widgetBytesBrotli: bytes.brotli,
        hostHeap: metrics.JSHeapUsedSize ?? b.heap,
        hostNodes: metrics.Nodes ?? null,
        detail: { shifts: b.shifts, widgetUrls: trace.widgetUrls, widgetTasks: trace.widgetTaskList, files: bytes.files, failed: net.failed.map((f) => `${f.url} (${f.error})`) },
      };
    } finally {
      if (tracing) await browser.stopTracing().catch(() => {});
    }
  } finally {
    await context.close();
  }
}

async function visibilityLoad(browser, variant, url) {
  const context = await newContext(browser);
  try {
    await context.addInitScript(installProbe, { visibility: variant.name });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    const origin = await page.evaluate(() => performance.timeOrigin);
    const hostAt = await waitFor(page, () => window.__bench.launcherAt, undefined, 20_000, `${variant.name} launcher`);
    let at = hostAt;
    if (variant.ours) {
      const frame = await widgetFrame(page);
      const frameAt = await waitFor(frame, () => window.__bench.launcherPaintedAt, undefined, 20_000, 'the frame to paint its launcher');
      at = Math.max(hostAt, frameAt);
    }
    return { launcherVisibleMs: round(at - origin, 1) };
  } finally {
    await context.close();
  }
}

/** Runs the suite; returns { variants: { name: { label, runs, median, … } } }. */
export async function runHostCost({ browser, urls, pages, variants, runs, settleMs, log }) {
  const raw = Object.fromEntries(variants.map((v) => [v.name, []]));
  const vis = Object.fromEntries(variants.map((v) => [v.name, []]));
  for (let r = 0; r < runs; r++) {
    const order = variants.map((_, i) => variants[(i + r) % variants.length]);
    for (const v of order) {
      log(`  host-page cost: run ${r + 1}/${runs}, ${v.name}`);
      raw[v.name].push(await tracedLoad(browser, v, pages[v.name], { urls, settleMs, run: r + 1 }).catch((e) => ({ error: String(e.message ?? e) })));
      if (v.name !== 'none') vis[v.name].push(await visibilityLoad(browser, v, pages[v.name]).catch((e) => ({ error: String(e.message ?? e) })));
    }
  }
  const out = {};
  for (const v of variants) {
    const runsOf = raw[v.name];
    // Paired with the no-widget load of the same run: everything the widget adds on the host's main thread.
    const diffs = runsOf.map((x, i) => (x.error || raw.none[i]?.error ? null : x.hostBusy - raw.none[i].hostBusy));
    const clsDiffs = runsOf.map((x, i) => (x.error || raw.none[i]?.error ? null : x.cls - raw.none[i].cls));
    const m = medianOf(runsOf.map(({ detail, ...rest }) => rest));
    out[v.name] = {
      label: v.label,
      ours: !!v.ours,
      peer: !!v.peer,
      median: m && {
        ...m,
        hostBusyDelta: round(median(diffs), 1),
        clsDelta: round(median(clsDiffs), 4),
        launcherVisibleMs: median(vis[v.name].map((x) => x.launcherVisibleMs)),
      },
      errors: [...runsOf, ...vis[v.name]].filter((x) => x.error).map((x) => x.error),
      runs: runsOf,
      visibility: vis[v.name],
      hostBusyDeltas: diffs.map((d) => round(d, 1)),
    };
  }
  return { variants: out };
}
