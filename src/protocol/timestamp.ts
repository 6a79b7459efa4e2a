/** Timestamp parsing shared by the client (display, sorting) and the server (stores). */

// Date.parse reads a naive date-time as *local* time and is lenient in engine-specific ways, so parse by hand:
// a date, an optional time (seconds and fraction optional), an optional zone.
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Epoch milliseconds of an ISO-8601 timestamp; naive timestamps are UTC; anything unparseable is `NaN`. */
export function parseTimestamp(s: string): number {
  if (typeof s !== 'string') return Number.NaN;
  const m = ISO.exec(s.trim());
  if (!m) return Number.NaN;
  const [, y, mo, d, h = '0', mi = '0', sec = '0', frac = '', zone] = m;
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(sec);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return Number.NaN;
  // Truncated by digits (exact for any precision; Python sends microseconds).
  const ms = Number(frac.slice(0, 3).padEnd(3, '0'));
  const utc = Date.UTC(Number(y), month - 1, day, hour, minute, second, ms);
  // Date.UTC rolls 2026-02-31 over into March; a rolled date is not the date that was written.
  if (new Date(utc).getUTCDate() !== day && second !== 60) return Number.NaN;
  return utc - parseOffsetMinutes(zone) * 60_000;
}

function parseOffsetMinutes(zone: string | undefined): number {
  if (!zone || zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  // NaN propagates to the result: an offset like +99:99 makes the whole timestamp unparseable.
  return hours > 23 || minutes > 59 ? Number.NaN : sign * (hours * 60 + minutes);
}
