/**
 * Theme options → CSS custom properties, set on the frame's root through CSSOM. Only what the options ask for
 * is emitted; the stylesheet holds the light/dark defaults (and the `pill` / `normal` sizes). Every colour is
 * computed and formatted here, and text colours are pushed until they reach 4.5:1 contrast.
 */
import { compositeOver, contrastRatio, formatColor, hslToRgb, mixColors, type Rgba } from './color.ts';
import { RADIUS_VARS, SPACE_VARS } from './defaults.ts';
import type { ResolvedTheme } from './resolved.ts';

export { fontFaceDescriptors, type FontFaceSpec } from './fonts.ts';

/** The minimum contrast ratio kept between text colours and the surfaces they sit on (WCAG AA). */
export const MIN_TEXT_CONTRAST = 4.5;
/** The minimum for input borders and the focus ring against the background (WCAG 1.4.11). */
export const MIN_UI_CONTRAST = 3;
// The stylesheet's focus colours, moved to contrast with a custom background when needed.
const FOCUS: Record<'light' | 'dark', Rgba> = { light: { r: 46, g: 111, b: 216, a: 1 }, dark: { r: 138, g: 180, b: 248, a: 1 } };

const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 1 };
const BLACK: Rgba = { r: 0, g: 0, b: 0, a: 1 };
// Only used to flatten translucent option colours; the stylesheet owns the real default backgrounds.
const BASE_BG: Record<'light' | 'dark', Rgba> = { light: WHITE, dark: { r: 33, g: 33, b: 33, a: 1 } };
// Opacity of --ck-accent-soft per accent level: how strongly the accent tints soft surfaces.
const SOFT_ALPHA = [0.06, 0.1, 0.16, 0.24] as const;

/** CSS variables for a theme, plus the colour scheme the frame should declare (`color-scheme`). */
export function themeVariables(theme: ResolvedTheme): { colorScheme: 'light' | 'dark'; vars: Record<string, string> } {
  const dark = theme.colorScheme === 'dark';
  const { grayscale, accent, surface } = theme.color;
  const vars: Record<string, string> = {};
  let bg = BASE_BG[theme.colorScheme];
  let fg: Rgba | undefined;
  if (surface) {
    bg = compositeOver(surface.background, bg);
    fg = compositeOver(surface.foreground, bg);
  } else if (grayscale) {
    const sat = grayscale.tint * 3;
    // A positive shade darkens in both schemes; the clamps keep the ramp usable at the extremes.
    const lightness = dark ? clamp(14 - grayscale.shade * 1.5, 5, 22) : clamp(99 - grayscale.shade * 1.5, 90, 100);
    bg = opaque(hslToRgb(grayscale.hue, sat, lightness));
    fg = opaque(hslToRgb(grayscale.hue, sat * 0.7, dark ? 93 : 13));
  }
  const soft = accent && { ...compositeOver(accent.primary, bg), a: SOFT_ALPHA[accent.level] };
  if (fg) Object.assign(vars, neutralVariables(bg, fg, dark, soft ? [compositeOver(soft, bg)] : []), { '--ck-focus': formatColor(ensureContrast(FOCUS[theme.colorScheme], [bg], MIN_UI_CONTRAST)) });
  if (soft) Object.assign(vars, accentVariables(soft));
  const [radius, controlRadius] = RADIUS_VARS[theme.radius];
  if (theme.radius !== 'pill') Object.assign(vars, { '--ck-radius': radius, '--ck-radius-control': controlRadius });
  if (theme.density !== 'normal') vars['--ck-space'] = SPACE_VARS[theme.density];
  const { baseSize, fontFamily, fontFamilyMono } = theme.typography;
  // Relative to the reader's default font size (16px unless they changed it), as the stylesheet's 1rem is.
  if (baseSize) vars['--ck-font-size'] = `${baseSize / 16}rem`;
  if (fontFamily) vars['--ck-font'] = fontFamily;
  if (fontFamilyMono) vars['--ck-font-mono'] = fontFamilyMono;
  return { colorScheme: theme.colorScheme, vars };
}

/**
 * Background, text and the gray ramp between them, mixed from the two ends so a tint carries through.
 * `tinted` are further surfaces text is placed on (the accent-soft fill).
 */
function neutralVariables(bg: Rgba, rawFg: Rgba, dark: boolean, tinted: Rgba[]): Record<string, string> {
  const surface2 = mixColors(bg, rawFg, dark ? 0.06 : 0.035);
  const surface3 = mixColors(bg, rawFg, dark ? 0.11 : 0.07);
  // Text must stay readable on the page background and on every tinted surface it is placed on.
  const readable = (c: Rgba): Rgba => ensureContrast(c, [bg, surface3, ...tinted], MIN_TEXT_CONTRAST);
  const fg = readable(rawFg);
  return {
    '--ck-bg': formatColor(bg),
    '--ck-fg': formatColor(fg),
    '--ck-fg-secondary': formatColor(readable(mixColors(fg, bg, 0.3))),
    '--ck-fg-tertiary': formatColor(readable(mixColors(fg, bg, 0.5))),
    '--ck-surface-2': formatColor(surface2),
    '--ck-surface-3': formatColor(surface3),
    '--ck-border': formatColor(mixColors(bg, rawFg, dark ? 0.14 : 0.1)),
    '--ck-border-strong': formatColor(mixColors(bg, rawFg, dark ? 0.24 : 0.18)),
    '--ck-input-border': formatColor(ensureContrast(mixColors(bg, rawFg, 0.45), [bg], MIN_UI_CONTRAST)),
  };
}

/** The accent, a hover shade moving away from its text colour, readable text on it, and the soft tint. */
function accentVariables(soft: Rgba): Record<string, string> {
  const accent = { ...soft, a: 1 };
  // Black or white, whichever contrasts more: one of them always reaches at least 4.58:1.
  const onAccent = contrastRatio(WHITE, accent) >= contrastRatio(BLACK, accent) ? WHITE : BLACK;
  return {
    '--ck-accent': formatColor(accent),
    '--ck-accent-hover': formatColor(mixColors(accent, onAccent === WHITE ? BLACK : WHITE, 0.12)),
    '--ck-accent-fg': formatColor(onAccent),
    '--ck-accent-soft': formatColor(soft),
  };
}

/**
 * Moves `color` towards black or white (whichever contrasts more with the first background) until it has
 * `min` contrast with every background; gives the extreme if even that is short.
 */
export function ensureContrast(color: Rgba, backgrounds: readonly Rgba[], min: number): Rgba {
  const first = backgrounds[0] ?? WHITE;
  const target = contrastRatio(BLACK, first) >= contrastRatio(WHITE, first) ? BLACK : WHITE;
  const base = compositeOver(color, first);
  for (let step = 0; step <= 20; step++) {
    // Rounded as formatColor will round it, so the contrast checked is the contrast shipped.
    const mixed = mixColors(base, target, step / 20);
    const candidate = { r: Math.round(mixed.r), g: Math.round(mixed.g), b: Math.round(mixed.b), a: 1 };
    if (backgrounds.every((bg) => contrastRatio(candidate, bg) >= min)) return candidate;
  }
  return target;
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
const opaque = (c: Omit<Rgba, 'a'>): Rgba => ({ ...c, a: 1 });
