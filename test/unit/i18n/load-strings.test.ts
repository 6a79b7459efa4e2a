import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en.ts';
import { BUILTIN_LANGS, loadStrings, matchBuiltinLang, peekStrings } from '../../../src/i18n/load-strings.ts';
import { ja } from '../../../src/i18n/locales/ja.ts';

describe('matchBuiltinLang', () => {
  it('matches the whole tag, then the language, case-insensitively', () => {
    expect(['de', 'DE', 'de-AT', 'es-419', 'FR_ca', 'ar-SA', 'ja-JP'].map(matchBuiltinLang)).toEqual([
      'de', 'de', 'de', 'es', 'fr', 'ar', 'ja',
    ]);
  });

  it('answers en for languages without a table and for garbage', () => {
    expect(['zh-Hant', 'pt-BR', '', '-', '__proto__', 'constructor'].map(matchBuiltinLang)).toEqual([
      'en', 'en', 'en', 'en', 'en', 'en',
    ]);
  });
});

describe('loadStrings', () => {
  it('loads each built-in table once and then serves it from memory', async () => {
    expect(peekStrings('ja')).toBeUndefined();
    const first = await loadStrings('ja-JP');
    expect(first).toBe(ja);
    expect(await loadStrings('ja')).toBe(first);
    expect(peekStrings('ja')).toBe(ja);
  });

  it('has English in memory from the start', async () => {
    expect(peekStrings('en-GB')).toBe(en);
    expect(await loadStrings('xx')).toBe(en);
  });

  it('loads a distinct table for every built-in language', async () => {
    const tables = await Promise.all(BUILTIN_LANGS.map((lang) => loadStrings(lang)));
    expect(new Set(tables).size).toBe(BUILTIN_LANGS.length);
    expect(tables.map((t) => t.openChat)).toEqual([
      'Open chat', 'Chat öffnen', 'Ouvrir le chat', 'Abrir chat', 'チャットを開く', 'فتح الدردشة',
    ]);
  });
});
