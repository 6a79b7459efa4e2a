/**
 * Calendar arithmetic of the DatePicker, on `YYYY-MM-DD` day strings (computed in UTC, so no daylight-saving
 * hour ever moves a day), plus the locale's facts a month grid needs: the first day of the week, month and
 * weekday names. Pure functions; the component is widgets/components/date-picker.tsx.
 */

const pad = (n: number): string => String(n).padStart(2, '0');
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC time of a day string's midnight; NaN when it is not a real calendar day. */
export function dayTime(day: string): number {
  const m = DAY.exec(day);
  if (!m) return Number.NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const t = Date.UTC(y, mo, d);
  const back = new Date(t);
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo && back.getUTCDate() === d ? t : Number.NaN;
}

/** The day string of a UTC time. */
export function dayOf(t: number): string {
  const d = new Date(t);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `day` moved by `n` days. */
export const addDays = (day: string, n: number): string => dayOf(dayTime(day) + n * 86_400_000);

/** `day` moved by `n` months, its day of month clamped to the target month's length (Jan 31 + 1 → Feb 28/29). */
export function addMonths(day: string, n: number): string {
  const d = new Date(dayTime(day));
  const first = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1);
  const f = new Date(first);
  const length = new Date(Date.UTC(f.getUTCFullYear(), f.getUTCMonth() + 1, 0)).getUTCDate();
  return dayOf(Date.UTC(f.getUTCFullYear(), f.getUTCMonth(), Math.min(d.getUTCDate(), length)));
}

/** The first day of `day`'s week, weeks starting on `firstDay` (0 = Sunday … 6 = Saturday). */
export function weekStart(day: string, firstDay: number): string {
  const weekday = new Date(dayTime(day)).getUTCDay();
  return addDays(day, -((weekday - firstDay + 7) % 7));
}

/** The weeks shown for `day`'s month: whole weeks from the one holding the 1st to the one holding the last day. */
export function monthWeeks(day: string, firstDay: number): string[][] {
  const first = `${day.slice(0, 8)}01`;
  const last = addDays(addMonths(first, 1), -1);
  const weeks: string[][] = [];
  for (let start = weekStart(first, firstDay); start <= last; start = addDays(start, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(start, i)));
  }
  return weeks;
}

/** `day` moved into [min, max] (each a day string or ''). */
export function clampDay(day: string, min: string, max: string): string {
  if (min && day < min) return min;
  if (max && day > max) return max;
  return day;
}

/** Today in the visitor's time zone. */
export function today(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// Regions whose weeks start on Sunday (CLDR weekData), for engines without Intl.Locale week info.
const SUNDAY = new Set('AG AS BD BR BS BT BW BZ CA CN CO DM DO ET GT GU HK HN ID IL IN JM JP KE KH KR LA MH MM MO MT MX MZ NI NP PA PE PH PK PR PT PY SA SG SV TH TT TW UM US VE VI WS YE ZA ZW'.split(' '));

type WeekLocale = Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };

/** The locale's first day of the week (0 = Sunday … 6 = Saturday); Monday when nothing says otherwise. */
export function firstDayOfWeek(locale: string): number {
  try {
    const l = new Intl.Locale(locale).maximize() as WeekLocale;
    const info = typeof l.getWeekInfo === 'function' ? l.getWeekInfo() : l.weekInfo;
    if (info && Number.isInteger(info.firstDay)) return info.firstDay % 7;
    return l.region && SUNDAY.has(l.region) ? 0 : 1;
  } catch {
    return 1;
  }
}

/** Intl formatters of one locale (falling back to English for a tag Intl rejects), all in UTC. */
export function calendarFormats(locale: string) {
  const make = (o: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => {
    try {
      return new Intl.DateTimeFormat(locale, { ...o, timeZone: 'UTC' });
    } catch {
      return new Intl.DateTimeFormat('en', { ...o, timeZone: 'UTC' });
    }
  };
  const month = make({ month: 'long', year: 'numeric' });
  const weekdayShort = make({ weekday: 'short' });
  const weekdayLong = make({ weekday: 'long' });
  const full = make({ dateStyle: 'full' });
  const dayNumber = make({ day: 'numeric' });
  const medium = make({ dateStyle: 'medium' });
  const mediumTime = make({ dateStyle: 'medium', timeStyle: 'short' });
  return {
    month: (day: string) => month.format(dayTime(day)),
    weekday: (day: string) => weekdayShort.format(dayTime(day)),
    weekdayName: (day: string) => weekdayLong.format(dayTime(day)),
    full: (day: string) => full.format(dayTime(day)),
    dayNumber: (day: string) => dayNumber.format(dayTime(day)),
    /** A field value (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`) as the trigger shows it; '' for ''. */
    value(v: string): string {
      const t = dayTime(v.slice(0, 10));
      if (Number.isNaN(t)) return '';
      if (v.length < 16) return medium.format(t);
      return mediumTime.format(t + (Number(v.slice(11, 13)) * 60 + Number(v.slice(14, 16))) * 60_000);
    },
  };
}
