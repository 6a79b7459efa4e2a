/**
 * Which table serves a tag, and one dynamic import per built-in table (each a literal path, so the bundler
 * makes every locale its own chunk). This module is itself loaded lazily by ./load-strings.ts, so none of it
 * is in an English first open.
 */
import type { Strings } from './en.ts';
import { UI_LOCALES, type UiLocale } from './supported-locales.ts';

const byTag = new Map<string, UiLocale>(UI_LOCALES.map((tag) => [tag.toLowerCase(), tag]));
// Each language's table; where a language has several, the one a bare or other-regional tag gets.
const byLanguage = new Map<string, UiLocale>([
  ...UI_LOCALES.map((tag): [string, UiLocale] => [tag.split('-')[0]!, tag]),
  ['es', 'es-ES'], ['fr', 'fr-FR'], ['pt', 'pt-BR'], ['zh', 'zh-CN'], ['fil', 'tl'], ['no', 'nb-NO'], ['iw', 'he'],
]);
// Spanish-speaking Latin America and the US read es-419.
const LATIN_AMERICA = /^(419|AR|BO|CL|CO|CR|CU|DO|EC|GT|HN|MX|NI|PA|PE|PR|PY|SV|US|UY|VE)$/;

/**
 * The table serving a BCP-47 tag, as ChatKit resolves it: the whole tag if it has a table (case-insensitive,
 * `_` or `-`), else its language's table (`de-AT` → `de-DE`, `pt` → `pt-BR`), choosing the variant by region or
 * script where a language has several (`es-MX` → `es-419`, `pt-AO` → `pt-PT`, `zh-Hant`/`zh-MO` → traditional);
 * `en` for English, other languages and garbage.
 */
export function matchTable(tag: string): UiLocale {
  const clean = tag.replace(/_/g, '-');
  const exact = byTag.get(clean.toLowerCase());
  if (exact) return exact;
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(clean);
  } catch {
    return 'en';
  }
  const { language, region } = locale;
  if (language === 'zh') {
    const full = locale.maximize();
    if (full.script !== 'Hant') return 'zh-CN';
    return full.region === 'HK' || full.region === 'MO' ? 'zh-HK' : 'zh-TW';
  }
  if (language === 'pt' && region && region !== 'BR') return 'pt-PT';
  if (language === 'es' && region && LATIN_AMERICA.test(region)) return 'es-419';
  if (language === 'fr' && region === 'CA') return 'fr-CA';
  return byLanguage.get(language) ?? 'en';
}


type Table = { default: Strings };

const chunks: Readonly<Record<Exclude<UiLocale, 'en'>, () => Promise<Table>>> = {
  'am': () => import('./locales/am.ts'),
  'ar': () => import('./locales/ar.ts'),
  'bg-BG': () => import('./locales/bg-BG.ts'),
  'bn-BD': () => import('./locales/bn-BD.ts'),
  'bs-BA': () => import('./locales/bs-BA.ts'),
  'ca-ES': () => import('./locales/ca-ES.ts'),
  'cs-CZ': () => import('./locales/cs-CZ.ts'),
  'da-DK': () => import('./locales/da-DK.ts'),
  'de-DE': () => import('./locales/de-DE.ts'),
  'el-GR': () => import('./locales/el-GR.ts'),
  'es-419': () => import('./locales/es-419.ts'),
  'es-ES': () => import('./locales/es-ES.ts'),
  'et-EE': () => import('./locales/et-EE.ts'),
  'fi-FI': () => import('./locales/fi-FI.ts'),
  'fr-CA': () => import('./locales/fr-CA.ts'),
  'fr-FR': () => import('./locales/fr-FR.ts'),
  'gu-IN': () => import('./locales/gu-IN.ts'),
  'hi-IN': () => import('./locales/hi-IN.ts'),
  'hr-HR': () => import('./locales/hr-HR.ts'),
  'hu-HU': () => import('./locales/hu-HU.ts'),
  'hy-AM': () => import('./locales/hy-AM.ts'),
  'id-ID': () => import('./locales/id-ID.ts'),
  'is-IS': () => import('./locales/is-IS.ts'),
  'it-IT': () => import('./locales/it-IT.ts'),
  'ja-JP': () => import('./locales/ja-JP.ts'),
  'ka-GE': () => import('./locales/ka-GE.ts'),
  'kk': () => import('./locales/kk.ts'),
  'kn-IN': () => import('./locales/kn-IN.ts'),
  'ko-KR': () => import('./locales/ko-KR.ts'),
  'lt': () => import('./locales/lt.ts'),
  'lv-LV': () => import('./locales/lv-LV.ts'),
  'mk-MK': () => import('./locales/mk-MK.ts'),
  'ml': () => import('./locales/ml.ts'),
  'mn': () => import('./locales/mn.ts'),
  'mr-IN': () => import('./locales/mr-IN.ts'),
  'ms-MY': () => import('./locales/ms-MY.ts'),
  'my-MM': () => import('./locales/my-MM.ts'),
  'nb-NO': () => import('./locales/nb-NO.ts'),
  'nl-NL': () => import('./locales/nl-NL.ts'),
  'pa': () => import('./locales/pa.ts'),
  'pl-PL': () => import('./locales/pl-PL.ts'),
  'pt-BR': () => import('./locales/pt-BR.ts'),
  'pt-PT': () => import('./locales/pt-PT.ts'),
  'ro-RO': () => import('./locales/ro-RO.ts'),
  'ru-RU': () => import('./locales/ru-RU.ts'),
  'sk-SK': () => import('./locales/sk-SK.ts'),
  'sl-SI': () => import('./locales/sl-SI.ts'),
  'so-SO': () => import('./locales/so-SO.ts'),
  'sq-AL': () => import('./locales/sq-AL.ts'),
  'sr-RS': () => import('./locales/sr-RS.ts'),
  'sv-SE': () => import('./locales/sv-SE.ts'),
  'sw-TZ': () => import('./locales/sw-TZ.ts'),
  'ta-IN': () => import('./locales/ta-IN.ts'),
  'te-IN': () => import('./locales/te-IN.ts'),
  'th-TH': () => import('./locales/th-TH.ts'),
  'tl': () => import('./locales/tl.ts'),
  'tr-TR': () => import('./locales/tr-TR.ts'),
  'uk-UA': () => import('./locales/uk-UA.ts'),
  'ur': () => import('./locales/ur.ts'),
  'vi-VN': () => import('./locales/vi-VN.ts'),
  'zh-CN': () => import('./locales/zh-CN.ts'),
  'zh-HK': () => import('./locales/zh-HK.ts'),
  'zh-TW': () => import('./locales/zh-TW.ts'),
  'he': () => import('./locales/he.ts'),
  'fa': () => import('./locales/fa.ts'),
};

/** Fetches the table for a built-in locale tag. */
export const loadTable = (tag: Exclude<UiLocale, 'en'>): Promise<Strings> => chunks[tag]().then((m) => m.default);
