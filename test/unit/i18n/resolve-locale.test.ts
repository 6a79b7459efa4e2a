import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en.ts';
import de from '../../../src/i18n/locales/de-DE.ts';
import es419 from '../../../src/i18n/locales/es-419.ts';
import ar from '../../../src/i18n/locales/ar.ts';
import he from '../../../src/i18n/locales/he.ts';
import zhTW from '../../../src/i18n/locales/zh-TW.ts';
import { resolveLocale } from '../../../src/i18n/resolve-locale.ts';
import { SUPPORTED_LOCALES } from '../../../src/i18n/supported-locales.ts';

function summary(requested: string | undefined, navigatorLanguages: readonly string[] = []) {
  const { locale, lang, dir, stringsLang } = resolveLocale(requested, navigatorLanguages);
  return { locale, lang, dir, stringsLang };
}

describe('resolveLocale', () => {
  it('serves de-DE from the German table and keeps the full tag', async () => {
    expect(summary('de-DE')).toEqual({ locale: 'de-DE', lang: 'de-DE', dir: 'ltr', stringsLang: 'de-DE' });
    expect(await resolveLocale('de-DE', []).load()).toBe(de);
  });

  it('matches case-insensitively and normalises the casing it reports', () => {
    expect(summary('DE')).toEqual({ locale: 'de', lang: 'de', dir: 'ltr', stringsLang: 'de' });
    expect(summary('de-de').locale).toBe('de-DE');
    expect(summary('ZH-HANT').locale).toBe('zh-Hant');
    expect(summary('sr-latn-rs').locale).toBe('sr-Latn-RS');
  });

  it('serves es-419 and es-MX from the Latin American table', async () => {
    expect(summary('es-419')).toEqual({ locale: 'es-419', lang: 'es-419', dir: 'ltr', stringsLang: 'es-419' });
    expect(summary('es-MX')).toEqual({ locale: 'es-MX', lang: 'es-MX', dir: 'ltr', stringsLang: 'es-MX' });
    expect(await resolveLocale('es-419', []).load()).toBe(es419);
  });

  it('serves zh-Hant from the traditional Chinese table', async () => {
    expect(summary('zh-Hant')).toEqual({ locale: 'zh-Hant', lang: 'zh-Hant', dir: 'ltr', stringsLang: 'zh-Hant' });
    expect(await resolveLocale('zh-Hant', ['de-DE']).load()).toBe(zhTW);
  });

  it('makes Arabic right-to-left with Arabic strings', async () => {
    expect(summary('ar')).toEqual({ locale: 'ar', lang: 'ar', dir: 'rtl', stringsLang: 'ar' });
    expect(summary('ar-Latn').dir).toBe('rtl'); // the strings are Arabic, so is the direction
    expect(summary('ar-EG').dir).toBe('rtl');
    expect(await resolveLocale('ar', []).load()).toBe(ar);
  });

  it('makes Hebrew, Persian and Urdu right-to-left with their own strings', async () => {
    expect(summary('he-IL')).toEqual({ locale: 'he-IL', lang: 'he-IL', dir: 'rtl', stringsLang: 'he-IL' });
    expect(summary('fa')).toEqual({ locale: 'fa', lang: 'fa', dir: 'rtl', stringsLang: 'fa' });
    expect(summary('ur-PK')).toEqual({ locale: 'ur-PK', lang: 'ur-PK', dir: 'rtl', stringsLang: 'ur-PK' });
    expect(summary('iw').dir).toBe('rtl');
    expect(await resolveLocale('he', []).load()).toBe(he);
  });

  it('treats languages without a table as unsupported, so lang never claims a language the UI does not speak', () => {
    for (const tag of ['ps', 'ckb', 'yi', 'cy', 'ga']) {
      expect(summary(tag), tag).toEqual({ locale: 'en', lang: 'en', dir: 'ltr', stringsLang: 'en' });
    }
    expect(summary(undefined, ['ps-AF', 'he-IL'])).toEqual({ locale: 'he-IL', lang: 'he-IL', dir: 'rtl', stringsLang: 'he-IL' });
    expect(summary('en-GB', ['de'])).toEqual({ locale: 'en-GB', lang: 'en-GB', dir: 'ltr', stringsLang: 'en-GB' });
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
      locale: 'fr-CA', lang: 'fr-CA', dir: 'ltr', stringsLang: 'fr-CA',
    });
    expect(summary('', ['ja-JP']).stringsLang).toBe('ja-JP');
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
    expect(first.strings).toBe(en);
    const loaded = await first.load();
    expect(loaded.openChat).toBe('Ouvrir le chat');
    expect(resolveLocale('fr-FR', []).strings).toBe(loaded);
  });
});
