/**
 * The client's parsing entry points: stream events and JSON responses (threads and pages are in
 * `parse-items.ts`, requests in `parse-request.ts`). All are total: they return a `ParseResult` and never throw.
 */
import { attachmentSchema, type Attachment } from './attachments.ts';
import { PLAIN_EVENT_SCHEMAS, type ThreadStreamEvent } from './events.ts';
import { formatPath } from './format-issue.ts';
import type { ThreadItem } from './items.ts';
import { readItem, readThread } from './parse-items.ts';
import {
  describeMismatch,
  guard,
  ignore,
  isRecord,
  malformed,
  parseAt,
  succeed,
  type OnIgnored,
  type ParseResult,
  type Path,
} from './parse-result.ts';
import { transcriptionSchema, type SyncActionResult, type Transcription } from './responses.ts';
import { UPDATE_SCHEMAS, type ThreadItemUpdate } from './updates.ts';

function readUpdate(value: unknown, root: unknown, path: Path): ParseResult<ThreadItemUpdate> {
  if (!isRecord(value)) return malformed(describeMismatch(path, 'object', value));
  const type = value.type;
  if (typeof type !== 'string') return malformed(describeMismatch([...path, 'type'], 'string', type));
  if (!Object.hasOwn(UPDATE_SCHEMAS, type)) {
    return ignore(`${formatPath([...path, 'type'])}: unknown update type ${JSON.stringify(type)}`);
  }
  const schema = UPDATE_SCHEMAS[type as keyof typeof UPDATE_SCHEMAS];
  return parseAt(schema, value, root, path) as ParseResult<ThreadItemUpdate>;
}

/** Parses one SSE event payload (already `JSON.parse`d). Unknown event, update and item types are `ignored`. */
export function parseStreamEvent(value: unknown): ParseResult<ThreadStreamEvent> {
  return guard((): ParseResult<ThreadStreamEvent> => {
    if (!isRecord(value)) return malformed(describeMismatch([], 'object', value));
    const type = value.type;
    if (typeof type !== 'string') return malformed(describeMismatch(['type'], 'string', type));
    switch (type) {
      case 'thread.created':
      case 'thread.updated': {
        const thread = readThread(value.thread, value, ['thread']);
        return thread.ok ? succeed({ type, thread: thread.value }) : thread;
      }
      case 'thread.item.added':
      case 'thread.item.done':
      case 'thread.item.replaced': {
        const item = readItem(value.item, value, ['item'], false);
        return item.ok ? succeed({ type, item: item.value as ThreadItem }) : item;
      }
      case 'thread.item.updated': {
        if (typeof value.item_id !== 'string') return malformed(describeMismatch(['item_id'], 'string', value.item_id));
        const update = readUpdate(value.update, value, ['update']);
        return update.ok ? succeed({ type, item_id: value.item_id, update: update.value }) : update;
      }
    }
    if (!Object.hasOwn(PLAIN_EVENT_SCHEMAS, type)) {
      return ignore(`type: unknown stream event type ${JSON.stringify(type)}`);
    }
    const schema = PLAIN_EVENT_SCHEMAS[type as keyof typeof PLAIN_EVENT_SCHEMAS];
    return parseAt(schema, value, value, []) as ParseResult<ThreadStreamEvent>;
  });
}

/** Parses one item update (the `update` of `thread.item.updated`); unknown update types are `ignored`. */
export function parseItemUpdate(value: unknown): ParseResult<ThreadItemUpdate> {
  return guard(() => readUpdate(value, value, []));
}

/** Parses an `Attachment` (`attachments.create`, or a direct upload's response). */
export function parseAttachment(value: unknown): ParseResult<Attachment> {
  return guard(() => parseAt(attachmentSchema, value, value, []));
}

/** Parses `{text}` from `input.transcribe`. */
export function parseTranscription(value: unknown): ParseResult<Transcription> {
  return guard(() => parseAt(transcriptionSchema, value, value, []));
}

/** Parses `threads.sync_custom_action`'s `{updated_item?}`; an item of unknown or hidden type becomes `{}`. */
export function parseSyncActionResult(value: unknown, onIgnored?: OnIgnored): ParseResult<SyncActionResult> {
  return guard((): ParseResult<SyncActionResult> => {
    if (!isRecord(value)) return malformed(describeMismatch([], 'object', value));
    if (value.updated_item === undefined || value.updated_item === null) return succeed({});
    const item = readItem(value.updated_item, value, ['updated_item'], false);
    if (item.ok) return succeed({ updated_item: item.value as ThreadItem });
    if (!item.ignored) return item;
    onIgnored?.(item.error);
    return succeed({});
  });
}
