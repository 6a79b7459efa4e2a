/**
 * `DatePicker` (CHATKIT.md §4.5): a button showing the chosen date in the UI language (or the placeholder) that
 * opens a calendar popover, placed by `side` and `align`, after the WAI-ARIA date picker dialog pattern. The
 * month grid starts on the locale's first day of the week and names months and weekdays in its language; days
 * outside `min`/`max` cannot be chosen. Keys in the grid: arrows move a day or a week (mirrored right to left),
 * Home/End go to the week's start/end, PageUp/PageDown a month, with Shift a year; Enter or Space picks; Escape
 * closes and returns focus to the button. A value with a time of day (in `defaultValue`, `min` or `max`) adds a
 * time field. The form and the change action get `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM` in local time.
 * Long because the dialog, its keyboard model and its placement belong together.
 */
import { useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Icon } from '../../icons/icon.tsx';
import { cx } from '../block-style.ts';
import { addDays, addMonths, calendarFormats, clampDay, dayTime, firstDayOfWeek, monthWeeks, today, weekStart } from '../calendar.ts';
import { useWidget } from '../context.ts';
import type { NodeProps } from '../render-node.tsx';
import { readEnum, readString } from '../values.ts';
import { Spinner, useChangeAction, usePopoverDismiss } from './control-state.tsx';
import { controlClass, useFieldAttrs } from './fields.tsx';

const ISO = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * An ISO date-time as the field holds it: `YYYY-MM-DD` as written, or with `time` `YYYY-MM-DDTHH:MM` in local
 * time (a value with a zone is converted; one without is taken as local already). '' when it is not ISO.
 */
export function fieldValue(v: unknown, time: boolean): string {
  const m = typeof v === 'string' ? ISO.exec(v.trim()) : null;
  if (!m || Number.isNaN(dayTime(m[1] ?? ''))) return '';
  const [, date = '', clock, zone] = m;
  // A calendar date stays the date written (midnight UTC is not the day before west of Greenwich).
  if (time && zone && clock) {
    const d = new Date(v as string);
    if (Number.isNaN(d.getTime())) return '';
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }
  return time ? `${date}T${clock ?? '00:00'}` : date;
}

/** Whether an ISO value carries a time of day other than midnight (then the picker picks a time too). */
const hasTime = (v: unknown): boolean => {
  const m = typeof v === 'string' ? ISO.exec(v.trim()) : null;
  return !!m?.[2] && m[2] !== '00:00';
};

const SIDES = ['top', 'bottom', 'left', 'right'] as const;
const ALIGNS = ['start', 'center', 'end'] as const;

/** Where the popover goes: `side` of the button (flipped when there is no room), `align`ed, kept on screen. */
function place(r: DOMRect, w: number, h: number, side: (typeof SIDES)[number], align: (typeof ALIGNS)[number], rtl: boolean): Record<string, string> {
  const gap = 4;
  const fits = { top: r.top - gap >= h, bottom: innerHeight - r.bottom - gap >= h, left: r.left - gap >= w, right: innerWidth - r.right - gap >= w };
  const opposite = { top: 'bottom', bottom: 'top', left: 'right', right: 'left' } as const;
  const s = fits[side] || !fits[opposite[side]] ? side : opposite[side];
  const along = (start: number, size: number, length: number, flip: boolean): number => {
    const a = flip ? ({ start: 'end', center: 'center', end: 'start' } as const)[align] : align;
    return a === 'start' ? start : a === 'center' ? start + (size - length) / 2 : start + size - length;
  };
  let left: number;
  let top: number;
  if (s === 'top' || s === 'bottom') {
    top = s === 'bottom' ? r.bottom + gap : r.top - gap - h;
    left = along(r.left, r.width, w, rtl);
  } else {
    left = s === 'right' ? r.right + gap : r.left - gap - w;
    top = along(r.top, r.height, h, false);
  }
  const clamp = (v: number, size: number, room: number): number => Math.max(4, Math.min(v, room - size - 4));
  return { left: `${clamp(left, w, innerWidth)}px`, top: `${clamp(top, h, innerHeight)}px` };
}

