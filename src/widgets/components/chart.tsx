/**
 * `Chart` (CHATKIT.md §4.4, Python only): bar, line and area series as plain SVG built with h(), a legend,
 * x labels, an optional y axis, and a tooltip that follows the pointer or the arrow keys. A visually hidden
 * table carries the same data for assistive technology.
 */
import { useMemo, useState } from 'preact/hooks';
import { applyBlock, cx, type Style } from '../block-style.ts';
import { layoutChart, readCurve, VIEW_H, VIEW_W, type SeriesSpec } from '../chart-geometry.ts';
import { resolveColor, SERIES_TOKENS, type Scheme } from '../colors.ts';
import { useWidget } from '../context.ts';
import type { NodeProps } from '../render-node.tsx';
import type { WidgetComponent } from '../../protocol/widgets.ts';
import { readAspectRatio, readEnum, readInt, readLength, readObject, readString } from '../values.ts';

/** Charts draw at most this many data points; the rest is ignored. */
export const MAX_POINTS = 500;

const num = (v: unknown): number => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() ? Number(v) : NaN;
  return Number.isFinite(n) && Math.abs(n) < 1e15 ? n : 0;
};
const format = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format;

function readChart(n: WidgetComponent, scheme: Scheme) {
  const data = (Array.isArray(n.data) ? n.data.slice(0, MAX_POINTS) : []).map((row) => readObject(row) ?? {});
  const axis = readObject(n.xAxis);
  const xKey = readString(axis ? axis.dataKey : n.xAxis, 200) ?? '';
  const names = readObject(axis?.labels);
  const series: SeriesSpec[] = (Array.isArray(n.series) ? n.series.slice(0, 20) : []).flatMap((raw, i) => {
    const o = readObject(raw);
    const type = readEnum(o?.type, ['bar', 'line', 'area'] as const);
    const dataKey = readString(o?.dataKey, 200);
    if (!o || !type || dataKey === undefined) return [];
    const stack = typeof o.stack === 'string' || typeof o.stack === 'number' ? String(o.stack).slice(0, 200) : undefined;
    const color = resolveColor(o.color, scheme) ?? resolveColor(SERIES_TOKENS[i % SERIES_TOKENS.length], scheme) ?? '';
    return [{ type, label: readString(o.label, 200) ?? dataKey, dataKey, stack, color, curve: readCurve(o.curveType) }];
  });
  const labels = data.map((row) => {
    const raw = Object.hasOwn(row, xKey) ? row[xKey] : '';
    const text = typeof raw === 'number' ? String(raw) : (readString(raw, 200) ?? '');
    return names && Object.hasOwn(names, text) ? (readString(names[text], 200) ?? text) : text;
  });
  const values = series.map((s) => data.map((row) => num(Object.hasOwn(row, s.dataKey) ? row[s.dataKey] : 0)));
  const gaps = { bar: readInt(n.barGap, 0, 200), category: readInt(n.barCategoryGap, 0, 400) };
  return { series, labels, values, hideX: axis?.hide === true, xKey, layout: layoutChart(series, values, data.length, gaps) };
}

