import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en.ts';
import { formatBytes, formatPlural, formatString, selectPlural } from '../../../src/i18n/format.ts';
import ar from '../../../src/i18n/locales/ar.ts';
import de from '../../../src/i18n/locales/de-DE.ts';
import ja from '../../../src/i18n/locales/ja-JP.ts';

describe('formatString', () => {
  it('fills every placeholder with its value', () => {
    expect(formatString(en.fileTooLarge, { name: 'report.pdf', max: '10 MB' })).toBe('report.pdf is larger than 10 MB.');
    expect(formatString(en.thoughtFor, { seconds: 3 })).toBe('Thought for 3s');
  });

  it('leaves a placeholder without a value as written', () => {
    expect(formatString('Remove {name} from {place}', { name: 'a.txt' })).toBe('Remove a.txt from {place}');
  });

  it('does not expand placeholders that arrive inside values', () => {
    expect(formatString('{a} and {b}', { a: '{b}', b: 'B' })).toBe('{b} and B');
  });

  it('ignores inherited properties such as constructor or __proto__', () => {
    expect(formatString('{constructor} {__proto__} {toString}', {})).toBe('{constructor} {__proto__} {toString}');
  });

  it('treats markup in values as plain characters', () => {
    expect(formatString(en.removeAttachment, { name: '<img src=x onerror=alert(1)>' })).toBe(
      'Remove <img src=x onerror=alert(1)>',
    );
  });
});

describe('formatPlural', () => {
  it('picks one and other in English', () => {
    expect(formatPlural(en.unread, 1, 'en')).toBe('1 unread message');
    expect(formatPlural(en.unread, 3, 'en')).toBe('3 unread messages');
    expect(formatPlural(en.unread, 0, 'en')).toBe('0 unread messages');
    expect(formatPlural(en.tooManyFiles, 1, 'en')).toBe('You can attach only one file.');
    expect(formatPlural(en.tooManyFiles, 10, 'en')).toBe('You can attach up to 10 files.');
  });

  it('formats the count with the locale’s digit grouping', () => {
    expect(formatPlural(en.unread, 1234, 'en')).toBe('1,234 unread messages');
    expect(formatPlural(de.unread, 1234, 'de')).toBe('1.234 ungelesene Nachrichten');
  });

  it('selects all six Arabic categories', () => {
    expect([0, 1, 2, 3, 11, 100].map((n) => selectPlural(n, 'ar'))).toEqual([
      'zero', 'one', 'two', 'few', 'many', 'other',
    ]);
    const digits = (n: number): string => new Intl.NumberFormat('ar').format(n);
    expect(formatPlural(ar.unread, 0, 'ar')).toBe('لا توجد رسائل غير مقروءة');
    expect(formatPlural(ar.unread, 1, 'ar')).toBe('رسالة واحدة غير مقروءة');
    expect(formatPlural(ar.unread, 2, 'ar')).toBe('رسالتان غير مقروءتين');
    expect(formatPlural(ar.unread, 3, 'ar')).toBe(`${digits(3)} رسائل غير مقروءة`);
    expect(formatPlural(ar.unread, 11, 'ar')).toBe(`${digits(11)} رسالة غير مقروءة`);
    expect(formatPlural(ar.unread, 100, 'ar')).toBe(`${digits(100)} رسالة غير مقروءة`);
  });

  it('falls back to other when the table has no form for the category', () => {
    // A table without Arabic's zero form (every built-in table has all its categories); Japanese has only other.
    const { zero: _zero, ...noZero } = ar.tooManyFiles;
    expect(formatPlural(noZero, 0, 'ar')).toBe(`يمكنك إرفاق ${new Intl.NumberFormat('ar').format(0)} ملف كحد أقصى.`);
    expect(formatPlural(ar.tooManyFiles, 0, 'ar')).toBe('لا يمكنك إرفاق أي ملف.');
    expect(formatPlural(ja.unread, 1, 'ja')).toBe('未読メッセージ 1 件');
  });

  it('uses English rules for a malformed language tag instead of throwing', () => {
    expect(formatPlural(en.unread, 1, 'not a tag!')).toBe('1 unread message');
  });

  it('lets extra variables ride along', () => {
    expect(formatPlural({ one: '{count} file from {who}', other: '{count} files from {who}' }, 2, 'en', { who: 'Ana' })).toBe(
      '2 files from Ana',
    );
  });
});

describe('formatBytes', () => {
  it('uses binary steps and short units', () => {
    expect(formatBytes(512, 'en')).toBe('512 byte');
    expect(formatBytes(1536, 'en')).toBe('1.5 kB');
    expect(formatBytes(100 * 1024 * 1024, 'en')).toBe('100 MB');
    expect(formatBytes(1536, 'de')).toBe('1,5 kB');
  });

  it('treats negative, NaN and infinite sizes as zero and never throws on a bad tag', () => {
    expect(formatBytes(-5, 'en')).toBe('0 byte');
    expect(formatBytes(Number.NaN, 'en')).toBe('0 byte');
    expect(formatBytes(Number.POSITIVE_INFINITY, 'en')).toBe('0 byte');
    expect(formatBytes(2048, '!!')).toBe('2 kB');
  });
});
