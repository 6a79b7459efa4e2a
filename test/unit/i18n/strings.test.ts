import { describe, expect, it } from 'vitest';
import { en, type PluralForms, type Strings } from '../../../src/i18n/en.ts';
import { ar } from '../../../src/i18n/locales/ar.ts';
import { de } from '../../../src/i18n/locales/de.ts';
import { es } from '../../../src/i18n/locales/es.ts';
import { fr } from '../../../src/i18n/locales/fr.ts';
import { ja } from '../../../src/i18n/locales/ja.ts';

const tables: Record<string, Strings> = { de, fr, es, ja, ar };
const keys = Object.keys(en).sort();

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

function isPlural(value: string | PluralForms): value is PluralForms {
  return typeof value === 'object';
}

// A table that omits a key is a compile error; `tsc` fails if this line ever type-checks.
// @ts-expect-error -- 'closeChat' and the rest are missing
const incomplete: Strings = { openChat: 'Chat öffnen' };

describe('built-in string tables', () => {
  it('the incomplete table above exists only as a type check', () => {
    expect(Object.keys(incomplete)).toEqual(['openChat']);
  });

  it('include the keys the chat widget needs, with the documented English text', () => {
    expect(en.openChat).toBe('Open chat');
    expect(en.defaultGreeting).toBe('What can I help with today?');
    expect(en.defaultPlaceholder).toBe('Message the AI');
    expect(en.genericError).toBe('Something went wrong.');
    expect(en.streamInterrupted).toBe('The response was interrupted.');
    expect(en.threadClosed).toBe('This conversation has ended.');
    expect(en.thoughtFor).toBe('Thought for {seconds}s');
    expect(en.unread).toEqual({ one: '{count} unread message', other: '{count} unread messages' });
  });

  it('use camelCase keys only', () => {
    expect(keys.filter((k) => !/^[a-z][a-zA-Z0-9]*$/.test(k))).toEqual([]);
  });

  for (const [lang, table] of Object.entries(tables)) {
    describe(lang, () => {
      it('has exactly the English keys at run time too', () => {
        expect(Object.keys(table).sort()).toEqual(keys);
      });

      it('has no empty strings and no text left in English where English is not the same word', () => {
        const same = keys.filter((k) => JSON.stringify(table[k as keyof Strings]) === JSON.stringify(en[k as keyof Strings]));
        // Loanwords that are correct as they stand in these languages.
        const allowed = new Set(['chat', 'composerLabel', 'image', 'sources', 'tools', 'assistant', 'code']);
        expect(same.filter((k) => !allowed.has(k))).toEqual([]);
        for (const k of keys) {
          const value = table[k as keyof Strings];
          const texts = isPlural(value) ? Object.values(value) : [value];
          expect(texts.every((t) => typeof t === 'string' && t.trim().length > 0), k).toBe(true);
        }
      });

      it('keeps the same placeholders as English in every message', () => {
        for (const k of keys) {
          const mine = table[k as keyof Strings];
          const source = en[k as keyof Strings];
          if (isPlural(source) && isPlural(mine)) {
            expect(placeholders(mine.other), `${k}.other`).toEqual(placeholders(source.other));
            for (const [category, form] of Object.entries(mine)) {
              // A form may spell the number out ("one file") but must not invent placeholders.
              const extra = placeholders(form).filter((p) => !placeholders(source.other).includes(p));
              expect(extra, `${k}.${category}`).toEqual([]);
            }
          } else {
            expect(isPlural(mine), k).toBe(isPlural(source));
            expect(placeholders(mine as string), k).toEqual(placeholders(source as string));
          }
        }
      });

      it('only uses CLDR plural categories', () => {
        const categories = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);
        for (const k of keys) {
          const value = table[k as keyof Strings];
          if (isPlural(value)) expect(Object.keys(value).filter((c) => !categories.has(c)), k).toEqual([]);
        }
      });
    });
  }
});
