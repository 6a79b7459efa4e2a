import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../../src/protocol/index.ts';

describe('parseTimestamp', () => {
  it('reads a naive Python timestamp as UTC, keeping milliseconds of microsecond precision', () => {
    expect(parseTimestamp('2026-11-22T01:19:19.322067')).toBe(Date.UTC(2026, 10, 22, 1, 19, 19, 322));
  });

  it('keeps fractions of a second exactly, whatever their precision', () => {
    expect(parseTimestamp('2026-11-22T01:19:19.009Z')).toBe(Date.UTC(2026, 10, 22, 1, 19, 19, 9));
    expect(parseTimestamp('2026-11-22T01:19:19.5Z')).toBe(Date.UTC(2026, 10, 22, 1, 19, 19, 500));
  });

  it('reads Z and numeric offsets', () => {
    const utc = Date.UTC(2026, 10, 22, 1, 19, 19);
    expect(parseTimestamp('2026-11-22T01:19:19Z')).toBe(utc);
    expect(parseTimestamp('2026-11-22T01:19:19+00:00')).toBe(utc);
    expect(parseTimestamp('2026-11-22T03:19:19+02:00')).toBe(utc);
    expect(parseTimestamp('2026-11-21T20:19:19-0500')).toBe(utc);
    expect(parseTimestamp('2026-11-22T06:49:19.000+05:30')).toBe(utc);
    expect(parseTimestamp('2026-11-22 01:19:19')).toBe(utc);
  });

  it('reads a date alone as midnight UTC and a time without seconds', () => {
    expect(parseTimestamp('2026-11-22')).toBe(Date.UTC(2026, 10, 22));
    expect(parseTimestamp('2026-11-22T01:19')).toBe(Date.UTC(2026, 10, 22, 1, 19));
  });

  it('returns NaN for garbage and impossible dates, never throwing', () => {
    const bad = ['', 'yesterday', '2026-13-01T00:00:00', '2026-02-31T00:00:00', '2026-11-22T25:00:00', '1700000000'];
    bad.push('2026-11-22T01:19:19+99:00', '2026-11-22T01:19:19Zulu');
    for (const text of bad) {
      expect(parseTimestamp(text)).toBeNaN();
    }
    expect(parseTimestamp(42 as unknown as string)).toBeNaN();
    expect(parseTimestamp(null as unknown as string)).toBeNaN();
  });
});