/** `Chart`: sized by BlockProps (`height` sizes the plot; 200px by default). */
export function Chart({ node }: NodeProps) {
  const { scheme } = useWidget();
  const chart = useMemo(() => readChart(node, scheme), [node, scheme]);
  const [active, setActive] = useState<number | null>(null);
  const { series, labels, values, layout } = chart;
  const count = labels.length;
  if (!series.length || !count) return null;
  const pct = (x: number, total: number) => `${Math.round((x / total) * 10000) / 100}%`;
  const range = layout.max - layout.min || 1;
  const yPct = (v: number) => pct(v - layout.min, range);
  const ty = (v: number) => VIEW_H - (VIEW_H * (v - layout.min)) / range;
  const pick = (x: number, width: number) => {
    const frac = width > 0 ? x / width : 0;
    const i = layout.band ? Math.floor(frac * count) : Math.round(frac * (count - 1));
    setActive(Math.max(0, Math.min(count - 1, i)));
  };
  const key = (e: KeyboardEvent) => {
    const last = count - 1;
    const at = active ?? 0;
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: last }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    setActive(Math.max(0, Math.min(last, next)));
  };
  const frame = applyBlock({}, { ...node, height: undefined, aspectRatio: undefined });
  const plot: Style = {};
  const height = readLength(node.height);
  const ratio = readAspectRatio(node.aspectRatio);
  if (height) plot.height = height;
  else if (ratio) Object.assign(plot, { aspectRatio: ratio, height: 'auto' });
  const every = Math.ceil(count / 12);
  const showY = node.showYAxis === true;
  const cursor = active === null ? undefined : layout.xs[active];
  return (
    <figure class={cx('ck-w-chart', showY && 'ck-w-has-y')} style={frame}>
      {node.showLegend !== false && (
        <ul class="ck-w-legend" aria-hidden="true">
          {series.map((s, i) => (
            <li key={i}>
              <span class="ck-w-swatch" style={{ background: s.color }} />
              {s.label}
            </li>
          ))}
        </ul>
      )}
      <div
        class="ck-w-plot"
        style={plot}
        tabIndex={0}
        role="group"
        aria-label={series.map((s) => s.label).join(', ')}
        onMouseMove={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          pick(e.clientX - r.left, r.width);
        }}
        onMouseLeave={() => setActive(null)}
        onFocus={() => setActive(active ?? 0)}
        onBlur={() => setActive(null)}
        onKeyDown={key}
      >
        <svg class="ck-w-chart-svg" viewBox={`0 0 ${VIEW_W} ${VIEW_H}`} preserveAspectRatio="none" aria-hidden="true">
          {layout.ticks.map((t) => (
            <line key={t} class="ck-w-grid" x1="0" x2={VIEW_W} y1={ty(t)} y2={ty(t)} />
          ))}
          {cursor !== undefined && <rect class="ck-w-cursor" x={cursor - (layout.band || 2) / 2} y="0" width={layout.band || 2} height={VIEW_H} />}
          {layout.areas.map((a) => (
            <path key={`a${a.series}`} class="ck-w-area" d={a.d} style={{ fill: series[a.series]?.color }} />
          ))}
          {layout.bars.map((b) => (
            <rect key={`b${b.series}-${b.index}`} class="ck-w-bar" x={b.x} y={b.y} width={b.w} height={b.h} style={{ fill: series[b.series]?.color }} />
          ))}
          {layout.lines.map((l) => (
            <path key={`l${l.series}`} class="ck-w-line" d={l.d} style={{ stroke: series[l.series]?.color }} />
          ))}
        </svg>
        {showY &&
          layout.ticks.map((t) => (
            <span key={t} class="ck-w-ytick" style={{ bottom: yPct(t) }} aria-hidden="true">
              {format(t)}
            </span>
          ))}
        {node.showTooltip !== false && active !== null && cursor !== undefined && (
          <div class="ck-w-tooltip" role="status" style={{ left: pct(Math.min(Math.max(cursor, VIEW_W * 0.15), VIEW_W * 0.85), VIEW_W) }}>
            <strong>{labels[active]}</strong>
            {series.map((s, i) => (
              <span key={i}>
                <span class="ck-w-swatch" style={{ background: s.color }} />
                {`${s.label}: ${format(values[i]?.[active] ?? 0)}`}
              </span>
            ))}
          </div>
        )}
      </div>
      {!chart.hideX && (
        <div class="ck-w-xaxis" aria-hidden="true">
          {labels.map((l, i) =>
            i % every ? null : (
              <span key={i} style={{ left: pct(layout.xs[i] ?? 0, VIEW_W) }}>
                {l}
              </span>
            ),
          )}
        </div>
      )}
      <table class="ck-w-sr">
        <thead>
          <tr>
            <th scope="col">{chart.xKey}</th>
            {series.map((s, i) => (
              <th key={i} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {labels.map((l, r) => (
            <tr key={r}>
              <th scope="row">{l}</th>
              {series.map((_, i) => (
                <td key={i}>{format(values[i]?.[r] ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
