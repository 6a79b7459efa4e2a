/** Text entry controls (CHATKIT.md §4.5): Input, Textarea, and the field of an editable `Text`. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { WidgetComponent } from '../../protocol/widgets.ts';
import { cx, type Style } from '../block-style.ts';
import { fieldId, useWidget } from '../context.ts';
import type { NodeProps } from '../render-node.tsx';
import { readEnum, readInt, readPattern, readString } from '../values.ts';

const SIZES = ['3xs', '2xs', 'xs', 'sm', 'md', 'lg', 'xl', '2xl', '3xl'] as const;
const GUTTERS = ['2xs', 'xs', 'sm', 'md', 'lg', 'xl'] as const;
const INPUT_TYPES = ['number', 'email', 'text', 'password', 'tel', 'url'] as const;

/** The DOM attributes naming and labelling a form control; unlabelled controls take placeholder or name. */
export function useFieldAttrs(n: WidgetComponent, placeholder?: string) {
  const { itemId, labelled } = useWidget();
  const name = readString(n.name, 200);
  return {
    id: name ? fieldId(itemId, name) : undefined,
    name,
    'aria-label': name && labelled.has(name) ? undefined : (placeholder ?? name),
  };
}

/** Classes of a control from `variant`, `size`, `gutterSize`, `pill`, `block`. */
export function controlClass(n: WidgetComponent, base: string, fallbackVariant: string): string {
  const size = readEnum(n.size, SIZES);
  const gutter = readEnum(n.gutterSize, GUTTERS);
  return cx(
    base,
    `ck-w-v-${readEnum(n.variant, ['solid', 'soft', 'outline', 'ghost'] as const) ?? fallbackVariant}`,
    size && `ck-w-s-${size}`,
    gutter && `ck-w-g-${gutter}`,
    n.pill === true && 'ck-w-pill',
    n.block === true && 'ck-w-block',
  );
}

const initial = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : '');

// Password managers skip fields marked like this unless the widget allows autofill extensions.
const autofill = (n: WidgetComponent) =>
  n.allowAutofillExtensions === true ? {} : { 'data-1p-ignore': '', 'data-lpignore': 'true', autocomplete: 'off' };

function entryProps(n: WidgetComponent, placeholder: string | undefined) {
  return {
    ...autofill(n),
    ...useFieldAttrs(n, placeholder),
    placeholder,
    required: n.required === true,
    pattern: readPattern(n.pattern),
    disabled: n.disabled === true,
    autoFocus: n.autoFocus === true,
    onFocus: n.autoSelect === true ? (e: FocusEvent) => (e.currentTarget as HTMLInputElement).select() : undefined,
  };
}

/** `Input`: a single-line field; its value is kept across widget updates. */
export function Input({ node }: NodeProps) {
  const [value, setValue] = useState(() => initial(node.defaultValue));
  return (
    <input
      {...entryProps(node, readString(node.placeholder, 500))}
      class={controlClass(node, 'ck-w-field', 'outline')}
      type={readEnum(node.inputType, INPUT_TYPES) ?? 'text'}
      value={value}
      onInput={(e) => setValue(e.currentTarget.value)}
    />
  );
}

/**
 * `Textarea`: multi-line; `autoResize` grows it with its lines up to `maxRows`. Browsers ignore `pattern` on a
 * textarea, so it is checked here (the whole value must match, as for inputs) and reported through the field's
 * validity, which form submission checks.
 */
export function Textarea({ node }: NodeProps) {
  const { strings } = useWidget();
  const [value, setValue] = useState(() => initial(node.defaultValue));
  const ref = useRef<HTMLTextAreaElement>(null);
  const rows = readInt(node.rows, 1, 100) ?? 3;
  const max = Math.max(rows, readInt(node.maxRows, 1, 100) ?? 20);
  const lines = value.split('\n').length;
  const { pattern, ...props } = entryProps(node, readString(node.placeholder, 500));
  const matcher = useMemo(() => (pattern ? new RegExp(`^(?:${pattern})$`, 'v') : null), [pattern]);
  useEffect(() => {
    ref.current?.setCustomValidity(matcher && value !== '' && !matcher.test(value) ? strings.patternMismatch : '');
  }, [matcher, value, strings.patternMismatch]);
  return (
    <textarea
      {...props}
      ref={ref}
      class={controlClass(node, 'ck-w-field ck-w-textarea', 'outline')}
      rows={node.autoResize === true ? Math.min(max, Math.max(rows, lines)) : rows}
      value={value}
      onInput={(e) => setValue(e.currentTarget.value)}
    />
  );
}

/** The field of an editable `Text` (`editable: { name, … }`), drawn like the text it replaces. */
export function TextField(props: { node: WidgetComponent; editable: Record<string, unknown>; class: string; style: Style }) {
  const e = props.editable;
  const [value, setValue] = useState(() => initial(props.node.value));
  return (
    <input
      {...entryProps({ ...e, type: 'Text' }, readString(e.placeholder, 500))}
      autocomplete={readString(e.autoComplete, 100) ?? (e.allowAutofillExtensions === true ? undefined : 'off')}
      class={cx(props.class, 'ck-w-text-input')}
      style={props.style}
      type="text"
      value={value}
      onInput={(ev) => setValue(ev.currentTarget.value)}
    />
  );
}
