/**
 * The targets (bench, not tests), each read from the results. A target whose suite did not run (or
 * failed) is "not measured", never a pass.
 */

const KB = 1024;
/** One vsync at 60 Hz; rAF timestamps are rounded, so the check allows rounding up to 17.5 ms (see stats.mjs). */
const FRAME = 17.5;

const fmtMs = (v) => `${v} ms`;
const fmtB = (v) => `${v.toLocaleString('en-US')} B`;

/** Target rows: measure, how the value is shown, the target text, and the check. */
export const TARGETS = [
  {
    id: 'loader-brotli', measure: 'Loader (chatkit.js), brotli', target: '≤ 2 KB (2,048 B)',
    get: (r) => r.bytes?.loader?.brotli, fmt: fmtB, ok: (v) => v <= 2 * KB,
  },
  {
    id: 'first-open-brotli', measure: 'First-open assets (entry + static chunks + CSS), brotli', target: '≤ 60 KB (61,440 B)',
    get: (r) => r.bytes?.firstOpen?.brotli, fmt: fmtB, ok: (v) => v <= 60 * KB,
  },
  {
    id: 'host-main-thread', measure: 'Host main-thread time from widget scripts (load + settle window)', target: '≤ 5 ms',
    get: (r) => r.host?.variants?.chatkit?.median?.widgetMain, fmt: fmtMs, ok: (v) => v <= 5,
  },
  {
    id: 'host-main-thread-delta', measure: 'Host main-thread time, with − without widget (all causes)', target: '≤ 5 ms',
    get: (r) => r.host?.variants?.chatkit?.median?.hostBusyDelta, fmt: fmtMs, ok: (v) => v <= 5,
  },
  {
    id: 'host-long-tasks', measure: 'Long tasks (> 50 ms) from the widget on the host', target: '0',
    get: (r) => r.host?.variants?.chatkit?.median?.widgetLongTasks, fmt: String, ok: (v) => v === 0,
  },
  {
    id: 'cls', measure: 'Layout shift added by the widget (CLS with − without)', target: '0',
    get: (r) => r.host?.variants?.chatkit?.median?.clsDelta, fmt: String, ok: (v) => v === 0,
  },
  {
    id: 'open-warm', measure: 'Open latency, warm (click → composer focused and painted)', target: '≤ 100 ms',
    get: (r) => r.open?.median?.warmMs, fmt: fmtMs, ok: (v) => v <= 100,
  },
  {
    id: 'stream-p95', measure: 'Streaming at 50 tokens/s: p95 frame time', target: '≤ 16.7 ms (one frame)',
    get: (r) => r.streamPaced?.median?.p95FrameMs, fmt: fmtMs, ok: (v) => v <= FRAME, paced: true,
  },
  {
    id: 'stream-longest', measure: 'Streaming at 50 tokens/s: longest frame', target: '≤ 50 ms',
    get: (r) => r.streamPaced?.median?.longestFrameMs, fmt: fmtMs, ok: (v) => v <= 50, paced: true,
  },
  {
    id: 'stream-flat', measure: 'Streaming at 50 tokens/s: main-thread time per delta, last 1,000 ÷ first 1,000', target: 'flat (≤ 1.5×)',
    get: (r) => {
      const m = r.streamPaced?.median;
      return m && m.firstWindowTaskPerDeltaMs > 0 ? Math.round((m.lastWindowTaskPerDeltaMs / m.firstWindowTaskPerDeltaMs) * 100) / 100 : undefined;
    },
    fmt: (v) => `${v}×`, ok: (v) => v <= 1.5, paced: true,
  },
  {
    id: 'long-open', measure: 'Long thread: open → newest messages painted', target: '≤ 300 ms',
    get: (r) => r.long?.median?.openMs, fmt: fmtMs, ok: (v) => v <= 300,
  },
  {
    id: 'long-nodes', measure: 'Long thread: DOM elements in the thread view (max of open / top / bottom)', target: '≤ 1,500',
    get: (r) => {
      const m = r.long?.median;
      const v = m ? [m.threadElements, m.threadElementsAtTop, m.threadElementsAtBottom].filter((x) => typeof x === 'number') : [];
      return v.length ? Math.max(...v) : undefined;
    },
    fmt: (v) => v.toLocaleString('en-US'), ok: (v) => v <= 1500,
  },
];

/** Evaluates every target: { id, measure, value, shown, target, status: 'pass' | 'MISS' | 'not measured' }. */
export function evaluateTargets(suites, { quick, tokens }) {
  return TARGETS.map((t) => {
    const value = t.get(suites);
    const measured = typeof value === 'number' && Number.isFinite(value);
    const note = t.paced && quick ? ` (quick: ${tokens.toLocaleString('en-US')} tokens)` : '';
    return {
      id: t.id,
      measure: t.measure + note,
      value: measured ? value : null,
      shown: measured ? t.fmt(value) : '—',
      target: t.target,
      status: measured ? (t.ok(value) ? 'pass' : 'MISS') : 'not measured',
    };
  });
}
