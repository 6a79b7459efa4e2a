/**
 * Shared prop groups of the catalogue (CHATKIT.md §4.1): BlockProps (sizing, radius, margin) and BoxBaseProps
 * (flex layout, gap, padding, border, background) → a class list and a style object. Styles are objects of
 * validated values only, applied by Preact through CSSOM, which a strict CSP allows.
 */
import type { WidgetComponent } from '../protocol/widgets.ts';
import { resolveColor, type Scheme } from './colors.ts';
import { readAspectRatio, readEnum, readFlex, readLength, readNumber, readObject, readSpace, readSpaces } from './values.ts';

/** A style object of validated CSS values. */
export type Style = Record<string, string>;

/** Joins class names, skipping empty parts. */
export const cx = (...parts: (string | number | false | null | undefined)[]): string => parts.filter(Boolean).join(' ');

const RADIUS: Record<string, string> = {
  '2xs': '2px',
  xs: '4px',
  sm: '6px',
  md: '8px',
  lg: '12px',
  xl: '16px',
  '2xl': '20px',
  '3xl': '24px',
  '4xl': '32px',
  full: '9999px',
  '100%': '100%',
  none: '0',
};
const SIDES = [
  ['Top', 'top', 'y'],
  ['Right', 'right', 'x'],
  ['Bottom', 'bottom', 'y'],
  ['Left', 'left', 'x'],
] as const;
const BORDER_STYLES = ['solid', 'dashed', 'dotted', 'double', 'groove', 'ridge', 'inset', 'outset'] as const;

const put = (style: Style, key: string, value: string | undefined): void => {
  if (value !== undefined) style[key] = value;
};

/**
 * Applies `number | string | Spacing` (numbers are spacing units; a string is a CSS shorthand of one to four
 * lengths) to `padding` or `margin`. Padding also sets `--ck-w-pad-l` / `--ck-w-pad-r`, which `flush` children
 * (Divider, Image) use to reach the container's edges whatever its padding.
 */
export function applySpacing(style: Style, prop: 'padding' | 'margin', v: unknown): void {
  const o = readObject(v);
  let left: string | undefined;
  let right: string | undefined;
  if (!o) {
    const parts = readSpaces(v);
    if (!parts) return;
    style[prop] = parts.join(' ');
    // CSS shorthand order: top right bottom left; missing sides repeat the opposite one.
    right = parts[1] ?? parts[0];
    left = parts[3] ?? right;
  } else {
    for (const [Side, side, axis] of SIDES) put(style, prop + Side, readSpace(o[side] ?? o[axis]));
    left = style[`${prop}Left`];
    right = style[`${prop}Right`];
  }
  if (prop !== 'padding') return;
  put(style, '--ck-w-pad-l', left);
  put(style, '--ck-w-pad-r', right);
}

// Longhands, not the `border` shorthand: a shorthand holding var() is parsed late and fails as a whole.
function putBorder(style: Style, prefix: string, v: unknown, scheme: Scheme): boolean {
  const o = readObject(v);
  const size = o ? readNumber(o.size, 0, 64) : readNumber(v, 0, 64);
  if (size === undefined) return false;
  style[`${prefix}Width`] = `${size}px`;
  style[`${prefix}Style`] = readEnum(o?.style, BORDER_STYLES) ?? 'solid';
  style[`${prefix}Color`] = resolveColor(o?.color, scheme) ?? 'var(--ck-border)';
  return true;
}

/** Applies `number | Border | Borders` to the border properties. */
export function applyBorder(style: Style, v: unknown, scheme: Scheme): void {
  const o = readObject(v);
  if (putBorder(style, 'border', v, scheme) || !o) return;
  for (const [Side, side, axis] of SIDES) putBorder(style, `border${Side}`, o[side] ?? o[axis], scheme);
}

/** BlockProps: width/height/size and their min/max, aspect ratio, radius, margin. */
export function applyBlock(style: Style, n: WidgetComponent): Style {
  for (const [prop, w, h] of [
    ['size', 'width', 'height'],
    ['minSize', 'minWidth', 'minHeight'],
    ['maxSize', 'maxWidth', 'maxHeight'],
  ] as const) {
    const both = readLength(n[prop]);
    put(style, w, readLength(n[w]) ?? both);
    put(style, h, readLength(n[h]) ?? both);
  }
  put(style, 'aspectRatio', readAspectRatio(n.aspectRatio));
  put(style, 'borderRadius', typeof n.radius === 'string' && Object.hasOwn(RADIUS, n.radius) ? RADIUS[n.radius] : undefined);
  applySpacing(style, 'margin', n.margin);
  put(style, 'flex', readFlex(n.flex));
  return style;
}

const ALIGN = ['start', 'center', 'end', 'baseline', 'stretch'] as const;
const JUSTIFY = ['start', 'center', 'end', 'between', 'around', 'evenly', 'stretch'] as const;
const WRAP = ['nowrap', 'wrap', 'wrap-reverse'] as const;

/** Class and style of a flex box from BoxBaseProps; `direction` is the box's axis. */
export function boxProps(n: WidgetComponent, scheme: Scheme, direction: 'row' | 'col', extra?: string): { class: string; style: Style } {
  const align = readEnum(n.align, ALIGN);
  const justify = readEnum(n.justify, JUSTIFY);
  const wrap = readEnum(n.wrap, WRAP);
  const style = applyBlock({}, n);
  put(style, 'gap', readSpace(n.gap));
  applySpacing(style, 'padding', n.padding);
  applyBorder(style, n.border, scheme);
  put(style, 'background', resolveColor(n.background, scheme));
  return {
    class: cx('ck-w-box', `ck-w-${direction}`, align && `ck-w-align-${align}`, justify && `ck-w-justify-${justify}`, wrap && `ck-w-${wrap}`, extra),
    style,
  };
}
