/**
 * Pure geometry of the widget `Chart`: stacking, the y scale, bar rectangles and curve paths, in a fixed
 * viewBox that the SVG stretches to its box (strokes do not scale). No DOM, so it is tested on numbers.
 */

/** Curve families implemented; every ChatKit `curveType` maps to the nearest (see readCurve). */
export type Curve = 'linear' | 'monotone' | 'step' | 'stepBefore' | 'stepAfter' | 'bump';

/** One series, validated. */
export interface SeriesSpec {
  type: 'bar' | 'line' | 'area';
  label: string;
  dataKey: string;
  stack?: string | undefined;
  color: string;
  curve: Curve;
}

/** A bar of series `series` in category `index`. */
export interface BarRect {
  series: number;
  index: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A line or area path of series `series`. */
export interface SeriesPath {
  series: number;
  d: string;
}

/** Everything the chart draws, in viewBox units (VIEW_W × VIEW_H). */
export interface ChartLayout {
  bars: BarRect[];
  areas: SeriesPath[];
  lines: SeriesPath[];
  /** Tick values of the y axis, and the domain they span. */
  ticks: number[];
  min: number;
  max: number;
  /** Category centres along x. */
  xs: number[];
  /** Width of one category band (bars), or 0 when categories are points. */
  band: number;
}

/** ViewBox size; the SVG is stretched to the plot box. */
export const VIEW_W = 600;
export const VIEW_H = 240;

const CURVES: Record<string, Curve> = {
  linear: 'linear', linearClosed: 'linear', step: 'step', stepBefore: 'stepBefore', stepAfter: 'stepAfter',
  bump: 'bump', bumpX: 'bump', bumpY: 'bump',
};

/** The implemented curve nearest to a ChatKit `curveType` (monotone, natural and basis families draw monotone). */
export const readCurve = (v: unknown): Curve => (typeof v === 'string' && Object.hasOwn(CURVES, v) ? (CURVES[v] as Curve) : 'monotone');

type Point = [number, number];
const f = (n: number): string => String(Math.round(n * 100) / 100);
const pt = ([x, y]: Point): string => `${f(x)} ${f(y)}`;

// Tangent at p1 (Steffen's method, as d3's monotoneX): no overshoot between data points.
function slope3([x0, y0]: Point, [x1, y1]: Point, [x2, y2]: Point): number {
  const h0 = x1 - x0;
  const h1 = x2 - x1;
  const s0 = h0 ? (y1 - y0) / h0 : 0;
  const s1 = h1 ? (y2 - y1) / h1 : 0;
  const p = h0 + h1 ? (s0 * h1 + s1 * h0) / (h0 + h1) : 0;
  return (Math.sign(s0) + Math.sign(s1)) * Math.min(Math.abs(s0), Math.abs(s1), 0.5 * Math.abs(p)) || 0;
}

/** Path segments (without the initial move) through `points` with `curve`. */
export function curveSegments(points: Point[], curve: Curve): string {
  let d = '';
  const n = points.length;
  const t: number[] = [];
  if (curve === 'monotone' && n > 2) {
    for (let i = 1; i < n - 1; i++) t[i] = slope3(points[i - 1] as Point, points[i] as Point, points[i + 1] as Point);
    const end = (a: Point, b: Point, tb: number) => (b[0] - a[0] ? (3 * (b[1] - a[1])) / (b[0] - a[0]) - tb : tb) / 2;
    t[0] = end(points[0] as Point, points[1] as Point, t[1] ?? 0);
    t[n - 1] = end(points[n - 2] as Point, points[n - 1] as Point, t[n - 2] ?? 0);
  }
  for (let i = 1; i < n; i++) {
    const [x0, y0] = points[i - 1] as Point;
    const [x1, y1] = points[i] as Point;
    const mid = (x0 + x1) / 2;
    if (curve === 'step') d += ` L${f(mid)} ${f(y0)} L${f(mid)} ${f(y1)} L${f(x1)} ${f(y1)}`;
    else if (curve === 'stepAfter') d += ` L${f(x1)} ${f(y0)} L${f(x1)} ${f(y1)}`;
    else if (curve === 'stepBefore') d += ` L${f(x0)} ${f(y1)} L${f(x1)} ${f(y1)}`;
    else if (curve === 'bump') d += ` C${f(mid)} ${f(y0)} ${f(mid)} ${f(y1)} ${f(x1)} ${f(y1)}`;
    else if (curve === 'monotone' && n > 2) {
      const dx = (x1 - x0) / 3;
      d += ` C${f(x0 + dx)} ${f(y0 + dx * (t[i - 1] ?? 0))} ${f(x1 - dx)} ${f(y1 - dx * (t[i] ?? 0))} ${f(x1)} ${f(y1)}`;
    } else d += ` L${pt([x1, y1])}`;
  }
  return d;
}

/** "Nice" axis bounds and ticks covering [lo, hi] (0 always included). */
export function niceTicks(lo: number, hi: number, count = 4): number[] {
  const span = hi - lo || 1;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * mag >= raw) ?? 10) * mag;
  const ticks: number[] = [];
  // Integer multiples, trimmed to 12 significant digits: 3 × 0.1 is 0.3 here, not 0.30000000000000004.
  for (let k = Math.floor(lo / step); k <= Math.ceil(hi / step); k++) ticks.push(Number((k * step).toPrecision(12)) || 0);
  return ticks;
}