/** The DatePicker: its button, its form field, the clear button and, while open, the calendar. */
export function DatePicker({ node }: NodeProps) {
  const { strings } = useWidget();
  const locale = strings.locale ?? 'en';
  const time = hasTime(node.defaultValue) || hasTime(node.min) || hasTime(node.max);
  const min = fieldValue(node.min, time);
  const max = fieldValue(node.max, time);
  const [minDay, maxDay] = [min.slice(0, 10), max.slice(0, 10)];
  const [value, setValue] = useState(() => fieldValue(node.defaultValue, time));
  const [loading, fire] = useChangeAction(node);
  // The day with the grid's focus (its month is the month shown); '' while closed.
  const [focus, setFocus] = useState('');
  const [pos, setPos] = useState<Record<string, string> | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const pop = useRef<HTMLDivElement>(null);
  const moved = useRef(false);
  const id = useId();
  const attrs = useFieldAttrs(node, readString(node.placeholder, 500));
  const placeholder = readString(node.placeholder, 500) ?? '';
  // Seven Intl formatters: built once per language, not on every render.
  const fmt = useMemo(() => calendarFormats(locale), [locale]);
  const firstDay = useMemo(() => firstDayOfWeek(locale), [locale]);
  const open = focus !== '';
  const disabled = node.disabled === true || loading;
  const rtl = button.current?.closest('[dir]')?.getAttribute('dir') === 'rtl';

  const change = (next: string): void => {
    setValue(next);
    // The form reads the DOM when the change action collects values: update the field before it does.
    if (field.current) field.current.value = next;
    if (button.current) fire(button.current, next);
  };
  const close = (refocus: boolean): void => {
    setFocus('');
    setPos(null);
    if (refocus) button.current?.focus();
  };
  const show = (): void => {
    moved.current = true;
    setFocus(clampDay(value.slice(0, 10) || today(), minDay, maxDay));
  };
  const outOfRange = (day: string): boolean => (!!minDay && day < minDay) || (!!maxDay && day > maxDay);
  const pick = (day: string): void => {
    if (outOfRange(day)) return;
    if (!time) {
      close(true);
      if (day !== value) change(day);
      return;
    }
    const clock = value.slice(11, 16) || (day === minDay && min.slice(11, 16)) || '00:00';
    const next = `${day}T${clock}`;
    const bounded = min && next < min ? min : max && next > max ? max : next;
    setFocus(day);
    if (bounded !== value) change(bounded);
    pop.current?.querySelector<HTMLInputElement>('input[type=time]')?.focus();
  };

  useLayoutEffect(() => {
    if (!open || !button.current || !pop.current) return;
    const r = pop.current.getBoundingClientRect();
    setPos(place(button.current.getBoundingClientRect(), r.width, r.height, readEnum(node.side, SIDES) ?? 'bottom', readEnum(node.align, ALIGNS) ?? 'start', rtl));
  }, [open]);
  // A layout effect, so focus moves in the same task as the render: with a passive effect, a key pressed before
  // it ran would land on <body> (the focused day is gone when the month changes).
  useLayoutEffect(() => {
    if (!open || !pos || !moved.current) return;
    moved.current = false;
    pop.current?.querySelector<HTMLButtonElement>(`[data-day="${focus}"]`)?.focus();
  }, [focus, pos]);
  usePopoverDismiss(open, button, pop, () => close(false));

  const go = (day: string): void => {
    moved.current = true;
    setFocus(clampDay(day, minDay, maxDay));
  };
  const onGridKey = (e: KeyboardEvent): void => {
    const back = rtl ? 1 : -1;
    const moves: Record<string, () => string> = {
      ArrowLeft: () => addDays(focus, back),
      ArrowRight: () => addDays(focus, -back),
      ArrowUp: () => addDays(focus, -7),
      ArrowDown: () => addDays(focus, 7),
      Home: () => weekStart(focus, firstDay),
      End: () => addDays(weekStart(focus, firstDay), 6),
      PageUp: () => addMonths(focus, e.shiftKey ? -12 : -1),
      PageDown: () => addMonths(focus, e.shiftKey ? 12 : 1),
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    go(move());
  };
  const onPopKey = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape') return;
    // Consumed, so the panel stays open.
    e.preventDefault();
    e.stopPropagation();
    close(true);
  };

  const shown = fmt.value(value);
  const weeks = open ? monthWeeks(focus, firstDay) : [];
  const now = today();
  const clock = value.slice(11, 16);
  const focusDay = value.slice(0, 10) || focus;
  return (
    <span class={cx('ck-w-date', node.block === true && 'ck-w-block')}>
      <button
        ref={button}
        type="button"
        id={attrs.id}
        aria-label={attrs['aria-label'] && shown ? `${attrs['aria-label']}, ${shown}` : attrs['aria-label']}
        // Named by a Label instead: the chosen date is its description.
        aria-describedby={shown && !attrs['aria-label'] ? `${id}-v` : undefined}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-required={node.required === true || undefined}
        class={cx(controlClass(node, 'ck-w-field', 'outline'), 'ck-w-combo')}
        disabled={disabled}
        onClick={() => (open ? close(false) : show())}
        onKeyDown={(e) => {
          if (!open && e.key === 'ArrowDown') {
            e.preventDefault();
            show();
          }
        }}
      >
        <span id={`${id}-v`} class={shown ? undefined : 'ck-w-placeholder'}>
          {shown || placeholder || '\u00a0'}
        </span>
        <Icon name="calendar" size={14} />
      </button>
      {/* The form reads this field; focusing it (an invalid required field) moves to the button. */}
      <input ref={field} class="ck-w-sr" tabIndex={-1} aria-hidden="true" name={attrs.name} value={value} required={node.required === true} onFocus={() => button.current?.focus()} />
      {node.clearable === true && value && !loading && (
        <button
          type="button"
          class="ck-w-clear"
          aria-label={strings.clear}
          onClick={() => {
            change('');
            button.current?.focus();
          }}
        >
          <Icon name="x" size={14} />
        </button>
      )}
      {loading && <Spinner />}
      {open && (
        <div ref={pop} id={id} role="dialog" aria-label={strings.chooseDate} class="ck-w-calendar" style={pos ?? { left: '0px', top: '0px', visibility: 'hidden' }} onKeyDown={onPopKey}>
          <div class="ck-w-calendar-head">
            <button type="button" class="ck-w-calendar-nav" aria-label={strings.previousMonth} onClick={() => go(addMonths(focus, -1))}>
              <Icon name={rtl ? 'chevron-right' : 'chevron-left'} size={16} />
            </button>
            <h2 id={`${id}-m`} class="ck-w-calendar-month" aria-live="polite">
              {fmt.month(focus)}
            </h2>
            <button type="button" class="ck-w-calendar-nav" aria-label={strings.nextMonth} onClick={() => go(addMonths(focus, 1))}>
              <Icon name={rtl ? 'chevron-left' : 'chevron-right'} size={16} />
            </button>
          </div>
          <table role="grid" aria-labelledby={`${id}-m`} class="ck-w-calendar-grid" onKeyDown={onGridKey}>
            <thead>
              <tr>
                {(weeks[0] ?? []).map((d) => (
                  <th key={d} scope="col" abbr={fmt.weekdayName(d)}>
                    {fmt.weekday(d)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weeks.map((week) => (
                <tr key={week[0]}>
                  {week.map((d) => (
                    <td key={d} aria-selected={d === value.slice(0, 10)}>
                      <button
                        type="button"
                        data-day={d}
                        tabIndex={d === focus ? 0 : -1}
                        aria-label={fmt.full(d)}
                        aria-current={d === now ? 'date' : undefined}
                        aria-disabled={outOfRange(d) || undefined}
                        class={cx('ck-w-calendar-day', d.slice(0, 7) !== focus.slice(0, 7) && 'ck-w-calendar-other')}
                        onClick={() => pick(d)}
                      >
                        {fmt.dayNumber(d)}
                      </button>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {time && (
            <label class="ck-w-calendar-time">
              <span>{strings.time}</span>
              <input
                type="time"
                class="ck-w-field ck-w-v-outline"
                value={clock}
                min={focusDay === minDay ? min.slice(11, 16) || undefined : undefined}
                max={focusDay === maxDay ? max.slice(11, 16) || undefined : undefined}
                onChange={(e) => {
                  const t = e.currentTarget.value;
                  if (t) change(`${focusDay}T${t}`);
                }}
              />
            </label>
          )}
        </div>
      )}
    </span>
  );
}
