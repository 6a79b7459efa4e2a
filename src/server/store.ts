/**
 * The persistence interface of the reference backend, modelled on chatkit-python's `Store` + `AttachmentStore`.
 * Every method is async so that a network database can implement it. Lookups of missing records throw
 * `NotFoundError`; deletions of missing records are no-ops.
 */
import type { Attachment, Page, StoredThreadItem, ThreadMetadata } from '../protocol/index.ts';

/** Sort order of a page. */
export type Order = 'asc' | 'desc';

/** Which page to load: up to `limit` records after the record with id `after`, in `order`. */
export interface PageQuery {
  limit: number;
  order: Order;
  /** Id of the last record of the previous page; an unknown id throws `NotFoundError`. */
  after?: string | undefined;
}

/** Thumbs up or down on an item. */
export type FeedbackKind = 'positive' | 'negative';

/** One stored `items.feedback` entry. */
export interface FeedbackRecord {
  thread_id: string;
  item_id: string;
  kind: FeedbackKind;
  created_at: string;
}

/** Threads, their items (hidden ones included), attachments with their bytes, and feedback. */
export interface Store {
  /** Loads a thread's metadata; throws `NotFoundError`. */
  loadThread(threadId: string): Promise<ThreadMetadata>;
  /** Inserts or updates a thread's metadata. */
  saveThread(thread: ThreadMetadata): Promise<void>;
  /** Loads a page of threads ordered by creation. */
  loadThreads(query: PageQuery): Promise<Page<ThreadMetadata>>;
  /** Deletes a thread with its items, feedback and attachments. */
  deleteThread(threadId: string): Promise<void>;
  /** Loads a page of a thread's items ordered by creation (ties broken by insertion order). */
  loadThreadItems(threadId: string, query: PageQuery): Promise<Page<StoredThreadItem>>;
  /** Adds an item (an item with the same id is replaced in place). */
  addThreadItem(threadId: string, item: StoredThreadItem): Promise<void>;
  /** Inserts or replaces an item; a replaced item keeps its position. */
  saveItem(threadId: string, item: StoredThreadItem): Promise<void>;
  /** Loads one item; throws `NotFoundError`. */
  loadItem(threadId: string, itemId: string): Promise<StoredThreadItem>;
  /** Deletes one item. */
  deleteThreadItem(threadId: string, itemId: string): Promise<void>;
  /** Inserts or updates an attachment's metadata. */
  saveAttachment(attachment: Attachment): Promise<void>;
  /** Loads an attachment's metadata; throws `NotFoundError`. */
  loadAttachment(attachmentId: string): Promise<Attachment>;
  /** Deletes an attachment and its bytes. */
  deleteAttachment(attachmentId: string): Promise<void>;
  /** Stores an attachment's bytes (replacing earlier ones). */
  saveAttachmentBytes(attachmentId: string, bytes: Uint8Array): Promise<void>;
  /** Loads an attachment's bytes; null when none were uploaded. */
  loadAttachmentBytes(attachmentId: string): Promise<Uint8Array | null>;
  /** Records feedback on items of a thread. */
  addFeedback(threadId: string, itemIds: readonly string[], kind: FeedbackKind): Promise<void>;
  /** Lists a thread's feedback, oldest first. */
  loadFeedback(threadId: string): Promise<FeedbackRecord[]>;
  /** Releases the store's resources. */
  close(): Promise<void>;
}
