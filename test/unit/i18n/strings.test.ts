/**
 * Every built-in table against the English one: same keys, translated (not left in English), same
 * placeholders, exactly the plural categories its language has, written in its language's script.
 * A translator adding or fixing a locale runs `npx vitest run test/unit/i18n/strings.test.ts`: each failure
 * names the locale and the key.
 */
import { describe, expect, it } from 'vitest';
import { en, type PluralForms, type Strings } from '../../../src/i18n/en.ts';
import { loadTable } from '../../../src/i18n/locale-chunks.ts';
import { UI_LOCALES } from '../../../src/i18n/supported-locales.ts';

const keys = Object.keys(en).sort();

/**
 * Keys whose English text may stand as it is: words that are the usual UI term in many languages too
 * ("Chat", "Tools", "Models", "Model: {name}", "File"…). Nothing else may equal the English text.
 */
const SAME_AS_ENGLISH_OK = new Set(['chat', 'composerLabel', 'image', 'sources', 'tools', 'assistant', 'models', 'modelPicker', 'file', 'code']);

// ISO 15924 codes Intl reports that are not single Unicode scripts.
const SCRIPTS: Record<string, string[]> = { Jpan: ['Hiragana', 'Katakana', 'Han'], Kore: ['Hangul'], Hans: ['Han'], Hant: ['Han'] };

const placeholders = (template: string): string[] => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
const isPlural = (value: string | PluralForms): value is PluralForms => typeof value === 'object';
const texts = (value: string | PluralForms): string[] => (isPlural(value) ? Object.values(value) : [value]);

const tables = new Map<string, Strings>(await Promise.all(UI_LOCALES.map(async (tag) => [tag, await loadTable(tag)] as const)));

// A table that omits a key is a compile error; `tsc` fails if this line ever type-checks.
// @ts-expect-error -- 'closeChat' and the rest are missing
const incomplete: Strings = { openChat: 'Chat öffnen' };

describe('the English table', () => {
  it('is the source of the keys, with the documented text', () => {
    expect(Object.keys(incomplete)).toEqual(['openChat']);
    expect(en.openChat).toBe('Open chat');
    expect(en.defaultGreeting).toBe('What can I help with today?');
    expect(en.unread).toEqual({ one: '{count} unread message', other: '{count} unread messages' });
    expect(keys.filter((k) => !/^[a-z][a-zA-Z0-9]*$/.test(k))).toEqual([]);
  });
});

describe('built-in tables', () => {
  it('exist for every ChatKit locale plus he and fa, each distinct', () => {
    expect([...tables.keys()]).toEqual([...UI_LOCALES]);
    expect(new Set(tables.values()).size).toBe(UI_LOCALES.length);
  });

  for (const [tag, table] of tables) {
    describe(tag, () => {
      it('has exactly the English keys, none empty', () => {
        expect(Object.keys(table).sort()).toEqual(keys);
        const empty = keys.filter((k) => !texts(table[k as keyof Strings]).every((t) => typeof t === 'string' && t.trim() !== ''));
        expect(empty).toEqual([]);
      });

      it('leaves no text in English except the allowlisted UI loanwords', () => {
        const same = keys.filter((k) => {
          const mine = texts(table[k as keyof Strings]);
          return texts(en[k as keyof Strings]).some((t) => mine.includes(t));
        });
        expect(same.filter((k) => !SAME_AS_ENGLISH_OK.has(k))).toEqual([]);
      });

      it('keeps the placeholders of the English text in every message', () => {
        for (const k of keys) {
          const mine = table[k as keyof Strings];
          const source = en[k as keyof Strings];
          expect(isPlural(mine), k).toBe(isPlural(source));
          if (isPlural(source) && isPlural(mine)) {
            const allowed = placeholders(source.other);
            // `other` shows the number; a form may spell it out ("one file") but never invents a placeholder.
            expect(placeholders(mine.other), `${k}.other`).toEqual(allowed);
            for (const [category, form] of Object.entries(mine)) {
              expect(placeholders(form).filter((p) => !allowed.includes(p)), `${k}.${category}`).toEqual([]);
            }
          } else {
            expect(placeholders(mine as string), k).toEqual(placeholders(source as string));
          }
        }
      });

      it('has a form for exactly the plural categories Intl.PluralRules reports for its language', () => {
        const categories = [...new Intl.PluralRules(tag).resolvedOptions().pluralCategories].sort();
        for (const k of keys) {
          const value = table[k as keyof Strings];
          if (isPlural(value)) expect(Object.keys(value).sort(), `${k}`).toEqual(categories);
        }
      });

      it('is written in the script of its language', () => {
        const script = new Intl.Locale(tag).maximize().script!;
        const letters = new RegExp(`[${(SCRIPTS[script] ?? [script]).map((s) => `\\p{Script=${s}}`).join('')}]`, 'u');
        for (const k of ['openChat', 'newChat', 'send', 'history', 'retry'] as const) expect(table[k], k).toMatch(letters);
      });
    });
  }
});
