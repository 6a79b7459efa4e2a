/**
 * Stream events (CHATKIT.md §3.3). Events that carry an item or a thread are typed here by hand, generic over
 * the item type, so the server can emit `ThreadStreamEvent<StoredThreadItem>` internally while clients only
 * ever see `ThreadItem`; their payloads are checked in `parse.ts`. The other events have plain schemas.
 */
import * as z from './zod.ts';
import type { StoredThreadItem, ThreadItem } from './items.ts';
import { jsonObject, opt } from './primitives.ts';
import type { Thread } from './thread.ts';
import type { ThreadItemUpdate } from './updates.ts';

/** Schemas of the events without an item, thread or update payload, keyed by `type`. */
export const PLAIN_EVENT_SCHEMAS = {
  'thread.item.removed': z.object({ type: z.literal('thread.item.removed'), item_id: z.string() }),
  stream_options: z.object({
    type: z.literal('stream_options'),
    stream_options: z.object({ allow_cancel: z.boolean() }),
  }),
  progress_update: z.object({ type: z.literal('progress_update'), icon: opt(z.string()), text: z.string() }),
  client_effect: z.object({ type: z.literal('client_effect'), name: z.string(), data: z._default(jsonObject, {}) }),
  error: z.object({
    type: z.literal('error'),
    // Open enum ("new codes will be added"): unknown codes are kept and shown with the generic message.
    code: z._default(z.string(), 'custom'),
    message: opt(z.string()),
    allow_retry: z._default(z.boolean(), false),
  }),
  notice: z.object({
    type: z.literal('notice'),
    level: z.enum(['info', 'warning', 'danger']),
    message: z.string(),
    title: opt(z.string()),
  }),
} as const;

type Plain<K extends keyof typeof PLAIN_EVENT_SCHEMAS> = z.output<(typeof PLAIN_EVENT_SCHEMAS)[K]>;

/** The error codes the SDK defines today; others may follow. */
export type ErrorCode = 'stream.error' | 'custom' | (string & {});

/** A new thread was created; its id becomes the active thread. */
export type ThreadCreatedEvent = { type: 'thread.created'; thread: Thread };
/** Thread metadata changed; its `items` page is empty and never replaces the item list. */
export type ThreadUpdatedEvent = { type: 'thread.updated'; thread: Thread };
/** A new, still pending item. */
export type ThreadItemAddedEvent<I extends StoredThreadItem = ThreadItem> = { type: 'thread.item.added'; item: I };
/** An incremental change to a pending item. */
export type ThreadItemUpdatedEvent = { type: 'thread.item.updated'; item_id: string; update: ThreadItemUpdate };
/** The final snapshot of an item (may come without a prior `added`). */
export type ThreadItemDoneEvent<I extends StoredThreadItem = ThreadItem> = { type: 'thread.item.done'; item: I };
/** An existing item replaced in place. */
export type ThreadItemReplacedEvent<I extends StoredThreadItem = ThreadItem> = {
  type: 'thread.item.replaced';
  item: I;
};
/** An item deleted from the thread. */
export type ThreadItemRemovedEvent = Plain<'thread.item.removed'>;
/** Whether the client may offer a stop button for this response. */
export type StreamOptionsEvent = Plain<'stream_options'>;
/** A transient status line. */
export type ProgressUpdateEvent = Plain<'progress_update'>;
/** A fire-and-forget effect for the host page (`chatkit.effect`). */
export type ClientEffectEvent = Plain<'client_effect'>;
/** A user-visible error that ends the response. */
export type ErrorEvent = Omit<Plain<'error'>, 'code'> & { code: ErrorCode };
/** A user-facing notice (Markdown message). */
export type NoticeEvent = Plain<'notice'>;

/** Any stream event; servers use `ThreadStreamEvent<StoredThreadItem>` before hidden items are filtered. */
export type ThreadStreamEvent<I extends StoredThreadItem = ThreadItem> =
  | ThreadCreatedEvent
  | ThreadUpdatedEvent
  | ThreadItemAddedEvent<I>
  | ThreadItemUpdatedEvent
  | ThreadItemDoneEvent<I>
  | ThreadItemReplacedEvent<I>
  | ThreadItemRemovedEvent
  | StreamOptionsEvent
  | ProgressUpdateEvent
  | ClientEffectEvent
  | ErrorEvent
  | NoticeEvent;

/** The known stream event types. */
export type ThreadStreamEventType = ThreadStreamEvent['type'];

/** Every known stream event type, in the order of CHATKIT.md §3.3. */
export const STREAM_EVENT_TYPES: readonly ThreadStreamEventType[] = [
  'thread.created',
  'thread.updated',
  'thread.item.added',
  'thread.item.updated',
  'thread.item.done',
  'thread.item.removed',
  'thread.item.replaced',
  'stream_options',
  'progress_update',
  'client_effect',
  'error',
  'notice',
];
