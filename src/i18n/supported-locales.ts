/**
 * The one list of locales: ChatKit's (`@openai/chatkit` types, CHATKIT.md §1.14) and the tables we ship.
 * test/unit/i18n/supported-locales-types.test.ts proves the lists equal the package's, both through `tsc` and
 * by reading the package's type declarations at test time.
 */

/** ChatKit's `TranslatedLocale`: every tag ChatKit ships a translation for. Each has a table here. */
export const TRANSLATED_LOCALES = [
  'am', 'ar', 'bg-BG', 'bn-BD', 'bs-BA', 'ca-ES', 'cs-CZ', 'da-DK', 'de-DE', 'el-GR', 'es-419', 'es-ES', 'et-EE',
  'fi-FI', 'fr-CA', 'fr-FR', 'gu-IN', 'hi-IN', 'hr-HR', 'hu-HU', 'hy-AM', 'id-ID', 'is-IS', 'it-IT', 'ja-JP',
  'ka-GE', 'kk', 'kn-IN', 'ko-KR', 'lt', 'lv-LV', 'mk-MK', 'ml', 'mn', 'mr-IN', 'ms-MY', 'my-MM', 'nb-NO', 'nl-NL',
  'pa', 'pl-PL', 'pt-BR', 'pt-PT', 'ro-RO', 'ru-RU', 'sk-SK', 'sl-SI', 'so-SO', 'sq-AL', 'sr-RS', 'sv-SE', 'sw-TZ',
  'ta-IN', 'te-IN', 'th-TH', 'tl', 'tr-TR', 'uk-UA', 'ur', 'vi-VN', 'zh-CN', 'zh-HK', 'zh-TW',
] as const;

/** One of ChatKit's translated locales. */
export type TranslatedLocale = (typeof TRANSLATED_LOCALES)[number];

/** ChatKit's bare-language aliases, which it resolves to a translated locale, and English. */
export const LOCALE_ALIASES = [
  'bg', 'bn', 'bs', 'ca', 'cs', 'da', 'de', 'el', 'es', 'et', 'fi', 'fr', 'gu', 'hi', 'hr', 'hu', 'hy', 'id', 'is',
  'it', 'ja', 'ka', 'kn', 'ko', 'lv', 'mk', 'mr', 'ms', 'my', 'nb', 'nl', 'pl', 'pt', 'ro', 'ru', 'sk', 'sl', 'so',
  'sq', 'sr', 'sv', 'sw', 'ta', 'te', 'th', 'tr', 'uk', 'vi', 'zh', 'zh-Hant', 'en',
] as const;

/** `[...a, ...b]` as a call the bundler may drop when unused (the frame's first open needs only UI_LANGUAGES). */
const join = <A, B>(a: readonly A[], b: readonly B[]): readonly (A | B)[] => [...a, ...b];

/** Every value ChatKit's `locale` option accepts: its translated locales, then the aliases. */
export const SUPPORTED_LOCALES = /* @__PURE__ */ join(TRANSLATED_LOCALES, LOCALE_ALIASES);

/** Same as `@openai/chatkit`'s SupportedLocale. */
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

/**
 * Right-to-left languages we translate beyond ChatKit's list (Hebrew, Persian), reachable through the browser's
 * languages or a `locale` given as a plain string.
 */
export const EXTRA_LOCALES = ['he', 'fa'] as const;

/** Every built-in table besides English, named by its tag; each is its own chunk, `src/i18n/locales/<tag>.ts`. */
export const UI_LOCALES = /* @__PURE__ */ join(TRANSLATED_LOCALES, EXTRA_LOCALES);

/** A built-in table's tag, or English. */
export type UiLocale = (typeof UI_LOCALES)[number] | 'en';

/** The right-to-left tables. */
export const RTL_LOCALES: ReadonlySet<string> = /* @__PURE__ */ new Set<UiLocale>(['ar', 'fa', 'he', 'ur']);

