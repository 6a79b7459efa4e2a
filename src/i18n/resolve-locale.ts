/**
 * Which locale the widget speaks, from ChatKit's `locale` option or else the browser's languages.
 *
 * Strings are loaded lazily, so `resolveLocale` answers at once with English strings (or the real table when
 * it is already in memory) plus `load()` for the real one. Recommended use: render at once with `strings`,
 * then swap in the result of `load()` (a signal makes that a one-line effect). `dir` and `lang` are right from
 * the first render, so nothing flips; the closed launcher shows only an icon, so the swap is invisible in
 * practice, and by the time the panel opens the chunk has arrived. Awaiting `load()` before the first render
 * is also correct; it costs one small same-origin request before the launcher appears.
 */
import { en, type Strings } from './en.ts';
import { loadStrings, matchBuiltinLang, peekStrings, type BuiltinLang } from './load-strings.ts';

/** Text direction of a locale. */
export type TextDirection = 'ltr' | 'rtl';

/** The outcome of locale resolution. */
export interface ResolvedLocale {
  /** BCP-47 tag sent as `Accept-Language`: the chosen tag as given, with standard casing (`de-de` → `de-DE`). */
  locale: string;
  /** For `<html lang>`: the same tag. The conversation is in this language even when the chrome falls back. */
  lang: string;
  /** Direction of the locale itself, also when its strings fall back to English (ar, he, fa, ur…). */
  dir: TextDirection;
  /** The built-in table serving this locale (`en` when there is none, e.g. `zh-Hant`). */
  stringsLang: BuiltinLang;
  /** The table if already in memory, otherwise English until `load()` settles. */
  strings: Strings;
  /** Resolves with the table for `stringsLang`; never rejects (English if its chunk cannot be fetched). */
  load(): Promise<Strings>;
}

// Languages worth honouring: ChatKit's SupportedLocale languages (tl canonicalises to fil), English, and
// right-to-left languages, which keep their direction even without translated strings. Anything else counts
// as unsupported and resolves to English, as ChatKit documents.
const KNOWN_LANGUAGES: ReadonlySet<string> = new Set(
  ('am ar bg bn bs ca cs da de el en es et fi fil fr gu hi hr hu hy id is it ja ka kk kn ko lt lv mk ml mn mr ' +
    'ms my nb nl pa pl pt ro ru sk sl so sq sr sv sw ta te th tr uk ur vi zh ckb dv fa he ps sd ug yi').split(' '),
);
const RTL_LANGUAGES: ReadonlySet<string> = new Set(['ar', 'ckb', 'dv', 'fa', 'he', 'ps', 'sd', 'ug', 'ur', 'yi']);
const RTL_SCRIPTS: ReadonlySet<string> = new Set(['Adlm', 'Arab', 'Hebr', 'Nkoo', 'Rohg', 'Syrc', 'Thaa']);

interface UsableTag {
  tag: string;
  dir: TextDirection;
}

/** Standard BCP-47 casing without Intl's alias rewriting, so `tl` stays `tl` as ChatKit spells it. */
function normalizeCase(tag: string): string {
  let inExtension = false;
  return tag
    .split('-')
    .map((part, i) => {
      if (i === 0 || inExtension) return part.toLowerCase();
      if (part.length === 1) {
        inExtension = true;
        return part.toLowerCase();
      }
      if (part.length === 4 && /^[a-z]/i.test(part)) return part[0]!.toUpperCase() + part.slice(1).toLowerCase();
      return part.length === 2 ? part.toUpperCase() : part.toLowerCase();
    })
    .join('-');
}

function parseTag(raw: unknown): UsableTag | undefined {
  if (typeof raw !== 'string') return undefined;
  const tag = raw.trim().replace(/_/g, '-');
  if (tag === '' || tag.length > 64) return undefined;
  let parsed: Intl.Locale;
  try {
    parsed = new Intl.Locale(tag);
  } catch {
    return undefined;
  }
  if (!KNOWN_LANGUAGES.has(parsed.language)) return undefined;
  const rtl = parsed.script ? RTL_SCRIPTS.has(parsed.script) : RTL_LANGUAGES.has(parsed.language);
  return { tag: normalizeCase(tag), dir: rtl ? 'rtl' : 'ltr' };
}

/**
 * Resolves the `locale` option (any ChatKit SupportedLocale, or any BCP-47 tag) or, when it is absent, the
 * first usable entry of `navigatorLanguages`. An unusable explicit locale means English, as in ChatKit;
 * malformed input of any kind never throws.
 */
export function resolveLocale(requested: string | undefined, navigatorLanguages: readonly string[]): ResolvedLocale {
  const hasRequest = typeof requested === 'string' && requested.trim() !== '';
  const candidates: readonly unknown[] = hasRequest
    ? [requested]
    : Array.isArray(navigatorLanguages)
      ? navigatorLanguages.slice(0, 32)
      : [];
  let chosen: UsableTag = { tag: 'en', dir: 'ltr' };
  for (const candidate of candidates) {
    const usable = parseTag(candidate);
    if (usable) {
      chosen = usable;
      break;
    }
  }
  const { tag, dir } = chosen;
  return {
    locale: tag,
    lang: tag,
    dir,
    stringsLang: matchBuiltinLang(tag),
    strings: peekStrings(tag) ?? en,
    load: () => loadStrings(tag),
  };
}
