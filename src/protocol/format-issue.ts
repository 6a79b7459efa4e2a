/**
 * Turns zod issues into one-line messages that name the path, the expected shape and the value received,
 * e.g. `theme.radius: expected one of "pill" | "round" | "soft" | "sharp", received "huge"`.
 * zod/mini ships no locale (its messages are all "Invalid input"), and issues do not carry the received
 * value unless asked, so the value is read back from the input by path.
 */
import type * as z from './zod.ts';

/** A zod issue as produced by `safeParse` (core type, shared by mini and classic). */
export type Issue = z.core.$ZodIssue;

/** `["theme", "color", 0, "x"]` → `theme.color[0].x`; the empty path is `(root)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

/** A short, safe rendering of any value for an error message (strings quoted and truncated). */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}

/** Reads `path` from `input` without invoking getters on prototypes. */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = input;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, key)) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

const quote = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : String(v));

/** What the issue expected, in words. */
export function describeExpected(issue: Issue): string {
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'int' ? 'an integer' : issue.expected;
    case 'invalid_value':
      return issue.values.length === 1 ? quote(issue.values[0]) : `one of ${issue.values.map(quote).join(' | ')}`;
    case 'invalid_union': {
      if ('options' in issue && Array.isArray(issue.options)) {
        return `one of ${(issue.options as unknown[]).map(quote).join(' | ')}`;
      }
      const alternatives = issue.errors.map((errs) => (errs[0] ? describeExpected(errs[0]) : 'something else'));
      return [...new Set(alternatives)].join(' or ');
    }
    case 'too_small':
      return issue.origin === 'array' || issue.origin === 'string'
        ? `at least ${String(issue.minimum)} ${issue.origin === 'array' ? 'items' : 'characters'}`
        : `a number >= ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'array' || issue.origin === 'string'
        ? `at most ${String(issue.maximum)} ${issue.origin === 'array' ? 'items' : 'characters'}`
        : `a number <= ${String(issue.maximum)}`;
    case 'invalid_format':
      return `a ${issue.format}`;
    case 'unrecognized_keys':
      return `no keys ${issue.keys.map(quote).join(', ')}`;
    default:
      return 'a valid value';
  }
}

/** One line: `<path>: expected <shape>, received <value>`. */
export function formatIssue(issue: Issue, input: unknown): string {
  // A discriminator mismatch reports the path of the object; point at its discriminator key instead.
  const path = issue.path;
  return `${formatPath(path)}: expected ${describeExpected(issue)}, received ${describeValue(valueAt(input, path))}`;
}
