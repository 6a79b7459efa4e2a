/** The result type of every parser in this module, and the helpers that build it. Parsers never throw. */
import type * as z from './zod.ts';
import { describeValue, formatIssue, formatPath, type Issue } from './format-issue.ts';

/**
 * Success, or a failure that is either `ignored` (an open enum grew: unknown event, update or item type, or a
 * hidden item reaching a client — skip it and log) or not (a known type that is malformed).
 */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; ignored: boolean; error: string };

/** The failure half of `ParseResult`. */
export type ParseFailure = { ok: false; ignored: boolean; error: string };

/** Receives one line per element dropped from a page (unknown type, hidden type or malformed). */
export type OnIgnored = (reason: string) => void;

/** A path into a parsed value, e.g. `['item', 'content', 0]`. */
export type Path = readonly PropertyKey[];

/** Wraps a parsed value. */
export function succeed<T>(value: T): ParseResult<T> {
  return { ok: true, value };
}

/** A malformed value of a known type. */
export function malformed(error: string): ParseFailure {
  return { ok: false, ignored: false, error };
}

/** A value of a type this client does not know (or must not show): skip it. */
export function ignore(error: string): ParseFailure {
  return { ok: false, ignored: true, error };
}

/** Whether a value is a JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `"<path>: expected <what>, received <value>"`, the same wording as zod issues. */
export function describeMismatch(path: Path, expected: string, value: unknown): string {
  return `${formatPath(path)}: expected ${expected}, received ${describeValue(value)}`;
}

/** Runs `schema` on `value`, which sits at `path` inside `root`; issue messages name the full path. */
export function parseAt<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  root: unknown,
  path: Path,
): ParseResult<z.output<S>> {
  const result = schema.safeParse(value);
  if (result.success) return succeed(result.data as z.output<S>);
  const lines = result.error.issues.map((issue) =>
    formatIssue({ ...issue, path: [...path, ...issue.path] } as Issue, root),
  );
  return malformed(lines.join('; '));
}

/** Runs a parser and turns anything it throws (hostile getters, stack exhaustion) into a failure. */
export function guard<T>(parse: () => ParseResult<T>): ParseResult<T> {
  try {
    return parse();
  } catch (error) {
    return malformed(`(root): could not be parsed (${error instanceof Error ? error.message : String(error)})`);
  }
}
