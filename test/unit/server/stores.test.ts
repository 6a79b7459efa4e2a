/** One suite for both stores, plus what only SQLite has: a file that survives restarts, and migrations. */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import type { Attachment, StoredThreadItem, ThreadMetadata } from '../../../src/protocol/index.ts';
import { NotFoundError } from '../../../src/server/errors.ts';
import { SCHEMA_VERSION } from '../../../src/server/sqlite-schema.ts';
import { createSqliteStore } from '../../../src/server/sqlite-store.ts';
import { STORE_KINDS, tempDir } from './helpers.ts';

const at = (second: number): string => `2026-11-22T00:00:${String(second).padStart(2, '0')}.000Z`;
const thread = (id: string, second: number, title?: string): ThreadMetadata => ({ id, title, created_at: at(second), status: { type: 'active' }, metadata: { n: second } });
const message = (id: string, second: number, text = id): StoredThreadItem => ({
  id,
  thread_id: 't1',
  created_at: at(second),
  type: 'assistant_message',
  content: [{ type: 'output_text', text, annotations: [] }],
});
const attachment = (id: string, threadId?: string): Attachment => ({
  id,
  name: `${id}.png`,
  mime_type: 'image/png',
  type: 'image',
  preview_url: `/f/${id}`,
  thread_id: threadId,
});

