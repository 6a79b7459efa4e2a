/**
 * §4 streaming: the widget receives an N-token Markdown answer from the bench SSE server, at full speed and
 * paced. Inside the frame: rAF frame times from the first delta to the final render, long tasks, and the frame
 * renderer's CDP metrics (ScriptDuration, TaskDuration…) at the start, at the end, and at delta milestones
 * (the probe counts `text_delta` events as the client decodes them and calls a binding; the harness answers
 * with Performance.getMetrics on the frame's own CDP session). Cost per delta = main-thread task time between
 * the arrival of delta k and delta k+1000, / 1000, for the first and the last thousand.
 */
import { getMetrics, newContext, waitFor, widgetFrame } from './browser.mjs';
import { installProbe } from './probe.mjs';
import { frameStats, medianOf, round } from './stats.mjs';

const SENTINEL = 'End of benchmark answer.';
/** Shortest arrival window (ms) for which a per-delta cost is reported. */
const MIN_WINDOW_MS = 500;

/** The delta counts at which metrics are sampled. */
export function milestonesFor(tokens) {
  const window = Math.min(1000, Math.floor(tokens / 2));
  return { window, marks: [...new Set([1, 1 + window, tokens - window, tokens])].sort((a, b) => a - b) };
}

async function measureOnce(browser, url, urls, { tokens, rate }) {
  const { window, marks } = milestonesFor(tokens);
  const context = await newContext(browser);
  try {
    const samples = {};
    let cdp = null;
    await context.exposeBinding('__benchMilestone', (_source, count) => {
      if (cdp) samples[count] = getMetrics(cdp).catch(() => null);
    });
    await context.addInitScript(installProbe, { stream: { milestones: marks, sentinel: SENTINEL } });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    const frame = await widgetFrame(page);
    await waitFor(frame, () => window.__bench.launcherPaintedAt, undefined, 20_000, 'the launcher');
    cdp = await context.newCDPSession(frame);
    await cdp.send('Performance.enable');
    await frame.locator('.ck-launcher').click();
    await waitFor(frame, () => window.__bench.opens[0]?.doneAt, undefined, 15_000, 'the panel');
    await frame.locator('.ck-input').fill('Write the long answer.');
    const origin = await frame.evaluate(() => {
      window.__bench.watchFinal();
      window.__bench.startFrames();
      return performance.timeOrigin;
    });
    const m0 = await getMetrics(cdp);
    await frame.locator('.ck-input').press('Enter');
    const expected = rate > 0 ? (tokens / rate) * 1000 : 0;
    await waitFor(frame, () => window.__bench.finalRenderAt, undefined, expected + 180_000, 'the final render', 250);
    const m1 = await getMetrics(cdp);
    const b = await frame.evaluate(() => ({
      frames: window.__bench.stopFrames(),
      marks: window.__bench.marks,
      finalRenderAt: window.__bench.finalRenderAt,
      longTasks: window.__bench.longTasks,
      deltas: window.__bench.deltas,
      rows: document.querySelectorAll('.ck-row').length,
      nodes: document.querySelector('.ck-thread')?.getElementsByTagName('*').length ?? 0,
    }));
    const last = await (await fetch(`${urls.streamUrl}/last`)).json();
    // Retained heap: what is left after a full GC (the live-heap figure above also counts garbage).
    await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
    const retained = await cdp.send('Runtime.getHeapUsage').catch(() => null);
    const firstAt = b.marks[1];
    const inStream = b.frames.filter((t) => origin + t >= firstAt && origin + t <= b.finalRenderAt + 1);
    const longTasks = b.longTasks.filter((t) => origin + t.start >= firstAt && origin + t.start <= b.finalRenderAt);
    const s = {};
    for (const k of Object.keys(samples)) s[k] = await samples[k];
    // A window that arrived in one burst (full speed) says nothing per delta: the work lands after it.
    const spread = (from, to) => (b.marks[from] && b.marks[to] ? b.marks[to] - b.marks[from] : 0);
    const perDelta = (from, to, key) => (s[from] && s[to] && spread(from, to) >= MIN_WINDOW_MS ? round((s[to][key] - s[from][key]) / (to - from), 3) : null);
    const [a0, a1] = [marks[0], marks[1]];
    const [z0, z1] = [marks[marks.length - 2], marks[marks.length - 1]];
    const fs = frameStats(inStream);
    return {
      deltasSeen: b.deltas,
      streamMs: round(last.lastByteAt - last.startedAt, 0),
      renderSpanMs: round(b.finalRenderAt - firstAt, 0),
      timeToFinalRenderMs: round(b.finalRenderAt - last.lastByteAt, 1),
      frames: fs.frames,
      longestFrameMs: fs.longest,
      p95FrameMs: fs.p95,
      p50FrameMs: fs.p50,
      framesOver50: fs.over50,
      droppedFrames: fs.dropped,
      longTasks: longTasks.length,
      longestTaskMs: longTasks.length ? round(Math.max(...longTasks.map((t) => t.duration)), 0) : 0,
      scriptMs: round(m1.ScriptDuration - m0.ScriptDuration, 0),
      taskMs: round(m1.TaskDuration - m0.TaskDuration, 0),
      layoutMs: round(m1.LayoutDuration - m0.LayoutDuration, 0),
      styleMs: round(m1.RecalcStyleDuration - m0.RecalcStyleDuration, 0),
      firstWindowTaskPerDeltaMs: perDelta(a0, a1, 'TaskDuration'),
      lastWindowTaskPerDeltaMs: perDelta(z0, z1, 'TaskDuration'),
      firstWindowScriptPerDeltaMs: perDelta(a0, a1, 'ScriptDuration'),
      lastWindowScriptPerDeltaMs: perDelta(z0, z1, 'ScriptDuration'),
      firstWindowMs: b.marks[a1] && b.marks[a0] ? round(b.marks[a1] - b.marks[a0], 0) : null,
      lastWindowMs: b.marks[z1] && b.marks[z0] ? round(b.marks[z1] - b.marks[z0], 0) : null,
      heapMB: round((m1.JSHeapUsedSize ?? 0) / 1048576, 1),
      heapAfterGcMB: retained ? round(retained.usedSize / 1048576, 1) : null,
      threadNodes: b.nodes,
      window,
    };
  } finally {
    await context.close();
  }
}

/** Runs one streaming mode (`rate` 0 = full speed) `runs` times. */
export async function runStreaming({ browser, urls, pages, runs, tokens, rate, log }) {
  const page = rate > 0 ? pages['stream-paced'] : pages['stream-full'];
  const raw = [];
  for (let r = 0; r < runs; r++) {
    log(`  streaming ${rate > 0 ? `${rate} tokens/s` : 'full speed'} (${tokens} tokens): run ${r + 1}/${runs}`);
    raw.push(await measureOnce(browser, page, urls, { tokens, rate }).catch((e) => ({ error: String(e.message ?? e) })));
  }
  return { tokens, rate, median: medianOf(raw), runs: raw, errors: raw.filter((x) => x.error).map((x) => x.error) };
}
