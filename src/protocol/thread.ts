/** Threads, their status, and pages (CHATKIT.md §3.5.1, §3.7). */
import * as z from './zod.ts';
import type { ThreadItem } from './items.ts';
import { jsonObject, opt, timestampSchema } from './primitives.ts';

/** Whether the composer is usable, disabled (`locked`) or replaced by a banner (`closed`). */
export const threadStatusSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('active') }),
  z.object({ type: z.literal('locked'), reason: opt(z.string()) }),
  z.object({ type: z.literal('closed'), reason: opt(z.string()) }),
]);

/** A thread's metadata, everything but its items. */
export const threadMetadataSchema = z.object({
  id: z.string(),
  title: opt(z.string()),
  created_at: timestampSchema,
  status: z._default(threadStatusSchema, { type: 'active' }),
  allowed_image_domains: opt(z.array(z.string())),
  metadata: z._default(jsonObject, {}),
});

/** A page whose elements are checked one by one afterwards, so that one bad element never fails the page. */
export const rawPageSchema = z.object({
  data: z._default(z.array(z.unknown()), []),
  has_more: z._default(z.boolean(), false),
  after: opt(z.string()),
});

/** A thread whose `items` page is still raw (see `rawPageSchema`); `items` may be absent on input. */
export const rawThreadSchema = z.object({
  ...threadMetadataSchema.def.shape,
  items: z._default(rawPageSchema, { data: [], has_more: false }),
});

/** Whether the composer is usable, disabled (`locked`) or replaced by a banner (`closed`). */
export type ThreadStatus = z.output<typeof threadStatusSchema>;
/** A thread without its items. */
export type ThreadMetadata = z.output<typeof threadMetadataSchema>;
/** A page of results; `after` is the cursor for the next page (absent when there is none). */
export type Page<T> = { data: T[]; has_more: boolean; after?: string };
/** A thread with a page of its items (the first 20, oldest first, from `threads.get_by_id`). */
export type Thread = ThreadMetadata & { items: Page<ThreadItem> };
