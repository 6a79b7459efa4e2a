/**
 * Built-in string tables. English is bundled; every other table is its own chunk behind a dynamic
 * `import()` (one literal path per locale, so the bundler can split them), fetched only when needed.
 */
import { en, type Strings } from './en.ts';

/** The languages with built-in strings. */
export const BUILTIN_LANGS = ['en', 'de', 'fr', 'es', 'ja', 'ar'] as const;

/** A language with a built-in table. */
export type BuiltinLang = (typeof BUILTIN_LANGS)[number];

const loaders: Readonly<Record<Exclude<BuiltinLang, 'en'>, () => Promise<Strings>>> = {
  de: () => import('./locales/de.ts').then((m) => m.de),
  fr: () => import('./locales/fr.ts').then((m) => m.fr),
  es: () => import('./locales/es.ts').then((m) => m.es),
  ja: () => import('./locales/ja.ts').then((m) => m.ja),
  ar: () => import('./locales/ar.ts').then((m) => m.ar),
};

const loaded = new Map<BuiltinLang, Strings>([['en', en]]);
const builtin: ReadonlySet<string> = new Set(BUILTIN_LANGS);

/**
 * The table serving a BCP-47 tag: matched case-insensitively on the whole tag, then on its language subtag
 * (`es-419` → `es`, `DE-de` → `de`); `en` when there is no table (`zh-Hant`, `pt-BR`, garbage).
 */
export function matchBuiltinLang(tag: string): BuiltinLang {
  const lower = tag.toLowerCase().replace(/_/g, '-');
  if (builtin.has(lower)) return lower as BuiltinLang;
  const language = lower.split('-')[0] ?? '';
  return builtin.has(language) ? (language as BuiltinLang) : 'en';
}

/** The table for a tag if it is already in memory (always true for English), else undefined. */
export function peekStrings(tag: string): Strings | undefined {
  return loaded.get(matchBuiltinLang(tag));
}

/**
 * The table for a tag, loading its chunk on first use. Never rejects: if the chunk cannot be fetched the
 * answer is English, and the failure is not remembered, so the next call tries again.
 */
export async function loadStrings(tag: string): Promise<Strings> {
  const lang = matchBuiltinLang(tag);
  const known = loaded.get(lang);
  if (known) return known;
  if (lang === 'en') return en;
  try {
    const strings = await loaders[lang]();
    loaded.set(lang, strings);
    return strings;
  } catch {
    return en;
  }
}
