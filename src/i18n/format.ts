/**
 * Message formatting: `{name}` interpolation, plural selection with Intl.PluralRules, and file sizes.
 * Results are plain strings for text nodes; nothing here produces markup.
 */
import type { PluralForms } from './en.ts';

/** Values a template can interpolate. */
export type FormatVars = Readonly<Record<string, string | number>>;

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

/**
 * Replaces `{name}` with `vars.name`, in one pass, so a value that itself contains `{…}` is never expanded.
 * A placeholder without a value stays as written: a visible bug beats a silently empty label.
 */
export function formatString(template: string, vars: FormatVars = {}): string {
  return template.replace(PLACEHOLDER, (whole, key: string) =>
    Object.hasOwn(vars, key) ? String(vars[key]) : whole,
  );
}

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const percentFormats = new Map<string, Intl.NumberFormat>();

// Intl constructors throw RangeError on a malformed tag; English rules are the safe answer then.
function cached<T>(cache: Map<string, T>, lang: string, make: (lang: string) => T): T {
  let value = cache.get(lang);
  if (!value) {
    try {
      value = make(lang);
    } catch {
      value = make('en');
    }
    cache.set(lang, value);
  }
  return value;
}

/** The CLDR plural category of `count` in `lang` (`one`, `few`, …). */
export function selectPlural(count: number, lang: string): Intl.LDMLPluralRule {
  return cached(pluralRules, lang, (l) => new Intl.PluralRules(l)).select(count);
}

/**
 * Picks the form for `count` (falling back to `other` when the table lacks that category) and interpolates
 * `{count}` as a locale-formatted number, plus any extra `vars`. `lang` should be the language of the table.
 */
export function formatPlural(forms: PluralForms, count: number, lang: string, vars: FormatVars = {}): string {
  const template = forms[selectPlural(count, lang)] ?? forms.other;
  const formatted = cached(numberFormats, lang, (l) => new Intl.NumberFormat(l)).format(count);
  return formatString(template, { count: formatted, ...vars });
}

/** A fraction as a whole percentage in `lang`: `0.4` → `40%` (`40 %` in German). */
export function formatPercent(fraction: number, lang: string): string {
  return cached(percentFormats, lang, (l) => new Intl.NumberFormat(l, { style: 'percent' })).format(fraction);
}

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** A byte count for people, in binary steps with the locale's short units: `10 MB`, `1.5 kB`, `512 byte`. */
export function formatBytes(bytes: number, lang: string): string {
  let value = Number.isFinite(bytes) && bytes > 0 ? bytes : 0;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const options: Intl.NumberFormatOptions = {
    style: 'unit',
    unit: UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0,
  };
  let format: Intl.NumberFormat;
  try {
    format = new Intl.NumberFormat(lang, options);
  } catch {
    format = new Intl.NumberFormat('en', options);
  }
  return format.format(value);
}
