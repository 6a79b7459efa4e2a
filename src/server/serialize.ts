/**
 * Output shaping shared by every response: the Python SDK serialises with `exclude_none`, so object keys whose
 * value is null or undefined are dropped (array elements are kept); thread responses never forward integration
 * metadata and never carry hidden items.
 */
import {
  isHiddenItemType,
  type Page,
  type StoredThreadItem,
  type Thread,
  type ThreadItem,
  type ThreadMetadata,
  type ThreadStreamEvent,
} from '../protocol/index.ts';

/** JSON text of a value with null/undefined object members omitted (pydantic's `exclude_none=True`). */
export function toJson(value: unknown): string {
  const text = JSON.stringify(value, function (this: unknown, _key, member: unknown) {
    return member === null && !Array.isArray(this) ? undefined : member;
  }) as string | undefined;
  return text ?? 'null';
}

/** One server-sent event exactly as the Python SDK frames it: `data: <compact JSON>\n\n`. */
export function encodeSseEvent(event: ThreadStreamEvent): string {
  return `data: ${toJson(event)}\n\n`;
}

/** Drops server-only items. */
export function visibleItems(items: readonly StoredThreadItem[]): ThreadItem[] {
  return items.filter((item): item is ThreadItem => !isHiddenItemType(item.type));
}

/** The client's view of a thread: metadata reset to `{}`, hidden items removed, an empty page when none given. */
export function toThreadResponse(thread: ThreadMetadata, items?: Page<StoredThreadItem>): Thread {
  const page: Page<ThreadItem> = items
    ? { data: visibleItems(items.data), has_more: items.has_more, after: items.after }
    : { data: [], has_more: false };
  return {
    title: thread.title,
    id: thread.id,
    created_at: thread.created_at,
    status: thread.status,
    allowed_image_domains: thread.allowed_image_domains,
    metadata: {},
    items: page,
  };
}

/** Current time as an ISO-8601 UTC timestamp (`…Z`). */
export function now(): string {
  return new Date().toISOString();
}
