import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en.ts';
import { loadStrings, peekStrings } from '../../../src/i18n/load-strings.ts';
import { matchTable } from '../../../src/i18n/locale-chunks.ts';
import ja from '../../../src/i18n/locales/ja-JP.ts';
import { RTL_LANGUAGES, UI_LANGUAGES } from '../../../src/i18n/resolve-locale.ts';
import { RTL_LOCALES, SUPPORTED_LOCALES, UI_LOCALES } from '../../../src/i18n/supported-locales.ts';

describe('matchTable', () => {
  it('matches a whole tag that has a table, case-insensitively and with _ for -', () => {
    expect(['de-DE', 'DE-de', 'es-419', 'FR_ca', 'pt-PT', 'zh-TW', 'zh-hk', 'tl', 'he', 'FA'].map(matchTable)).toEqual([
      'de-DE', 'de-DE', 'es-419', 'fr-CA', 'pt-PT', 'zh-TW', 'zh-HK', 'tl', 'he', 'fa',
    ]);
  });

  it('falls back from a regional tag to its language, never straight to English', () => {
    expect(['de', 'de-AT', 'de-CH', 'ar-EG', 'ja', 'ko', 'ru-UA', 'he-IL', 'fa-AF', 'ur-IN', 'sr-Latn-RS', 'nb', 'no'].map(matchTable)).toEqual([
      'de-DE', 'de-DE', 'de-DE', 'ar', 'ja-JP', 'ko-KR', 'ru-RU', 'he', 'fa', 'ur', 'sr-RS', 'nb-NO', 'nb-NO',
    ]);
  });

  it('picks the variant by region or script where a language has several', () => {
    expect(['pt', 'pt-BR', 'pt-AO', 'pt-MZ', 'es', 'es-MX', 'es-AR', 'es-US', 'es-GQ', 'fr', 'fr-BE', 'fr-CA'].map(matchTable)).toEqual([
      'pt-BR', 'pt-BR', 'pt-PT', 'pt-PT', 'es-ES', 'es-419', 'es-419', 'es-419', 'es-ES', 'fr-FR', 'fr-FR', 'fr-CA',
    ]);
    expect(['zh', 'zh-CN', 'zh-SG', 'zh-Hans', 'zh-Hant', 'zh-Hant-TW', 'zh-MO', 'zh-Hant-HK', 'zh-HK'].map(matchTable)).toEqual([
      'zh-CN', 'zh-CN', 'zh-CN', 'zh-CN', 'zh-TW', 'zh-TW', 'zh-HK', 'zh-HK', 'zh-HK',
    ]);
    expect(['fil', 'fil-PH', 'iw'].map(matchTable)).toEqual(['tl', 'tl', 'he']);
  });

  it('serves every ChatKit SupportedLocale from a table of its own language, English only for en', () => {
    for (const tag of SUPPORTED_LOCALES) {
      const table = matchTable(tag);
      if (tag === 'en') expect(table).toBe('en');
      else expect(new Intl.Locale(table).language, tag).toBe(new Intl.Locale(tag).language);
    }
    for (const tag of UI_LOCALES) expect(matchTable(tag)).toBe(tag);
  });

  it('answers en for English, other languages and garbage', () => {
    expect(['en', 'en-GB', 'xx', 'tlh', 'und', '', '-', '__proto__', 'constructor', 'toString'].map(matchTable)).toEqual(
      Array(10).fill('en'),
    );
  });
});

describe('UI_LANGUAGES (what the first open resolves locales with)', () => {
  it('are exactly the languages matchTable serves from a table', () => {
    const served = new Set(UI_LOCALES.map((tag) => new Intl.Locale(tag).language));
    served.add('no'); // Norwegian without Bokmål/Nynorsk: nb-NO
    expect(UI_LANGUAGES.split(' ').sort()).toEqual([...served].sort());
    for (const language of UI_LANGUAGES.split(' ')) expect(matchTable(language), language).not.toBe('en');
    expect(RTL_LANGUAGES.split(' ').sort()).toEqual([...RTL_LOCALES].sort());
  });
});

describe('loadStrings', () => {
  it('loads each table once and then serves it from memory', async () => {
    expect(peekStrings('ja')).toBeUndefined();
    const first = await loadStrings('ja-JP');
    expect(first).toBe(ja);
    expect(await loadStrings('ja')).toBe(first);
    expect(peekStrings('ja')).toBe(ja);
  });

  it('has English in memory from the start', async () => {
    expect(peekStrings('en-GB')).toBe(en);
    expect(peekStrings('EN_us')).toBe(en);
    expect(await loadStrings('xx')).toBe(en);
  });

  it('serves the language table to a regional tag without a table of its own', async () => {
    expect(await loadStrings('ja-JP-u-ca-japanese')).toBe(ja);
    expect(peekStrings('de-AT')).toBeUndefined();
    expect((await loadStrings('de-AT')).openChat).toBe('Chat öffnen');
  });

  it('loads the regional table, whose strings differ from the base language', async () => {
    const [brazil, portugal, taiwan, hongKong] = await Promise.all(['pt-BR', 'pt-PT', 'zh-TW', 'zh-HK'].map((t) => loadStrings(t)));
    expect([brazil!.attachFile, portugal!.attachFile]).toEqual(['Anexar arquivo', 'Anexar ficheiro']);
    expect([taiwan!.history, hongKong!.history]).toEqual(['歷史紀錄', '記錄']);
  });
});
