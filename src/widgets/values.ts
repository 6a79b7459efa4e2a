/**
 * Readers for untrusted widget props. Every value that reaches a class name or a style property passes one of
 * these: enums are looked up in fixed lists, numbers must be finite and in range, lengths are rebuilt from a
 * number and a unit we chose. Anything else reads as `undefined` and the prop is simply ignored.
 */

/** Largest length (px, or the number part of a CSS length) a widget may ask for; beyond it the prop is dropped. */
export const MAX_LENGTH = 10_000;
/** Pixels per spacing unit (numbers in `gap`, `padding`, `margin` and `Spacing` are units). */
export const SPACING_UNIT = 4;

/** Units a widget length may use (font-, viewport- and container-relative included). */
const UNITS = ['px', '%', 'rem', 'em', 'ch', 'ex', 'lh', 'vh', 'vw', 'vmin', 'vmax', 'dvh', 'dvw', 'svh', 'svw', 'lvh', 'lvw', 'cqw', 'cqh'];
const CSS_LENGTH = new RegExp(`^(\\d{1,6}(?:\\.\\d{1,4})?)(${UNITS.join('|')})$`);
const MATH_WORDS = new Set(['calc', 'min', 'max', 'clamp', ...UNITS]);

/**
 * A CSS math length (`calc()`, `min()`, `max()`, `clamp()`) made only of numbers, the units above, operators,
 * commas and balanced parentheses: no quotes, colons, `url()` or `var()`, so it cannot reach anything but a length.
 */
function readMathLength(v: string): string | undefined {
  if (v.length > 200 || !/^(?:calc|min|max|clamp)\([\d.a-z%+\-*/ ,()]*\)$/.test(v)) return undefined;
  let depth = 0;
  for (const ch of v) {
    if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) return undefined;
  }
  if (depth !== 0) return undefined;
  return (v.match(/[a-z%]+/g) ?? []).every((w) => MATH_WORDS.has(w)) ? v : undefined;
}

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
 * A CSS length: a number is pixels times `unit` (1 for sizes, SPACING_UNIT for spacing); a string is a plain
 * length in one of the units above (`12px`, `50%`, `1.5rem`, `40vh`…) within MAX_LENGTH, `auto`, or a math
 * expression (`calc(100% - 16px)`).
 */
export function readLength(v: unknown, unit = 1): string | undefined {
  if (typeof v === 'number') {
    const n = readNumber(v * unit, 0, MAX_LENGTH);
    return n === undefined ? undefined : px(n);
  }
  if (v === 'auto' || v === '0') return v;
  if (typeof v !== 'string') return undefined;
  const m = CSS_LENGTH.exec(v);
  if (!m) return readMathLength(v.trim());
  if (Number(m[1]) > MAX_LENGTH) return undefined;
  return `${Number(m[1])}${m[2]}`;
}

/** A spacing length (numbers are spacing units). */
export const readSpace = (v: unknown): string | undefined => readLength(v, SPACING_UNIT);

/** Splits a CSS value on the spaces outside parentheses (`8px calc(1em + 2px)` → two parts). */
function splitValues(v: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of v.trim()) {
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    if (/\s/.test(ch) && depth === 0) {
      if (current) parts.push(current);
      current = '';
    } else current += ch;
  }
  if (current) parts.push(current);
  return parts;
}

/**
 * A spacing shorthand: a number (spacing units) or a string of one to four lengths, as CSS `padding` and `margin`
 * take (`8px 16px`), each part checked like {@link readLength}; anything else is undefined.
 */
export function readSpaces(v: unknown): string[] | undefined {
  if (typeof v !== 'string') {
    const one = readSpace(v);
    return one === undefined ? undefined : [one];
  }
  const parts = splitValues(v);
  if (parts.length < 1 || parts.length > 4) return undefined;
  const read = parts.map((p) => readLength(p));
  return read.every((p): p is string => p !== undefined) ? read : undefined;
}

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
