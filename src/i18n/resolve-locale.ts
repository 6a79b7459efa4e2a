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
import { loadStrings, peekStrings } from './load-strings.ts';

/** Text direction of a locale. */
export type TextDirection = 'ltr' | 'rtl';

/** The outcome of locale resolution. */
export interface ResolvedLocale {
  /** BCP-47 tag sent as `Accept-Language`: the chosen tag as given, with standard casing (`de-de` → `de-DE`). */
  locale: string;
  /** For `<html lang>`: the same tag, whose language is always the language of `strings`. */
  lang: string;
  /** Direction of the strings' language: `rtl` for ar, fa, he, ur. */
  dir: TextDirection;
  /** The locale for Intl (plurals, numbers, dates): the same tag, which a built-in table serves. */
  stringsLang: string;
  /** The table if already in memory, otherwise English until `load()` settles. */
  strings: Strings;
  /** Resolves with the table for `stringsLang`; never rejects (English if its chunk cannot be fetched). */
  load(): Promise<Strings>;
}

/**
 * The languages the built-in tables (./supported-locales.ts UI_LOCALES) serve, as `Intl.Locale#language` names them (`tl` is `fil`; `no` is served by
 * nb-NO), in one string: all the frame's first open needs to resolve a locale (the tag-to-table matching is
 * in the lazily loaded ./locale-chunks.ts). Kept here, not in ./supported-locales.ts, because a module that
 * the lazy chunk shares would be split into a chunk of its own that the first open then loads whole.
 * test/unit/i18n/load-strings.test.ts keeps it equal to UI_LOCALES' languages.
 */
export const UI_LANGUAGES =
  'am ar bg bn bs ca cs da de el es et fi fil fr gu hi hr hu hy id is it ja ka kk kn ko lt lv mk ml mn mr ms my nb no ' +
  'nl pa pl pt ro ru sk sl so sq sr sv sw ta te th tr uk ur vi zh he fa';

/** The right-to-left languages among UI_LANGUAGES. */
export const RTL_LANGUAGES = 'ar fa he ur';

const languages: ReadonlySet<string> = new Set(UI_LANGUAGES.split(' '));
const rtl: ReadonlySet<string> = new Set(RTL_LANGUAGES.split(' '));

interface UsableTag {
  tag: string;
  language: string;
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

// A tag is usable when it is well formed and its language has a table (or is English): a language we do not
// translate counts as unsupported and resolves to English, as ChatKit documents, so `lang` never claims a
// language the UI does not speak.
function parseTag(raw: unknown): UsableTag | undefined {
  if (typeof raw !== 'string') return undefined;
  const tag = raw.trim().replace(/_/g, '-');
  if (tag === '' || tag.length > 64) return undefined;
  let language: string;
  try {
    language = new Intl.Locale(tag).language;
  } catch {
    return undefined;
  }
  return language === 'en' || languages.has(language) ? { tag: normalizeCase(tag), language } : undefined;
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
  let chosen: UsableTag = { tag: 'en', language: 'en' };
  for (const candidate of candidates) {
    const usable = parseTag(candidate);
    if (usable) {
      chosen = usable;
      break;
    }
  }
  const { tag, language } = chosen;
  return {
    locale: tag,
    lang: tag,
    dir: rtl.has(language) ? 'rtl' : 'ltr',
    stringsLang: tag,
    strings: peekStrings(tag) ?? en,
    load: () => loadStrings(tag),
  };
}
