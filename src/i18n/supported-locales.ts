/**
 * ChatKit's `SupportedLocale` list (CHATKIT.md §1.14), for option validation and type tests.
 * test/unit/i18n/supported-locales-types.test.ts proves the union equals `@openai/chatkit`'s.
 */

/** Every value ChatKit's `locale` option accepts: its translated locales, then bare-language aliases. */
export const SUPPORTED_LOCALES = [
  'am', 'ar', 'bg-BG', 'bn-BD', 'bs-BA', 'ca-ES', 'cs-CZ', 'da-DK', 'de-DE', 'el-GR', 'es-419', 'es-ES', 'et-EE',
  'fi-FI', 'fr-CA', 'fr-FR', 'gu-IN', 'hi-IN', 'hr-HR', 'hu-HU', 'hy-AM', 'id-ID', 'is-IS', 'it-IT', 'ja-JP',
  'ka-GE', 'kk', 'kn-IN', 'ko-KR', 'lt', 'lv-LV', 'mk-MK', 'ml', 'mn', 'mr-IN', 'ms-MY', 'my-MM', 'nb-NO', 'nl-NL',
  'pa', 'pl-PL', 'pt-BR', 'pt-PT', 'ro-RO', 'ru-RU', 'sk-SK', 'sl-SI', 'so-SO', 'sq-AL', 'sr-RS', 'sv-SE', 'sw-TZ',
  'ta-IN', 'te-IN', 'th-TH', 'tl', 'tr-TR', 'uk-UA', 'ur', 'vi-VN', 'zh-CN', 'zh-HK', 'zh-TW',
  'bg', 'bn', 'bs', 'ca', 'cs', 'da', 'de', 'el', 'es', 'et', 'fi', 'fr', 'gu', 'hi', 'hr', 'hu', 'hy', 'id', 'is',
  'it', 'ja', 'ka', 'kn', 'ko', 'lv', 'mk', 'mr', 'ms', 'my', 'nb', 'nl', 'pl', 'pt', 'ro', 'ru', 'sk', 'sl', 'so',
  'sq', 'sr', 'sv', 'sw', 'ta', 'te', 'th', 'tr', 'uk', 'vi', 'zh', 'zh-Hant', 'en',
] as const;

/** Same as `@openai/chatkit`'s SupportedLocale. */
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];
