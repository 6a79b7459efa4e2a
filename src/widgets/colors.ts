/**
 * Widget colour props → CSS values. A colour is a design token (mapped to a `var(--ck-…)` we name), a
 * `ThemeColor` (picked by the scheme in force), or a CSS colour that `parseColor` understands and `formatColor`
 * writes back. The input text itself never reaches CSS: `red;}body{x` is not a colour and is dropped.
 */
import { formatColor, parseColor } from '../config/color.ts';
import { readObject } from './values.ts';

/** The colour scheme a subtree is drawn in. */
export type Scheme = 'light' | 'dark';

/** The chart series tokens, in the order series without a colour take them. */
export const SERIES_TOKENS = ['blue', 'purple', 'orange', 'green', 'red', 'yellow', 'pink'] as const;

// Token → CSS value; tokens newer than tokens.css fall back to the nearest token it already has.
const TOKENS: Record<string, string> = {
  prose: 'fg',
  primary: 'fg',
  emphasis: 'fg',
  secondary: 'fg-secondary',
  tertiary: 'fg-tertiary',
  success: 'success',
  warning: 'warning',
  danger: 'danger',
  surface: 'bg',
  'surface-secondary': 'surface-2',
  'surface-tertiary': 'surface-3',
  'surface-elevated': 'surface-elevated, var(--ck-bg)',
  'surface-elevated-secondary': 'surface-elevated-2, var(--ck-surface-2)',
  default: 'border',
  subtle: 'border-subtle, var(--ck-border)',
  strong: 'border-strong',
};
const SERIES_FALLBACK = ['info', 'discovery', 'warning', 'success', 'danger', 'warning', 'discovery'];
SERIES_TOKENS.forEach((t, i) => (TOKENS[t] = `series-${t}, var(--ck-${SERIES_FALLBACK[i]})`));

/** Hue families and shades of the primitive palette (`red-100` … `gray-900`), defined in tokens.css. */
export const PRIMITIVE_COLOR = /^(gray|red|orange|yellow|green|teal|blue|purple|pink)-(50|[1-9]00)$/;

/** Resolves a colour prop to a safe CSS value, or undefined when it is not a colour. */
export function resolveColor(v: unknown, scheme: Scheme): string | undefined {
  // A ThemeColor holds one plain colour per scheme; nesting is not a colour.
  return resolveString(readObject(v)?.[scheme] ?? v);
}

function resolveString(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  if (Object.hasOwn(TOKENS, v)) return `var(--ck-${TOKENS[v]})`;
  if (PRIMITIVE_COLOR.test(v)) return `var(--ck-${v})`;
  const rgba = parseColor(v);
  return rgba ? formatColor(rgba) : undefined;
}
