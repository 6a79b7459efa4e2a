/**
 * Building blocks shared by every wire schema. The Python SDK serialises with `exclude_none`, so optional keys
 * are usually absent, but Python also accepts `null` for them; `opt` accepts both and yields `undefined`, so the
 * TypeScript types stay `key?: T` and server code can simply omit keys.
 */
import * as z from './zod.ts';

/** Optional on input (absent or `null`), `T | undefined` on output. */
export function opt<T extends z.ZodMiniType>(schema: T) {
  return z.optional(z.pipe(z.nullable(schema), z.transform((value: z.output<T> | null) => value ?? undefined)));
}

/** A free-form JSON object (`dict[str, Any]`); `__proto__` keys are dropped by zod's record parser. */
export const jsonObject = z.record(z.string(), z.unknown(), { error: 'object' });

/** A free-form JSON object as TypeScript sees it. */
export type JsonObject = Record<string, unknown>;

/** A list position sent by the server; negative indexes are malformed. */
export const indexSchema = z.int().check(z.minimum(0));

/**
 * ISO-8601 timestamps stay strings on the wire: Python emits naive ones (`2026-11-22T01:19:19.322067`), other
 * stores emit offsets or `Z`. They are not validated here; `parseTimestamp` turns them into numbers when needed.
 */
export const timestampSchema = z.string();

/** A value that must be present but may be anything (pydantic `Any` without a default). */
export const requiredAny = z.unknown().check(z.refine((value) => value !== undefined, { error: 'a value' }));
