/** A `Store` in process memory: for tests, demos and serverless functions that keep no state. */
import type { Attachment, Page, StoredThreadItem, ThreadMetadata } from '../protocol/index.ts';
import { NotFoundError } from './errors.ts';
import { compareKeys, paginate, sortTime, type SortKey } from './paging.ts';
import type { FeedbackKind, FeedbackRecord, PageQuery, Store } from './store.ts';

type Row<T> = SortKey & { value: T };

/** Creates an empty in-memory store. Values are copied in and out, so callers never share objects with it. */
export function createMemoryStore(): Store {
  let seq = 0;
  const threads = new Map<string, Row<ThreadMetadata>>();
  const items = new Map<string, Map<string, Row<StoredThreadItem>>>();
  const attachments = new Map<string, Attachment>();
  const bytes = new Map<string, Uint8Array>();
  let feedback: FeedbackRecord[] = [];

  const sorted = <T>(rows: Iterable<Row<T>>): Row<T>[] => [...rows].sort(compareKeys);
  const pageOf = <T>(rows: Iterable<Row<T>>, query: PageQuery, idOf: (v: T) => string, what: string): Page<T> => {
    const page = paginate(sorted(rows), query, (r) => idOf(r.value), what);
    return { ...page, data: page.data.map((r) => structuredClone(r.value)) };
  };
  const upsert = <T>(map: Map<string, Row<T>>, id: string, value: T, createdAt: string): void => {
    const existing = map.get(id);
    const row = { ms: sortTime(createdAt), seq: existing?.seq ?? ++seq, value: structuredClone(value) };
    map.set(id, row);
  };
  const threadItems = (threadId: string): Map<string, Row<StoredThreadItem>> => {
    let map = items.get(threadId);
    if (!map) items.set(threadId, (map = new Map()));
    return map;
  };

  // Items only for a thread that exists: an answer still streaming for a deleted thread stores nothing.
  const existing = (threadId: string): string => {
    if (!threads.has(threadId)) throw new NotFoundError(`thread ${threadId} not found`);
    return threadId;
  };

  return {
    async loadThread(threadId) {
      const row = threads.get(threadId);
      if (!row) throw new NotFoundError(`thread ${threadId} not found`);
      return structuredClone(row.value);
    },
    async saveThread(thread) {
      upsert(threads, thread.id, thread, thread.created_at);
    },
    async loadThreads(query) {
      return pageOf(threads.values(), query, (t) => t.id, 'thread');
    },
    async deleteThread(threadId) {
      threads.delete(threadId);
      items.delete(threadId);
      feedback = feedback.filter((f) => f.thread_id !== threadId);
      for (const [id, attachment] of attachments) {
        if (attachment.thread_id !== threadId) continue;
        attachments.delete(id);
        bytes.delete(id);
      }
    },
    async loadThreadItems(threadId, query) {
      return pageOf(items.get(threadId)?.values() ?? [], query, (i) => i.id, 'item');
    },
    async addThreadItem(threadId, item) {
      upsert(threadItems(existing(threadId)), item.id, item, item.created_at);
    },
    async saveItem(threadId, item) {
      upsert(threadItems(existing(threadId)), item.id, item, item.created_at);
    },
    async loadItem(threadId, itemId) {
      const row = items.get(threadId)?.get(itemId);
      if (!row) throw new NotFoundError(`item ${itemId} not found in thread ${threadId}`);
      return structuredClone(row.value);
    },
    async deleteThreadItem(threadId, itemId) {
      items.get(threadId)?.delete(itemId);
    },
    async saveAttachment(attachment) {
      attachments.set(attachment.id, structuredClone(attachment));
    },
    async loadAttachment(attachmentId) {
      const attachment = attachments.get(attachmentId);
      if (!attachment) throw new NotFoundError(`attachment ${attachmentId} not found`);
      return structuredClone(attachment);
    },
    async deleteAttachment(attachmentId) {
      attachments.delete(attachmentId);
      bytes.delete(attachmentId);
    },
    async saveAttachmentBytes(attachmentId, data) {
      bytes.set(attachmentId, data.slice());
    },
    async loadAttachmentBytes(attachmentId) {
      return bytes.get(attachmentId)?.slice() ?? null;
    },
    async addFeedback(threadId, itemIds, kind: FeedbackKind) {
      const created_at = new Date().toISOString();
      for (const item_id of itemIds) feedback.push({ thread_id: threadId, item_id, kind, created_at });
    },
    async loadFeedback(threadId) {
      return feedback.filter((f) => f.thread_id === threadId).map((f) => ({ ...f }));
    },
    async close() {},
  };
}