describe.each(STORE_KINDS)('the %s', (_name, makeStore) => {
  test('saves, loads and updates threads; a missing one is NotFoundError', async () => {
    const store = makeStore();
    await store.saveThread(thread('t1', 1));
    await store.saveThread({ ...thread('t1', 1), title: 'Named' });
    expect(await store.loadThread('t1')).toEqual({ ...thread('t1', 1), title: 'Named' });
    await expect(store.loadThread('nope')).rejects.toThrow(new NotFoundError('thread nope not found'));
  });

  test('pages threads by creation time in both orders, with after only when there is more', async () => {
    const store = makeStore();
    for (const [id, second] of [['b', 2], ['a', 1], ['c', 3], ['d', 3]] as const) await store.saveThread(thread(id, second));
    const ids = (p: { data: ThreadMetadata[] }) => p.data.map((t) => t.id);
    const first = await store.loadThreads({ limit: 2, order: 'asc' });
    expect([ids(first), first.has_more, first.after]).toEqual([['a', 'b'], true, 'b']);
    const second = await store.loadThreads({ limit: 2, order: 'asc', after: 'b' });
    expect(second).toEqual({ data: [thread('c', 3), thread('d', 3)], has_more: false });
    expect(ids(await store.loadThreads({ limit: 10, order: 'desc' }))).toEqual(['d', 'c', 'b', 'a']);
    expect(ids(await store.loadThreads({ limit: 10, order: 'desc', after: 'c' }))).toEqual(['b', 'a']);
    await expect(store.loadThreads({ limit: 2, order: 'asc', after: 'zz' })).rejects.toThrow('thread zz not found');
  });

  test('orders items by creation time, ties by insertion, and keeps a replaced item in place', async () => {
    const store = makeStore();
    await store.saveThread(thread('t1', 1));
    for (const item of [message('m2', 2), message('m1', 1), message('m3', 2), message('m4', 3)]) await store.addThreadItem('t1', item);
    await store.saveItem('t1', message('m3', 2, 'replaced'));
    await store.saveItem('t1', message('m5', 4));
    const page = await store.loadThreadItems('t1', { limit: 10, order: 'asc' });
    expect(page.data.map((i) => i.id)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(await store.loadItem('t1', 'm3')).toEqual(message('m3', 2, 'replaced'));
    const desc = await store.loadThreadItems('t1', { limit: 2, order: 'desc', after: 'm4' });
    expect([desc.data.map((i) => i.id), desc.has_more, desc.after]).toEqual([['m3', 'm2'], true, 'm2']);
    await store.deleteThreadItem('t1', 'm2');
    await expect(store.loadItem('t1', 'm2')).rejects.toThrow('item m2 not found in thread t1');
    await expect(store.loadThreadItems('t1', { limit: 1, order: 'asc', after: 'm2' })).rejects.toThrow(NotFoundError);
    expect((await store.loadThreadItems('other', { limit: 5, order: 'asc' })).data).toEqual([]);
  });

  test('keeps every item of concurrent writes to one thread, in the order they were issued', async () => {
    const store = makeStore();
    await store.saveThread(thread('t1', 1));
    const ids = Array.from({ length: 20 }, (_, i) => `c${i}`);
    await Promise.all(ids.map((id) => store.addThreadItem('t1', message(id, 5))));
    await Promise.all([store.saveItem('t1', message('c3', 5, 'edited')), store.deleteThreadItem('t1', 'c7')]);
    const page = await store.loadThreadItems('t1', { limit: 50, order: 'asc' });
    expect(page.data.map((i) => i.id)).toEqual(ids.filter((id) => id !== 'c7'));
    expect(await store.loadItem('t1', 'c3')).toEqual(message('c3', 5, 'edited'));
  });

  test('writes no item to a thread that does not exist (deleted while its answer streamed): NotFoundError', async () => {
    const store = makeStore();
    await store.saveThread(thread('t1', 1));
    await store.deleteThread('t1');
    await expect(store.addThreadItem('t1', message('m1', 2))).rejects.toThrow(NotFoundError);
    await expect(store.saveItem('t1', message('m2', 3))).rejects.toThrow(NotFoundError);
    // Nothing was left behind for a thread that comes back with the same id.
    await store.saveThread(thread('t1', 1));
    expect((await store.loadThreadItems('t1', { limit: 10, order: 'asc' })).data).toEqual([]);
  });

  test('keeps item ids per thread', async () => {
    const store = makeStore();
    await store.saveThread(thread('t1', 1));
    await store.saveThread(thread('t2', 2));
    await store.addThreadItem('t1', message('same', 1, 'one'));
    await store.addThreadItem('t2', { ...message('same', 1, 'two'), thread_id: 't2' });
    expect(await store.loadItem('t1', 'same')).toEqual(message('same', 1, 'one'));
  });

  test('never shares objects with callers', async () => {
    const store = makeStore();
    const t = thread('t1', 1);
    await store.saveThread(t);
    t.title = 'mutated after save';
    const loaded = await store.loadThread('t1');
    loaded.metadata.n = 99;
    expect(await store.loadThread('t1')).toEqual(thread('t1', 1));
  });

  test('stores attachments with their bytes and deletes both', async () => {
    const store = makeStore();
    await store.saveAttachment(attachment('atc_1'));
    expect(await store.loadAttachmentBytes('atc_1')).toBe(null);
    await store.saveAttachmentBytes('atc_1', new Uint8Array([1, 2, 3]));
    expect(await store.loadAttachmentBytes('atc_1')).toEqual(new Uint8Array([1, 2, 3]));
    await store.saveAttachment(attachment('atc_1', 't1'));
    expect(await store.loadAttachment('atc_1')).toEqual(attachment('atc_1', 't1'));
    expect(await store.loadAttachmentBytes('atc_1')).toEqual(new Uint8Array([1, 2, 3]));
    await store.deleteAttachment('atc_1');
    await expect(store.loadAttachment('atc_1')).rejects.toThrow('attachment atc_1 not found');
    expect(await store.loadAttachmentBytes('atc_1')).toBe(null);
    expect(await store.loadAttachmentBytes('../../etc/passwd')).toBe(null);
  });

  test('deleting a thread deletes its items, feedback and attachments, and nothing else', async () => {
    const store = makeStore();
    await store.saveThread(thread('t1', 1));
    await store.saveThread(thread('t2', 2));
    await store.addThreadItem('t1', message('m1', 1));
    await store.addFeedback('t1', ['m1'], 'positive');
    await store.addFeedback('t2', ['x'], 'negative');
    await store.saveAttachment(attachment('atc_1', 't1'));
    await store.saveAttachmentBytes('atc_1', new Uint8Array([1]));
    await store.saveAttachment(attachment('atc_2', 't2'));
    await store.deleteThread('t1');
    await expect(store.loadThread('t1')).rejects.toThrow(NotFoundError);
    expect((await store.loadThreadItems('t1', { limit: 5, order: 'asc' })).data).toEqual([]);
    expect(await store.loadFeedback('t1')).toEqual([]);
    await expect(store.loadAttachment('atc_1')).rejects.toThrow(NotFoundError);
    expect(await store.loadAttachmentBytes('atc_1')).toBe(null);
    expect((await store.loadFeedback('t2')).map((f) => [f.item_id, f.kind])).toEqual([['x', 'negative']]);
    expect(await store.loadAttachment('atc_2')).toEqual(attachment('atc_2', 't2'));
  });
});

describe('the SQLite store on disk', () => {
  test('creates its folder and file on first use, and everything survives closing and reopening', async () => {
    const dir = join(tempDir(), 'nested', 'data');
    const file = join(dir, 'chatkit.sqlite');
    const first = createSqliteStore(file);
    await first.saveThread(thread('t1', 1, 'Kept'));
    await first.addThreadItem('t1', message('m1', 1));
    await first.saveAttachment(attachment('atc_1', 't1'));
    await first.saveAttachmentBytes('atc_1', new Uint8Array([7, 8]));
    await first.addFeedback('t1', ['m1'], 'positive');
    await first.close();
    expect(existsSync(file)).toBe(true);
    expect(readdirSync(join(dir, 'files'))).toEqual(['atc_1']);

    const second = createSqliteStore(file);
    expect(await second.loadThread('t1')).toEqual(thread('t1', 1, 'Kept'));
    expect((await second.loadThreadItems('t1', { limit: 5, order: 'asc' })).data).toEqual([message('m1', 1)]);
    expect(await second.loadAttachmentBytes('atc_1')).toEqual(new Uint8Array([7, 8]));
    expect((await second.loadFeedback('t1')).map((f) => f.item_id)).toEqual(['m1']);
    await second.close();
  });

  test('removes the temp files a crash left mid-write when it opens, and keeps finished files', async () => {
    const dir = tempDir();
    const file = join(dir, 'chatkit.sqlite');
    const first = createSqliteStore(file);
    await first.saveAttachmentBytes('atc_1', new Uint8Array([1]));
    await first.close();
    writeFileSync(join(dir, 'files', 'atc_2.0b5c1e9a-5a9e-4c41-9d4a-3f0e2c7b1a11.tmp'), 'half a file');
    await createSqliteStore(file).close();
    expect(readdirSync(join(dir, 'files'))).toEqual(['atc_1']);
  });

  test('records its schema version, uses WAL, and refuses a database from a newer version', async () => {
    const file = join(tempDir(), 'chatkit.sqlite');
    await createSqliteStore(file).close();
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => createSqliteStore(file)).toThrow(`database schema version ${SCHEMA_VERSION + 1} is newer than this server supports (${SCHEMA_VERSION})`);
  });

  test('an in-memory database needs an explicit files folder', () => {
    expect(() => createSqliteStore(':memory:')).toThrow('an in-memory SQLite store needs options.filesDir');
  });
});
