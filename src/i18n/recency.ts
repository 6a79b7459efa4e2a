/** History grouping by calendar day in the user's time zone. */

/** A history section; each value is also the key of its heading in `Strings`. */
export type RecencyGroup = 'today' | 'yesterday' | 'previous7Days' | 'older';

const DAY_MS = 86_400_000;

// Local calendar date as a day number. Going through Date.UTC makes DST days count as one day, not 23 or 25 h.
function localDay(ms: number): number {
  const d = new Date(ms);
  return Math.round(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / DAY_MS);
}

/**
 * Which section a thread updated at `timestampMs` belongs to, seen at `nowMs`: today, yesterday, the seven
 * calendar days before today (2–7 days ago), or older. Future timestamps (clock skew) count as today;
 * invalid ones as older.
 */
export function groupByRecency(timestampMs: number, nowMs: number): RecencyGroup {
  if (!Number.isFinite(timestampMs) || !Number.isFinite(nowMs)) return 'older';
  const age = localDay(nowMs) - localDay(timestampMs);
  if (Number.isNaN(age)) return 'older';
  if (age <= 0) return 'today';
  if (age === 1) return 'yesterday';
  return age <= 7 ? 'previous7Days' : 'older';
}
