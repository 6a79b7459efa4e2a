/** Small statistics helpers: medians of runs, percentiles of frame times. */

/** The median of the finite numbers in `values` (null when there are none). */
export function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** The nearest-rank percentile `p` (0–100) of `values` (null when empty). */
export function percentile(values, p) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  return v[Math.min(v.length - 1, Math.max(0, Math.ceil((p / 100) * v.length) - 1))];
}

/** Sum of `values`. */
export const sum = (values) => values.reduce((a, b) => a + b, 0);

/** Rounds to `digits` decimals (null stays null). */
export const round = (x, digits = 1) => (x === null || x === undefined || !Number.isFinite(x) ? null : Math.round(x * 10 ** digits) / 10 ** digits);

/** Frame-time statistics of rAF timestamps (ms): count, longest, p95, p50, frames over 50 ms, over 16.7 ms. */
export function frameStats(timestamps) {
  const deltas = [];
  for (let i = 1; i < timestamps.length; i++) deltas.push(timestamps[i] - timestamps[i - 1]);
  return {
    frames: deltas.length,
    longest: deltas.length ? round(Math.max(...deltas), 1) : null,
    p95: round(percentile(deltas, 95), 1),
    p50: round(percentile(deltas, 50), 1),
    over50: deltas.filter((d) => d > 50).length,
    // One vsync is 16.67 ms; rAF timestamps are rounded, so up to 17.5 ms still counts as one frame.
    dropped: deltas.filter((d) => d > 17.5).length,
  };
}

/**
 * Medians of every numeric field across runs (objects are walked; arrays and strings are skipped), so the
 * summary keeps the shape of one run.
 */
export function medianOf(runs) {
  const ok = runs.filter((r) => r && typeof r === 'object' && !r.error);
  if (!ok.length) return null;
  const out = {};
  for (const key of Object.keys(ok[0])) {
    const values = ok.map((r) => r[key]);
    if (values.every((v) => typeof v === 'number' || v === null)) out[key] = round(median(values), 2);
    else if (values.every((v) => v && typeof v === 'object' && !Array.isArray(v))) out[key] = medianOf(values);
    else if (values.every((v) => typeof v === 'boolean')) out[key] = values.filter(Boolean).length > values.length / 2;
  }
  return out;
}