/** Lays out bars (grouped by `stack`, stacked within a group), stacked areas and lines over `values[series][i]`. */
export function layoutChart(series: SeriesSpec[], values: number[][], count: number, gaps: { bar?: number; category?: number }): ChartLayout {
  const hasBars = series.some((s) => s.type === 'bar');
  const band = hasBars ? VIEW_W / Math.max(count, 1) : 0;
  const xs = Array.from({ length: count }, (_, i) => (hasBars ? (i + 0.5) * band : count > 1 ? (i * VIEW_W) / (count - 1) : VIEW_W / 2));
  // Running totals per stack and category, positive and negative apart, as bar and area bases.
  const totals = new Map<string, { pos: number[]; neg: number[] }>();
  const spans = series.map((s, si) => {
    const key = s.stack !== undefined && s.type !== 'line' ? `${s.type}:${s.stack}` : `#${si}`;
    let acc = totals.get(key);
    if (!acc) totals.set(key, (acc = { pos: new Array<number>(count).fill(0), neg: new Array<number>(count).fill(0) }));
    const sums = acc;
    return (values[si] ?? []).map((v, i) => {
      const side = v >= 0 || s.type === 'line' ? sums.pos : sums.neg;
      const base = s.type === 'line' ? 0 : (side[i] ?? 0);
      if (s.type !== 'line') side[i] = base + v;
      return [base, base + v] as [number, number];
    });
  });
  let lo = 0;
  let hi = 0;
  for (const list of spans) for (const [a, b] of list) (lo = Math.min(lo, a, b)), (hi = Math.max(hi, a, b));
  if (hi === lo) hi = lo + 1;
  const ticks = niceTicks(lo, hi);
  const min = ticks[0] ?? 0;
  const max = ticks[ticks.length - 1] ?? 1;
  const y = (v: number) => VIEW_H - ((v - min) / (max - min || 1)) * VIEW_H;

  const groups: string[] = [];
  series.forEach((s, si) => {
    const g = s.stack ?? `#${si}`;
    if (s.type === 'bar' && !groups.includes(g)) groups.push(g);
  });
  const categoryGap = Math.min(gaps.category ?? band * 0.2, band * 0.9);
  const barGap = Math.min(gaps.bar ?? 4, band / 4);
  const groupW = Math.max((band - categoryGap - barGap * (groups.length - 1)) / Math.max(groups.length, 1), 1);

  const out: ChartLayout = { bars: [], areas: [], lines: [], ticks, min, max, xs, band };
  series.forEach((s, si) => {
    const list = spans[si] ?? [];
    if (s.type === 'bar') {
      const g = groups.indexOf(s.stack ?? `#${si}`);
      list.forEach(([a, b], i) => {
        const left = (xs[i] ?? 0) - band / 2 + categoryGap / 2 + g * (groupW + barGap);
        if (a !== b) out.bars.push({ series: si, index: i, x: left, y: Math.min(y(a), y(b)), w: groupW, h: Math.abs(y(a) - y(b)) });
      });
      return;
    }
    const top: Point[] = list.map(([, b], i) => [xs[i] ?? 0, y(b)]);
    if (!top.length) return;
    const line = `M${pt(top[0] as Point)}${curveSegments(top, s.curve)}`;
    if (s.type === 'line') return void out.lines.push({ series: si, d: line });
    const bottom: Point[] = list.map(([a], i): Point => [xs[i] ?? 0, y(a)]).reverse();
    const back = s.curve === 'stepAfter' ? 'stepBefore' : s.curve === 'stepBefore' ? 'stepAfter' : s.curve;
    out.areas.push({ series: si, d: `${line} L${pt(bottom[0] as Point)}${curveSegments(bottom, back)} Z` });
    out.lines.push({ series: si, d: line });
  });
  return out;
}
