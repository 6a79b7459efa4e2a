/**
 * `Select` (CHATKIT.md §4.5): the native `<select>` (keyboard and screen-reader behaviour for free), or, when
 * options have a `description`, a listbox that shows it under each label (select-listbox.tsx); plus a filter
 * box when `searchable` or when there are more than 15 options, and a clear button when `clearable`.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import { Icon } from '../../icons/icon.tsx';
import { cx } from '../block-style.ts';
import { useWidget } from '../context.ts';
import type { NodeProps } from '../render-node.tsx';
import { readString } from '../values.ts';
import { readOptions } from './choices.tsx';
import { Spinner, useChangeAction } from './control-state.tsx';
import { controlClass, useFieldAttrs } from './fields.tsx';
import { SelectListbox } from './select-listbox.tsx';

/** Above this many options a filter box is shown unless `searchable: false`. */
export const SEARCH_THRESHOLD = 15;

/** `Select`: a single choice from `options`; `onChangeAction` gets the new value as `payload.value`. */
export function Select({ node }: NodeProps) {
  const { strings } = useWidget();
  const options = useMemo(() => readOptions(node.options), [node.options]);
  const [value, setValue] = useState(() => readString(node.defaultValue) ?? '');
  const [query, setQuery] = useState('');
  const [loading, fire] = useChangeAction(node);
  const select = useRef<HTMLSelectElement>(null);
  const given = readString(node.placeholder, 500);
  const placeholder = given ?? strings.selectOption;
  const attrs = useFieldAttrs(node, given);
  const clearable = node.clearable === true;
  const described = options.some((o) => o.description);
  const searchable = node.searchable === true || (node.searchable !== false && options.length > SEARCH_THRESHOLD);
  const q = query.trim().toLowerCase();
  // The chosen option stays listed so filtering never changes the value.
  const shown = q ? options.filter((o) => o.value === value || o.label.toLowerCase().includes(q)) : options;
  const choose = (next: string, el: Element) => {
    // The form reads the DOM when the change action collects values: update the field before it does.
    if (select.current) select.current.value = next;
    const field = el.closest('.ck-w-select')?.querySelector<HTMLInputElement>('input.ck-w-sr');
    if (field) field.value = next;
    setValue(next);
    fire(el, next);
  };
  const filterKey = (e: KeyboardEvent) => {
    if (e.key !== 'Enter') return;
    // Enter in the filter picks the only match instead of submitting the surrounding form.
    e.preventDefault();
    const hits = shown.filter((o) => !o.disabled);
    if (hits.length === 1 && hits[0] && hits[0].value !== value) choose(hits[0].value, e.currentTarget as Element);
  };
  return (
    <span class={cx('ck-w-select', node.block === true && 'ck-w-block')}>
      {searchable && (
        <input
          type="search"
          class={cx(controlClass({ ...node, variant: 'outline', block: false }, 'ck-w-field', 'outline'), 'ck-w-select-filter')}
          aria-label={strings.searchOptions}
          placeholder={strings.searchOptions}
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={filterKey}
        />
      )}
      {described ? (
        <SelectListbox
          options={shown}
          value={value}
          placeholder={placeholder}
          attrs={attrs}
          class={controlClass(node, 'ck-w-field', 'outline')}
          required={node.required === true}
          disabled={node.disabled === true || loading}
          onChoose={choose}
        />
      ) : (
        <select
          {...attrs}
          ref={select}
          class={controlClass(node, 'ck-w-field', 'outline')}
          value={value}
          required={node.required === true}
          disabled={node.disabled === true || loading}
          onChange={(e) => choose(e.currentTarget.value, e.currentTarget)}
        >
          <option value="" disabled={!clearable}>
            {placeholder}
          </option>
          {shown.map((o, i) => (
            <option key={`${i}:${o.value}`} value={o.value} disabled={o.disabled}>
              {o.label}
            </option>
          ))}
          {q && shown.length === 0 && <option disabled>{strings.noResults}</option>}
        </select>
      )}
      {clearable && value && !loading && (
        <button type="button" class="ck-w-clear" aria-label={strings.clear} onClick={(e) => choose('', e.currentTarget)}>
          <Icon name="x" size={14} />
        </button>
      )}
      {loading && <Spinner />}
    </span>
  );
}
