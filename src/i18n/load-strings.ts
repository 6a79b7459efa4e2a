/**
 * Built-in string tables. English is bundled; every other table is its own chunk, fetched only when needed.
 * The map of chunk imports lives in a chunk of its own too (./locale-chunks.ts), so an English first open
 * carries none of it.
 */
import { en, type Strings } from './en.ts';
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

const loaded = new Map<UiLocale, Strings>([['en', en]]);

/** The table for a tag if it is already in memory (always true for English), else undefined. */
export function peekStrings(tag: string): Strings | undefined {
  return loaded.get(matchTable(tag));
}

/**
 * The table for a tag, loading its chunk on first use. Never rejects: if the chunk cannot be fetched the
 * answer is English, and the failure is not remembered, so the next call tries again.
 */
export async function loadStrings(tag: string): Promise<Strings> {
  const id = matchTable(tag);
  const known = loaded.get(id);
  if (known) return known;
  try {
    const { loadTable } = await import('./locale-chunks.ts');
    const strings = await loadTable(id as Exclude<UiLocale, 'en'>);
    loaded.set(id, strings);
    return strings;
  } catch {
    return en;
  }
}
