/**
 * Form values for actions (CHATKIT.md §3.11): the current values of a form's named controls, nested by dotted
 * names (`todo.title` → `{ todo: { title } }`), merged under an action's payload where existing keys win.
 * Names come from the server, so a name that would write `__proto__` (or through a non-object) is skipped.
 */

type Values = Record<string, unknown>;

/** Attribute holding a control's form name when its `name` attribute had to be made unique (radio groups). */
export const FIELD_NAME_ATTR = 'data-ck-name';

const UNSAFE = new Set(['__proto__', 'prototype', 'constructor']);
const isPlain = (v: unknown): v is Values => v !== null && typeof v === 'object' && !Array.isArray(v);

function setPath(out: Values, name: string, value: unknown): void {
  const parts = name.split('.');
  if (parts.some((p) => !p || UNSAFE.has(p))) return;
  let at = out;
  for (const part of parts.slice(0, -1)) {
    const next = Object.hasOwn(at, part) ? at[part] : (at[part] = {});
    if (!isPlain(next)) return;
    at = next;
  }
  at[parts[parts.length - 1] as string] = value;
}

function readControl(el: Element): unknown {
  if (el instanceof HTMLInputElement) {
    if (el.type === 'checkbox') return el.checked;
    if (el.type === 'radio') return el.checked ? el.value : undefined;
    if (el.type === 'number') return el.value === '' || !Number.isFinite(Number(el.value)) ? el.value : Number(el.value);
    return el.value;
  }
  return el instanceof HTMLSelectElement || el.tagName === 'TEXTAREA' ? (el as HTMLSelectElement).value : undefined;
}

/** Current values of the form's named controls; unnamed helpers (filter boxes) are not fields. */
export function collectValues(form: HTMLFormElement): Values {
  const out: Values = {};
  for (const el of Array.from(form.elements)) {
    const name = el.getAttribute(FIELD_NAME_ATTR) ?? el.getAttribute('name');
    const value = name ? readControl(el) : undefined;
    if (name && value !== undefined) setPath(out, name, value);
  }
  return out;
}

/**
 * Merges form values under the payload (copying, never mutating it). Keys the payload already has win;
 * each lost value is reported by its dotted path in `collisions`.
 */
export function mergeValues(payload: unknown, values: Values): { payload: unknown; collisions: string[] } {
  const collisions: string[] = [];
  if (payload !== undefined && !isPlain(payload)) return { payload, collisions: Object.keys(values) };
  const merge = (base: Values, add: Values, path: string): Values => {
    const out = { ...base };
    for (const [key, value] of Object.entries(add)) {
      const prior = out[key];
      if (!Object.hasOwn(out, key)) out[key] = value;
      else if (isPlain(prior) && isPlain(value)) out[key] = merge(prior, value, `${path}${key}.`);
      else collisions.push(path + key);
    }
    return out;
  };
  return { payload: merge(payload ?? {}, values, ''), collisions };
}
