import { describe, expect, it } from 'vitest';
import { groupByRecency } from '../../../src/i18n/recency.ts';

// Local-time constructors keep these cases independent of the machine's time zone.
const at = (day: number, hour = 12, minute = 0): number => new Date(2024, 2, day, hour, minute).getTime();
const now = at(15, 9, 30);

describe('groupByRecency', () => {
  it('groups by local calendar day, not by 24-hour spans', () => {
    expect(groupByRecency(at(15, 0, 1), now)).toBe('today');
    expect(groupByRecency(at(14, 23, 59), now)).toBe('yesterday');
    expect(groupByRecency(at(14, 0, 0), now)).toBe('yesterday');
    expect(groupByRecency(at(13, 23, 59), now)).toBe('previous7Days');
  });

  it('counts the seven days before yesterday as previous7Days and anything earlier as older', () => {
    expect(groupByRecency(at(8, 0, 0), now)).toBe('previous7Days');
    expect(groupByRecency(at(7, 23, 59), now)).toBe('older');
    expect(groupByRecency(new Date(2023, 11, 31).getTime(), now)).toBe('older');
  });

  it('treats future timestamps as today', () => {
    expect(groupByRecency(at(16, 8), now)).toBe('today');
  });

  it('treats invalid timestamps as older', () => {
    expect(groupByRecency(Number.NaN, now)).toBe('older');
    expect(groupByRecency(Number.POSITIVE_INFINITY, now)).toBe('older');
    expect(groupByRecency(1e20, now)).toBe('older');
    expect(groupByRecency(at(15), Number.NaN)).toBe('older');
  });

  it('counts a daylight-saving change as one calendar day', () => {
    // 31 March 2024 is a DST change in Europe, 10 March in the US; both fall inside this span.
    const morning = new Date(2024, 3, 1, 1, 0).getTime();
    expect(groupByRecency(new Date(2024, 2, 31, 23, 0).getTime(), morning)).toBe('yesterday');
    expect(groupByRecency(new Date(2024, 2, 11, 1, 0).getTime(), new Date(2024, 2, 10, 23, 0).getTime())).toBe('today');
  });
});
