import type { SupportedLocale as UpstreamSupportedLocale } from '@openai/chatkit';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES, type SupportedLocale } from '../../../src/i18n/supported-locales.ts';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// `tsc` rejects this file if our list and @openai/chatkit's SupportedLocale ever differ.
const sameUnion: Equal<SupportedLocale, UpstreamSupportedLocale> = true;

describe('SUPPORTED_LOCALES', () => {
  it('matches @openai/chatkit (checked by tsc) and lists each tag once', () => {
    expect(sameUnion).toBe(true);
    expect(new Set(SUPPORTED_LOCALES).size).toBe(SUPPORTED_LOCALES.length);
    expect(SUPPORTED_LOCALES.length).toBe(63 + 51); // translated locales + bare-language aliases
  });
});
