/** Choice controls (CHATKIT.md §4.5): Checkbox, RadioGroup, DatePicker. */
import { useId, useRef, useState } from 'preact/hooks';
import { Icon } from '../../icons/icon.tsx';
import { cx } from '../block-style.ts';
import { useWidget } from '../context.ts';
import { FIELD_NAME_ATTR } from '../form-values.ts';
import type { NodeProps } from '../render-node.tsx';
import { readObject, readString } from '../values.ts';
import { Spinner, useChangeAction } from './control-state.tsx';
import { controlClass, useFieldAttrs } from './fields.tsx';

/** `{ value, label, disabled }` options with string value and label; anything else is skipped. */
export function readOptions(v: unknown): { value: string; label: string; disabled: boolean; description?: string }[] {
  const list = Array.isArray(v) ? v.slice(0, 1000) : [];
  return list.flatMap((item) => {
    const o = readObject(item);
    const value = readString(o?.value, 1000);
    if (!o || value === undefined) return [];
    return [{ value, label: readString(o.label, 1000) ?? value, disabled: o.disabled === true, description: readString(o.description, 1000) }];
  });
}

/** `Checkbox`: a labelled box; its value in a form is a boolean. */
export function Checkbox({ node }: NodeProps) {
  const [checked, setChecked] = useState(node.defaultChecked === true);
  const [loading, fire] = useChangeAction(node);
  const label = readString(node.label, 1000);
  const attrs = useFieldAttrs(node);
  return (
    <label class={cx('ck-w-check', node.disabled === true && 'ck-w-disabled')}>
      <input
        {...attrs}
        aria-label={label ? undefined : attrs['aria-label']}
        type="checkbox"
        checked={checked}
        required={node.required === true}
        disabled={node.disabled === true || loading}
        onChange={(e) => {
          setChecked(e.currentTarget.checked);
          fire(e.currentTarget, e.currentTarget.checked);
        }}
      />
      {label && <span>{label}</span>}
      {loading && <Spinner />}
    </label>
  );
}

/** `RadioGroup`: one choice among options; a labelled `radiogroup`. */
export function RadioGroup({ node }: NodeProps) {
  const [value, setValue] = useState(() => readString(node.defaultValue));
  const [loading, fire] = useChangeAction(node);
  const name = readString(node.name, 200);
  // Radio names group across the whole document outside a form; a unique name keeps widgets apart.
  const group = `${name ?? 'radio'}~${useId()}`;
  const disabled = node.disabled === true || loading;
  return (
    <div
      role="radiogroup"
      aria-label={readString(node.ariaLabel, 500) ?? name}
      aria-required={node.required === true || undefined}
      class={cx('ck-w-radios', node.direction === 'row' ? 'ck-w-row' : 'ck-w-col')}
    >
      {readOptions(node.options).map((o, i) => (
        <label key={`${i}:${o.value}`} class="ck-w-check">
          <input
            type="radio"
            name={group}
            {...{ [FIELD_NAME_ATTR]: name }}
            value={o.value}
            checked={value === o.value}
            required={node.required === true}
            disabled={disabled || o.disabled}
            onChange={(e) => {
              setValue(o.value);
              fire(e.currentTarget, o.value);
            }}
          />
          <span>{o.label}</span>
        </label>
      ))}
      {loading && <Spinner />}
    </div>
  );
}

const ISO = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * An ISO date-time as the native field shows it: `YYYY-MM-DD` as written, or with `time` `YYYY-MM-DDTHH:MM` in
 * local time (a value with a zone is converted; one without is taken as local already). '' when it is not ISO.
 */
export function fieldValue(v: unknown, time: boolean): string {
  const m = typeof v === 'string' ? ISO.exec(v.trim()) : null;
  if (!m) return '';
  const [, date = '', clock, zone] = m;
  // A calendar date stays the date written (midnight UTC is not the day before west of Greenwich).
  if (time && zone && clock) {
    const d = new Date(v as string);
    if (Number.isNaN(d.getTime())) return '';
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }
  return time ? `${date}T${clock ?? '00:00'}` : date;
}

/** Whether an ISO value carries a time of day other than midnight (then the field picks a time too). */
const hasTime = (v: unknown): boolean => {
  const m = typeof v === 'string' ? ISO.exec(v.trim()) : null;
  return !!m?.[2] && m[2] !== '00:00';
};

/**
 * `DatePicker`: the native date field — a date and time field when `defaultValue`, `min` or `max` has a time of
 * day — with `min`/`max`, optionally clearable. The change action and the form get the field's value
 * (`YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM` in local time).
 */
export function DatePicker({ node }: NodeProps) {
  const { strings } = useWidget();
  const time = hasTime(node.defaultValue) || hasTime(node.min) || hasTime(node.max);
  const [value, setValue] = useState(() => fieldValue(node.defaultValue, time));
  const [loading, fire] = useChangeAction(node);
  const input = useRef<HTMLInputElement>(null);
  const change = (next: string, el: Element) => {
    setValue(next);
    fire(el, next);
  };
  return (
    <span class={cx('ck-w-date', node.block === true && 'ck-w-block')}>
      <input
        {...useFieldAttrs(node, readString(node.placeholder, 500))}
        ref={input}
        type={time ? 'datetime-local' : 'date'}
        class={controlClass(node, 'ck-w-field', 'outline')}
        min={fieldValue(node.min, time) || undefined}
        max={fieldValue(node.max, time) || undefined}
        value={value}
        required={node.required === true}
        disabled={node.disabled === true || loading}
        onChange={(e) => change(e.currentTarget.value, e.currentTarget)}
      />
      {node.clearable === true && value && !loading && (
        <button
          type="button"
          class="ck-w-clear"
          aria-label={strings.clear}
          onClick={(e) => {
            // The form reads the DOM, so clear it before the action collects values.
            if (input.current) input.current.value = '';
            change('', e.currentTarget);
            input.current?.focus();
          }}
        >
          <Icon name="x" size={14} />
        </button>
      )}
      {loading && <Spinner />}
    </span>
  );
}
