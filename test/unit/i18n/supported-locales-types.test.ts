import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SupportedLocale as UpstreamSupportedLocale } from '@openai/chatkit';
import { describe, expect, it } from 'vitest';
import {
  EXTRA_LOCALES, LOCALE_ALIASES, RTL_LOCALES, SUPPORTED_LOCALES, TRANSLATED_LOCALES, UI_LOCALES, type SupportedLocale,
} from '../../../src/i18n/supported-locales.ts';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// `tsc` rejects this file if our list and @openai/chatkit's SupportedLocale ever differ.
const sameUnion: Equal<SupportedLocale, UpstreamSupportedLocale> = true;

/** The string members of `export type NAME = … ;` in the installed package's declarations. */
function unionMembers(source: string, name: string): string[] {
  const body = source.split(`export type ${name} =`)[1]?.split(';')[0] ?? '';
  return [...body.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
}

// The package's exports map hides package.json; its types live at a fixed place in the installed package.
const declarations = readFileSync(fileURLToPath(new URL('../../../node_modules/@openai/chatkit/types/index.d.ts', import.meta.url)), 'utf8');

describe('the locale list', () => {
  it('matches @openai/chatkit (checked by tsc) and lists each tag once', () => {
    expect(sameUnion).toBe(true);
    expect(new Set(SUPPORTED_LOCALES).size).toBe(SUPPORTED_LOCALES.length);
  });

  it('equals the TranslatedLocale and SupportedLocale unions in the installed package, in their order', () => {
    const translated = unionMembers(declarations, 'TranslatedLocale');
    expect(translated.length).toBeGreaterThan(60);
    expect([...TRANSLATED_LOCALES]).toEqual(translated);
    expect([...LOCALE_ALIASES]).toEqual(unionMembers(declarations, 'SupportedLocale'));
  });

  it('ships a table for every translated locale, plus Hebrew and Persian, and marks the right-to-left ones', () => {
    expect([...UI_LOCALES]).toEqual([...TRANSLATED_LOCALES, ...EXTRA_LOCALES]);
    expect([...RTL_LOCALES].sort()).toEqual(['ar', 'fa', 'he', 'ur']);
    for (const tag of UI_LOCALES) {
      expect(new Intl.Locale(tag).maximize().script === 'Arab' || new Intl.Locale(tag).maximize().script === 'Hebr', tag).toBe(RTL_LOCALES.has(tag));
    }
  });
});
