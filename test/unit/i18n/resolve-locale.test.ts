import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en.ts';
import { de } from '../../../src/i18n/locales/de.ts';
import { es } from '../../../src/i18n/locales/es.ts';
import { ar } from '../../../src/i18n/locales/ar.ts';
import { resolveLocale } from '../../../src/i18n/resolve-locale.ts';
import { SUPPORTED_LOCALES } from '../../../src/i18n/supported-locales.ts';

function summary(requested: string | undefined, navigatorLanguages: readonly string[] = []) {
  const { locale, lang, dir, stringsLang } = resolveLocale(requested, navigatorLanguages);
  return { locale, lang, dir, stringsLang };
}

describe('resolveLocale', () => {
  it('serves de-DE from the German table and keeps the full tag', async () => {
    expect(summary('de-DE')).toEqual({ locale: 'de-DE', lang: 'de-DE', dir: 'ltr', stringsLang: 'de' });
    expect(await resolveLocale('de-DE', []).load()).toBe(de);
  });

  it('matches case-insensitively and normalises the casing it reports', () => {
    expect(summary('DE')).toEqual({ locale: 'de', lang: 'de', dir: 'ltr', stringsLang: 'de' });
    expect(summary('de-de').locale).toBe('de-DE');
    expect(summary('ZH-HANT').locale).toBe('zh-Hant');
    expect(summary('sr-latn-rs').locale).toBe('sr-Latn-RS');
  });

  it('serves es-419 from the Spanish table', async () => {
    expect(summary('es-419')).toEqual({ locale: 'es-419', lang: 'es-419', dir: 'ltr', stringsLang: 'es' });
    expect(await resolveLocale('es-419', []).load()).toBe(es);
  });

  it('keeps zh-Hant as the locale but falls back to English strings', async () => {
    const resolved = resolveLocale('zh-Hant', ['de-DE']);
    expect(summary('zh-Hant')).toEqual({ locale: 'zh-Hant', lang: 'zh-Hant', dir: 'ltr', stringsLang: 'en' });
    expect(resolved.strings).toBe(en);
    expect(await resolved.load()).toBe(en);
  });

  it('makes Arabic right-to-left with Arabic strings', async () => {
    expect(summary('ar')).toEqual({ locale: 'ar', lang: 'ar', dir: 'rtl', stringsLang: 'ar' });
    expect(summary('ar-EG').dir).toBe('rtl');
    expect(await resolveLocale('ar', []).load()).toBe(ar);
  });

  it('keeps right-to-left direction for locales without built-in strings', () => {
    expect(summary('he-IL')).toEqual({ locale: 'he-IL', lang: 'he-IL', dir: 'rtl', stringsLang: 'en' });
    expect(summary('fa').dir).toBe('rtl');
    expect(summary('ur').dir).toBe('rtl');
    expect(summary('iw').dir).toBe('rtl');
  });

  it('lets an explicit script decide the direction', () => {
    expect(summary('ar-Latn').dir).toBe('ltr');
    expect(summary('pa-Arab').dir).toBe('rtl');
  });

  it('resolves garbage and unsupported languages to English, as ChatKit does, without throwing', () => {
    for (const bad of ['!!', 'en_', 'x-private', 'und', 'xx', 'tlh', 'a'.repeat(5000), 'de\u0000DE']) {
      expect(summary(bad, ['fr-FR']), bad).toEqual({ locale: 'en', lang: 'en', dir: 'ltr', stringsLang: 'en' });
    }
  });

  it('accepts underscores as separators', () => {
    expect(summary('pt_BR').locale).toBe('pt-BR');
  });

  it('uses the first usable navigator language when no locale is requested', () => {
    expect(summary(undefined, ['xx-YY', '!!', 'fr-CA', 'de'])).toEqual({
      locale: 'fr-CA', lang: 'fr-CA', dir: 'ltr', stringsLang: 'fr',
    });
    expect(summary('', ['ja-JP']).stringsLang).toBe('ja');
    expect(summary('   ', ['ja-JP']).locale).toBe('ja-JP');
  });

  it('falls back to English when neither source is usable', () => {
    expect(summary(undefined, [])).toEqual({ locale: 'en', lang: 'en', dir: 'ltr', stringsLang: 'en' });
    expect(summary(undefined, ['??', 'und'])).toEqual({ locale: 'en', lang: 'en', dir: 'ltr', stringsLang: 'en' });
  });

  it('survives hostile input shapes from outside the type system', () => {
    const junk = [42, null, { toString: () => 'de' }, ['de']] as unknown as string[];
    expect(summary(undefined, junk).locale).toBe('en');
    expect(summary(7 as unknown as string, ['de']).locale).toBe('de');
    expect(summary(undefined, 'de-DE' as unknown as string[]).locale).toBe('en');
  });

  it('accepts every ChatKit SupportedLocale as itself', () => {
    const rejected = SUPPORTED_LOCALES.filter((tag) => summary(tag).locale !== tag);
    expect(rejected).toEqual([]);
  });

  it('returns English strings synchronously until a table has been loaded, then the table itself', async () => {
    const first = resolveLocale('fr-FR', []);
    const loaded = await first.load();
    expect(loaded.openChat).toBe('Ouvrir le chat');
    expect(resolveLocale('fr', []).strings).toBe(loaded);
  });
});
