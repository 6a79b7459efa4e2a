/**
 * Options in, resolved options and readable errors out. An invalid value is reported and then treated as
 * absent, so its default applies and everything else still works (one bad prompt drops only that prompt).
 * A missing or invalid `api` resolves to `null` so the widget can still show itself and say what is wrong.
 */
import { formatIssue, formatPath, valueAt, type Issue } from '../protocol/format-issue.ts';
import type * as z from '../protocol/zod.ts';
import type { ResolvedOptions } from './resolved.ts';
import { apiSchema, optionsSchema } from './schema.ts';

/** One problem with the options: the dotted path and a one-line message that starts with it. */
export type OptionError = { path: string; message: string };

type Data = Record<string, unknown>;
type Path = PropertyKey[];

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const KNOWN_KEYS = ['api', ...Object.keys(optionsSchema.shape)];
const MAX_DEPTH = 16;
// A dropped required value takes its parent in the next round, so cascades climb at most MAX_DEPTH levels.
const MAX_ROUNDS = MAX_DEPTH + 2;

/** Validates host options; never throws and never mutates `input`. */
export function resolveOptions(input: unknown): { options: ResolvedOptions; errors: OptionError[] } {
  const errors: OptionError[] = [];
  const data = copyPlain(input, 0);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    const parsed = optionsSchema.safeParse(data);
    if (!parsed.success) pushErrors(errors, parsed.error.issues, data);
    return { options: { api: null, ...optionsSchema.parse({}) }, errors };
  }
  const record = data as Data;
  const api = parseDropping(apiSchema, record.api, ['api'], errors) ?? null;
  const rest = parseDropping(optionsSchema, record, [], errors) ?? optionsSchema.parse({});
  return { options: { api, ...rest }, errors: [...errors, ...misspelledKeys(record)] };
}

/**
 * Parses `value` (found at `at` in the options), reporting the first round's issues, then deleting each
 * invalid value and re-parsing until it passes. A value whose removal leaves a required key missing takes its
 * parent with it, up to `value` itself, in which case the result is `undefined`.
 */
function parseDropping<T>(schema: z.ZodMiniType<T>, value: unknown, at: Path, errors: OptionError[]): T | undefined {
  const root: Data = Object.create(null) as Data;
  root.value = value;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const result = schema.safeParse(root.value);
    if (result.success) return result.data;
    const issues = result.error.issues.map((issue) => ({ ...issue, path: [...at, ...issue.path] }));
    if (round === 0) pushErrors(errors, issues, at.length ? { [String(at[0])]: root.value } : root.value);
    const doomed = result.error.issues.map((issue) => {
      const path: Path = ['value', ...issue.path];
      while (path.length > 1 && valueAt(root, path) === undefined) path.pop();
      return path;
    });
    if (doomed.some((path) => path.length === 1)) return undefined;
    for (const path of pruneNested(doomed)) removePath(root, path);
  }
  return undefined;
}

function pushErrors(errors: OptionError[], issues: readonly Issue[], input: unknown): void {
  for (const issue of issues) errors.push({ path: formatPath(issue.path), message: formatIssue(issue, input) });
}

function removePath(root: Data, path: Path): void {
  const parent = valueAt(root, path.slice(0, -1));
  const key = path[path.length - 1];
  if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
  else if (typeof parent === 'object' && parent !== null && key !== undefined) delete (parent as Data)[key as string];
}

/** Drops duplicates and paths inside another doomed path; orders later array indices first so splices are safe. */
function pruneNested(paths: Path[]): Path[] {
  const unique = [...new Map(paths.map((path) => [JSON.stringify(path), path])).values()];
  const inside = (path: Path, outer: Path): boolean =>
    outer.length < path.length && outer.every((key, i) => key === path[i]);
  const kept = unique.filter((path) => !unique.some((outer) => inside(path, outer)));
  return kept.sort((a, b) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const [x, y] = [a[i], b[i]];
      if (x !== y) return typeof x === 'number' && typeof y === 'number' ? y - x : String(x) < String(y) ? -1 : 1;
    }
    return 0;
  });
}

/**
 * Copies own enumerable data into prototype-less objects: getters run once, inherited or `__proto__` keys
 * are never read, and the caller's object is never touched. Functions are kept as they are. What cannot be
 * read (a throwing getter, a hostile proxy) reads as absent.
 */
function copyPlain(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (depth > MAX_DEPTH) return undefined;
  try {
    if (Array.isArray(value)) return Array.from(value, (item: unknown) => copyPlain(item, depth + 1));
    const out = Object.create(null) as Data;
    for (const key of Object.keys(value)) {
      if (UNSAFE_KEYS.has(key)) continue;
      try {
        out[key] = copyPlain((value as Data)[key], depth + 1);
      } catch {
        // left absent
      }
    }
    return out;
  } catch {
    return undefined;
  }
}

/** Unknown top-level keys are ignored, except near-misses of known ones, which are likely typos. */
function misspelledKeys(data: Data): OptionError[] {
  const errors: OptionError[] = [];
  for (const key of Object.keys(data)) {
    if (KNOWN_KEYS.includes(key) || key.length > 24) continue;
    const limit = key.length <= 4 ? 1 : 2;
    const match = KNOWN_KEYS.find((known) => editDistance(key.toLowerCase(), known.toLowerCase()) <= limit);
    if (match) errors.push({ path: key, message: `${key}: unknown option; did you mean "${match}"?` });
  }
  return errors;
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions); strings are short. */
function editDistance(a: string, b: string): number {
  const w = b.length + 1;
  const d = new Uint8Array((a.length + 1) * w);
  const at = (i: number, j: number): number => d[i * w + j] ?? 0;
  for (let i = 0; i <= a.length; i++) {
    for (let j = 0; j <= b.length; j++) {
      let best = i + j;
      if (i && j) {
        best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
        const swapped = i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1];
        if (swapped) best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      d[i * w + j] = best;
    }
  }
  return at(a.length, b.length);
}
