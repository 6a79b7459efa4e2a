/**
 * The listbox of a `Select` whose options have a `description` (ChatKit shows it as secondary text under the
 * label, which a native `<select>` cannot): a select-only combobox after the WAI-ARIA pattern. The button opens
 * the list; arrows, Home and End move over enabled options, Enter or Space picks, Escape closes (consumed, so
 * the panel stays open) and Tab closes. Focus stays on the button, which points at the active option with
 * `aria-activedescendant`. The value travels with the form in a named hidden field; `required` is checked on it.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { Icon } from '../../icons/icon.tsx';
import { cx } from '../block-style.ts';
import { useWidget } from '../context.ts';
import { usePopoverDismiss } from './control-state.tsx';

/** One option of the list. */
export interface ListOption {
  value: string;
  label: string;
  disabled: boolean;
  description?: string | undefined;
}

/** Props of {@link SelectListbox}. */
export interface SelectListboxProps {
  options: readonly ListOption[];
  value: string;
  placeholder: string;
  /** Field attributes (id, name, aria-label) from useFieldAttrs. */
  attrs: { id?: string | undefined; name?: string | undefined; 'aria-label'?: string | undefined };
  class: string;
  required: boolean;
  disabled: boolean;
  onChoose: (value: string, el: Element) => void;
}

/** The index after `from` in direction `step` that is enabled, without wrapping; `from` when there is none. */
function step(options: readonly ListOption[], from: number, by: number): number {
  for (let i = from + by; i >= 0 && i < options.length; i += by) if (!options[i]?.disabled) return i;
  return from;
}

/** The combobox button, its hidden form field and, while open, the list. */
export function SelectListbox({ options, value, placeholder, attrs, class: className, required, disabled, onChoose }: SelectListboxProps) {
  const { strings } = useWidget();
  const id = useId();
  const [active, setActive] = useState(-1);
  const open = active >= 0;
  const button = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const chosen = options.find((o) => o.value === value);

  useEffect(() => {
    field.current?.setCustomValidity(required && !value ? strings.selectOption : '');
  }, [required, value, strings.selectOption]);
  useEffect(() => {
    if (open) list.current?.querySelector(`[data-i="${active}"]`)?.scrollIntoView?.({ block: 'nearest' });
  }, [open, active]);
  usePopoverDismiss(open, button, list, () => setActive(-1));

  const [place, setPlace] = useState<Record<string, string>>({});
  const show = (): void => {
    const r = button.current?.getBoundingClientRect();
    if (r) {
      const below = innerHeight - r.bottom;
      // Below the button, or above it when there is more room there; as wide as the button at least.
      const vertical: Record<string, string> = below >= 160 || below >= r.top ? { top: `${r.bottom + 4}px` } : { bottom: `${innerHeight - r.top + 4}px` };
      setPlace({ ...vertical, left: `${Math.max(4, Math.min(r.left, innerWidth - 244))}px`, minWidth: `${Math.min(r.width, innerWidth - 8)}px` });
    }
    const at = options.findIndex((o) => o.value === value && !o.disabled);
    setActive(at >= 0 ? at : step(options, -1, 1));
  };
  const pick = (i: number): void => {
    const o = options[i];
    if (!o || o.disabled || !button.current) return;
    setActive(-1);
    if (o.value === value) return;
    // The form reads the DOM when the change action collects values: update the field before it does.
    if (field.current) field.current.value = o.value;
    onChoose(o.value, button.current);
  };
  const onKey = (e: KeyboardEvent): void => {
    if (!open) {
      if (!['ArrowDown', 'ArrowUp', 'Enter', ' '].includes(e.key)) return;
      e.preventDefault();
      return show();
    }
    const moves: Record<string, number> = { ArrowDown: step(options, active, 1), ArrowUp: step(options, active, -1), Home: step(options, -1, 1), End: step(options, options.length, -1) };
    if (e.key in moves) setActive(moves[e.key] ?? active);
    else if (e.key === 'Enter' || e.key === ' ') pick(active);
    else if (e.key === 'Escape') setActive(-1);
    else if (e.key === 'Tab') return setActive(-1);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        role="combobox"
        id={attrs.id}
        aria-label={attrs['aria-label']}
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-activedescendant={open ? `${id}-${active}` : undefined}
        aria-required={required || undefined}
        class={cx(className, 'ck-w-combo')}
        disabled={disabled}
        onClick={() => (open ? setActive(-1) : show())}
        onKeyDown={onKey}
      >
        <span class={chosen ? undefined : 'ck-w-placeholder'}>{chosen?.label ?? placeholder}</span>
        <Icon name="chevron-down" size={14} />
      </button>
      {/* The form reads this field; focusing it (an invalid required field) moves to the button. */}
      <input ref={field} class="ck-w-sr" tabIndex={-1} aria-hidden="true" name={attrs.name} value={value} onFocus={() => button.current?.focus()} />
      {open && (
        <ul ref={list} id={id} role="listbox" aria-label={attrs['aria-label']} class="ck-w-listbox" style={place}>
          {options.map((o, i) => (
            <li
              key={`${i}:${o.value}`}
              id={`${id}-${i}`}
              data-i={i}
              role="option"
              class="ck-w-listbox-option"
              aria-selected={o.value === value}
              aria-disabled={o.disabled || undefined}
              data-active={i === active ? 'true' : undefined}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(i)}
            >
              <span>{o.label}</span>
              {o.description && <span class="ck-w-listbox-description">{o.description}</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
