/** Choice controls (CHATKIT.md §4.5): Checkbox, RadioGroup (DatePicker is date-picker.tsx). */
import { useId, useState } from 'preact/hooks';
import { cx } from '../block-style.ts';
import { FIELD_NAME_ATTR } from '../form-values.ts';
import type { NodeProps } from '../render-node.tsx';
import { readObject, readString } from '../values.ts';
import { Spinner, useChangeAction } from './control-state.tsx';
import { useFieldAttrs } from './fields.tsx';

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
