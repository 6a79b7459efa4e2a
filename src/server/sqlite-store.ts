/**
 * The embedded default `Store`: one SQLite file (WAL mode) for threads, items, attachment metadata and feedback,
 * plus attachment bytes as files in a folder beside it (`<dir>/files/<attachment id>`). Both are created on
 * first use. better-sqlite3 is synchronous; calls are short, indexed statements, so the event loop barely
 * notices, and the async `Store` interface leaves room for a networked database.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Attachment, Page, StoredThreadItem, ThreadMetadata } from '../protocol/index.ts';
import { NotFoundError } from './errors.ts';
import { isSafeId } from './ids.ts';
import { sortTime } from './paging.ts';
import { migrate } from './sqlite-schema.ts';
import type { FeedbackRecord, PageQuery, Store } from './store.ts';

/** Where the SQLite store keeps its data. */
export interface SqliteStoreOptions {
  /** Folder for attachment bytes; defaults to `files/` beside the database file. */
  filesDir?: string;
}

/** The default database file, relative to the working directory. */
export const DEFAULT_SQLITE_FILE = './data/chatkit.sqlite';

type Row = { id: string; data: string };
type Cursor = { created_ms: number; seq: number };

/** Opens (creating if needed) a SQLite store at `file`, applying pending schema migrations. */
export function createSqliteStore(file: string = DEFAULT_SQLITE_FILE, options: SqliteStoreOptions = {}): Store {
  if (file === ':memory:' && !options.filesDir) throw new Error('an in-memory SQLite store needs options.filesDir');
  const filesDir = resolve(options.filesDir ?? join(dirname(resolve(file)), 'files'));
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
  mkdirSync(filesDir, { recursive: true });
  // Temp files of writes a crash interrupted (saveAttachmentBytes writes `<id>.<uuid>.tmp`, then renames).
  for (const name of readdirSync(filesDir)) if (name.endsWith('.tmp')) rmSync(join(filesDir, name), { force: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const pathOf = (attachmentId: string): string => {
    // Ids reach us from URL paths; only ids we could have issued may name a file.
    if (!isSafeId(attachmentId)) throw new NotFoundError(`attachment ${attachmentId} not found`);
    return join(filesDir, attachmentId);
  };

  function loadPage<T>(table: 'threads' | 'items', threadId: string | null, query: PageQuery, what: string): Page<T> {
    const scope = threadId === null ? '1 = 1' : 'thread_id = @threadId';
    let cursor: Cursor | undefined;
    if (query.after !== undefined) {
      cursor = db
        .prepare(`SELECT created_ms, seq FROM ${table} WHERE ${scope} AND id = @after`)
        .get({ threadId, after: query.after }) as Cursor | undefined;
      if (!cursor) throw new NotFoundError(`${what} ${query.after} not found`);
    }
    const desc = query.order === 'desc';
    const dir = desc ? 'DESC' : 'ASC';
    const after = cursor ? `AND (created_ms, seq) ${desc ? '<' : '>'} (@ms, @seq)` : '';
    const rows = db
      .prepare(`SELECT id, data FROM ${table} WHERE ${scope} ${after} ORDER BY created_ms ${dir}, seq ${dir} LIMIT @n`)
      .all({ threadId, ms: cursor?.created_ms, seq: cursor?.seq, n: query.limit + 1 }) as Row[];
    const hasMore = rows.length > query.limit;
    const data = rows.slice(0, query.limit);
    const last = data[data.length - 1];
    const values = data.map((r) => JSON.parse(r.data) as T);
    return hasMore && last ? { data: values, has_more: true, after: last.id } : { data: values, has_more: false };
  }

  const upsertItem = db.prepare(
    `INSERT INTO items (thread_id, id, created_ms, data) VALUES (?, ?, ?, ?)
     ON CONFLICT (thread_id, id) DO UPDATE SET created_ms = excluded.created_ms, data = excluded.data`,
  );
  const threadExists = db.prepare('SELECT 1 FROM threads WHERE id = ?');
  // Items only for a thread that exists (checked and written in one transaction): an answer still streaming for a
  // deleted thread stores nothing.
  const writeItem = db.transaction((threadId: string, item: StoredThreadItem) => {
    if (!threadExists.get(threadId)) throw new NotFoundError(`thread ${threadId} not found`);
    upsertItem.run(threadId, item.id, sortTime(item.created_at), JSON.stringify(item));
  });
  const saveItem = async (threadId: string, item: StoredThreadItem): Promise<void> => {
    writeItem(threadId, item);
  };

  return {
    async loadThread(threadId) {
      const row = db.prepare('SELECT data FROM threads WHERE id = ?').get(threadId) as Row | undefined;
      if (!row) throw new NotFoundError(`thread ${threadId} not found`);
      return JSON.parse(row.data) as ThreadMetadata;
    },
    async saveThread(thread) {
      db.prepare(
        `INSERT INTO threads (id, created_ms, data) VALUES (?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET created_ms = excluded.created_ms, data = excluded.data`,
      ).run(thread.id, sortTime(thread.created_at), JSON.stringify(thread));
    },
    async loadThreads(query) {
      return loadPage<ThreadMetadata>('threads', null, query, 'thread');
    },
    async deleteThread(threadId) {
      const owned = db.prepare('SELECT id FROM attachments WHERE thread_id = ?').all(threadId) as { id: string }[];
      db.transaction(() => {
        db.prepare('DELETE FROM threads WHERE id = ?').run(threadId);
        db.prepare('DELETE FROM items WHERE thread_id = ?').run(threadId);
        db.prepare('DELETE FROM feedback WHERE thread_id = ?').run(threadId);
        db.prepare('DELETE FROM attachments WHERE thread_id = ?').run(threadId);
      })();
      await Promise.all(owned.map(({ id }) => rm(pathOf(id), { force: true })));
    },
    async loadThreadItems(threadId, query) {
      return loadPage<StoredThreadItem>('items', threadId, query, 'item');
    },
    addThreadItem: saveItem,
    saveItem,
    async loadItem(threadId, itemId) {
      const row = db.prepare('SELECT data FROM items WHERE thread_id = ? AND id = ?').get(threadId, itemId) as
        | Row
        | undefined;
      if (!row) throw new NotFoundError(`item ${itemId} not found in thread ${threadId}`);
      return JSON.parse(row.data) as StoredThreadItem;
    },
    async deleteThreadItem(threadId, itemId) {
      db.prepare('DELETE FROM items WHERE thread_id = ? AND id = ?').run(threadId, itemId);
    },
    async saveAttachment(attachment) {
      db.prepare(
        `INSERT INTO attachments (id, thread_id, data) VALUES (?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET thread_id = excluded.thread_id, data = excluded.data`,
      ).run(attachment.id, attachment.thread_id ?? null, JSON.stringify(attachment));
    },
    async loadAttachment(attachmentId) {
      const row = db.prepare('SELECT data FROM attachments WHERE id = ?').get(attachmentId) as Row | undefined;
      if (!row) throw new NotFoundError(`attachment ${attachmentId} not found`);
      return JSON.parse(row.data) as Attachment;
    },
    async deleteAttachment(attachmentId) {
      db.prepare('DELETE FROM attachments WHERE id = ?').run(attachmentId);
      if (isSafeId(attachmentId)) await rm(pathOf(attachmentId), { force: true });
    },
    async saveAttachmentBytes(attachmentId, bytes) {
      const path = pathOf(attachmentId);
      // Write then rename, so a reader never sees half a file.
      const temp = `${path}.${randomUUID()}.tmp`;
      try {
        await writeFile(temp, bytes);
        await rename(temp, path);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },
    async loadAttachmentBytes(attachmentId) {
      if (!isSafeId(attachmentId)) return null;
      try {
        return new Uint8Array(await readFile(pathOf(attachmentId)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async addFeedback(threadId, itemIds, kind) {
      const insert = db.prepare('INSERT INTO feedback (thread_id, item_id, kind, created_at) VALUES (?, ?, ?, ?)');
      const createdAt = new Date().toISOString();
      db.transaction(() => {
        for (const itemId of itemIds) insert.run(threadId, itemId, kind, createdAt);
      })();
    },
    async loadFeedback(threadId) {
      return db
        .prepare('SELECT thread_id, item_id, kind, created_at FROM feedback WHERE thread_id = ? ORDER BY seq')
        .all(threadId) as FeedbackRecord[];
    },
    async close() {
      db.close();
    },
  };
}
