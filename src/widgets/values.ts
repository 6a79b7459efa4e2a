/**
 * Readers for untrusted widget props. Every value that reaches a class name or a style property passes one of
 * these: enums are looked up in fixed lists, numbers must be finite and in range, lengths are rebuilt from a
 * number and a unit we chose. Anything else reads as `undefined` and the prop is simply ignored.
 */

/** Largest length (px, or the number part of a CSS length) a widget may ask for; beyond it the prop is dropped. */
export const MAX_LENGTH = 10_000;
/** Pixels per spacing unit (numbers in `gap`, `padding`, `margin` and `Spacing` are units). */
export const SPACING_UNIT = 4;

const CSS_LENGTH = /^(\d{1,6}(?:\.\d{1,4})?)(px|%|rem|em)$/;

/** The value when it is a string (optionally capped in length), else undefined. */
export function readString(v: unknown, max = 10_000): string | undefined {
  return typeof v === 'string' ? v.slice(0, max) : undefined;
}

/** The value when it is one of `allowed`, else undefined. */
export function readEnum<T extends string>(v: unknown, allowed: readonly T[]): T | undefined {
  return typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : undefined;
}

/** A finite number within [min, max], else undefined. */
export function readNumber(v: unknown, min: number, max: number): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? v : undefined;
}

/** A whole number within [min, max], else undefined. */
export function readInt(v: unknown, min: number, max: number): number | undefined {
  const n = readNumber(v, min, max);
  return n === undefined ? undefined : Math.floor(n);
}

/** A plain JSON object (not null, not an array), else undefined. */
export function readObject(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

const px = (n: number): string => `${Math.round(n * 100) / 100}px`;

/**
 * A CSS length: a number is pixels times `unit` (1 for sizes, SPACING_UNIT for spacing); a string must be a plain
 * `12px` / `50%` / `1.5rem` / `2em` / `auto` within MAX_LENGTH.
 */
export function readLength(v: unknown, unit = 1): string | undefined {
  if (typeof v === 'number') {
    const n = readNumber(v * unit, 0, MAX_LENGTH);
    return n === undefined ? undefined : px(n);
  }
  if (v === 'auto') return v;
  const m = typeof v === 'string' ? CSS_LENGTH.exec(v) : null;
  if (!m || Number(m[1]) > MAX_LENGTH) return undefined;
  return `${Number(m[1])}${m[2]}`;
}

/** A spacing length (numbers are spacing units). */
export const readSpace = (v: unknown): string | undefined => readLength(v, SPACING_UNIT);

/** An aspect ratio: a positive number or `w/h`, rebuilt from numbers. */
export function readAspectRatio(v: unknown): string | undefined {
  if (typeof v === 'number') return readNumber(v, 0.01, 100) === undefined ? undefined : String(v);
  const m = typeof v === 'string' ? /^(\d{1,4}(?:\.\d{1,3})?)\s*\/\s*(\d{1,4}(?:\.\d{1,3})?)$/.exec(v) : null;
  return m && Number(m[2]) > 0 ? `${Number(m[1])} / ${Number(m[2])}` : undefined;
}

/** A flex shorthand: a number (grow factor) or a few keywords. */
export function readFlex(v: unknown): string | undefined {
  if (typeof v === 'number') return readNumber(v, 0, 1000) === undefined ? undefined : String(v);
  if (v === 'auto' || v === 'none' || v === 'initial') return v;
  return typeof v === 'string' && /^\d{1,3}(\.\d{1,3})?$/.test(v) ? String(Number(v)) : undefined;
}

/** A regular-expression `pattern` attribute the browser (and our validation) can compile, else undefined. */
export function readPattern(v: unknown): string | undefined {
  const s = readString(v, 1000);
  if (!s) return undefined;
  try {
    new RegExp(`^(?:${s})$`, 'v');
    return s;
  } catch {
    return undefined;
  }
}
