/** JSON requests: paging defaults and cursors, management, feedback, attachments, dictation, sync actions. */
import { describe, expect, test } from 'vitest';
import type { ThreadItem } from '../../../src/protocol/index.ts';
import { assistantItem } from '../../../src/server/agents/agent-kit.ts';
import { createChatKitServer } from '../../../src/server/chatkit-server.ts';
import type { ChatKitServerOptions } from '../../../src/server/server-types.ts';
import { jsonOf, STORE_KINDS, streamEvents, userInput, type Json } from './helpers.ts';

describe.each(STORE_KINDS)('JSON requests with the %s', (_name, makeStore) => {
  function setup(extra: Partial<ChatKitServerOptions> = {}) {
    const store = makeStore();
    const server = createChatKitServer({
      store,
      // Two items per turn plus a hidden one, so paging must skip what clients never see.
      respond: async function* (thread, input, ctx) {
        const hidden = { id: ctx.generateId('hidden_context'), thread_id: thread.id, created_at: new Date().toISOString() };
        yield { type: 'thread.item.done', item: { ...hidden, type: 'hidden_context_item', content: input?.id } };
        yield { type: 'thread.item.done', item: assistantItem(ctx.generateId('message'), thread.id, 'ok') };
      },
      ...extra,
    });
    const call = async (type: string, params: Json) => jsonOf(await server.process({ type, params }));
    const newThread = async (text = 'hi'): Promise<string> => {
      const events = await streamEvents(await server.process({ type: 'threads.create', params: { input: userInput(text) } }));
      return events[0].thread.id as string;
    };
    return { store, server, call, newThread };
  }

  test('threads.list pages newest first by default, 20 at a time, with after only when there is more', async () => {
    const { call, newThread } = setup();
    const ids: string[] = [];
    for (let i = 0; i < 23; i++) ids.push(await newThread(`t${i}`));
    const first = await call('threads.list', {});
    expect(first.body.data.map((t: Json) => t.id)).toEqual(ids.slice(3).reverse());
    expect(first.body).toMatchObject({ has_more: true, after: ids[3] });
    expect(first.body.data[0]).toEqual({ id: ids[22], created_at: expect.stringMatching(/Z$/), status: { type: 'active' }, metadata: {}, items: { data: [], has_more: false } });
    const second = await call('threads.list', { after: first.body.after });
    expect(second.body).toEqual({ data: [ids[2], ids[1], ids[0]].map((id) => expect.objectContaining({ id })), has_more: false });
    const asc = await call('threads.list', { order: 'asc', limit: 2 });
    expect(asc.body.data.map((t: Json) => t.id)).toEqual(ids.slice(0, 2));
    expect((await call('threads.list', { limit: 0 })).body.data).toHaveLength(20);
    expect(await call('threads.list', { after: 'thr_unknown' })).toEqual({
      status: 404,
      body: { error: { code: 'not_found', message: 'thread thr_unknown not found' } },
    });
  });

  test('a page is never larger than 100, whatever the limit', async () => {
    const { call, newThread } = setup();
    for (let i = 0; i < 102; i++) await newThread();
    const page = await call('threads.list', { limit: 1000 });
    expect(page.body.data).toHaveLength(100);
    expect(page.body.has_more).toBe(true);
  });

  test('items.list defaults to newest first, filters hidden items, and continues from after', async () => {
    const { call, newThread, server } = setup();
    const threadId = await newThread('q0');
    for (let i = 1; i < 4; i++) {
      await streamEvents(await server.process({ type: 'threads.add_user_message', params: { thread_id: threadId, input: userInput(`q${i}`) } }));
    }
    const page = await call('items.list', { thread_id: threadId, limit: 3 });
    expect(page.body.data.map((i: ThreadItem) => i.type)).toEqual(['assistant_message', 'user_message']);
    expect(page.body.has_more).toBe(true);
    const rest = await call('items.list', { thread_id: threadId, after: page.body.after });
    const texts = rest.body.data.map((i: Json) => (i.type === 'user_message' ? i.content[0].text : 'a'));
    expect(texts).toEqual(['a', 'q2', 'a', 'q1', 'a', 'q0']);
    expect(rest.body.has_more).toBe(false);
    expect((await call('items.list', { thread_id: 'thr_nope' })).status).toBe(404);
  });

  test('threads.get_by_id returns the first 20 stored items oldest first, hidden ones filtered after loading', async () => {
    const { call, newThread, server } = setup();
    const threadId = await newThread('q0');
    for (let i = 1; i < 8; i++) {
      await streamEvents(await server.process({ type: 'threads.add_user_message', params: { thread_id: threadId, input: userInput(`q${i}`) } }));
    }
    const { body } = await call('threads.get_by_id', { thread_id: threadId });
    // 20 stored items = 6 turns of three plus a user message and a hidden item; 13 of them are visible.
    expect(body.items.data).toHaveLength(13);
    expect(body.items.data[0].content[0].text).toBe('q0');
    expect(body.items).toMatchObject({ has_more: true, after: expect.stringMatching(/^hcx_/) });
    expect(body).toMatchObject({ id: threadId, status: { type: 'active' }, metadata: {} });
  });

  test('threads.update renames and answers with the thread and an empty page; threads.delete removes it all', async () => {
    const { call, newThread, store } = setup();
    const threadId = await newThread();
    const renamed = await call('threads.update', { thread_id: threadId, title: 'Renamed' });
    expect(renamed.body).toEqual({ title: 'Renamed', id: threadId, created_at: expect.any(String), status: { type: 'active' }, metadata: {}, items: { data: [], has_more: false } });
    expect((await store.loadThread(threadId)).title).toBe('Renamed');
    expect(await call('threads.delete', { thread_id: threadId })).toEqual({ status: 200, body: {} });
    expect((await call('threads.get_by_id', { thread_id: threadId })).status).toBe(404);
    expect((await store.loadThreadItems(threadId, { limit: 10, order: 'asc' })).data).toEqual([]);
    expect((await call('threads.update', { thread_id: threadId, title: 'x' })).body.error.code).toBe('not_found');
  });

  test('items.feedback is stored once per item of the thread; ids the thread does not have are ignored (as the SDK answers {})', async () => {
    const { call, newThread, store } = setup();
    const threadId = await newThread();
    const other = await newThread('other');
    const [mine, theirs] = await Promise.all([threadId, other].map(async (t) => (await call('items.list', { thread_id: t })).body.data.map((i: Json) => i.id as string)));
    expect(await call('items.feedback', { thread_id: threadId, item_ids: [mine[1], mine[0], mine[1]], kind: 'negative' })).toEqual({ status: 200, body: {} });
    const stored = await store.loadFeedback(threadId);
    expect(stored.map((f) => [f.item_id, f.kind])).toEqual([[mine[1], 'negative'], [mine[0], 'negative']]);
    expect(await call('items.feedback', { thread_id: threadId, item_ids: ['msg_nope', theirs[1]], kind: 'positive' })).toEqual({ status: 200, body: {} });
    expect(await store.loadFeedback(threadId)).toEqual(stored);
    expect(await store.loadFeedback(other)).toEqual([]);
    expect((await call('items.feedback', { thread_id: 'thr_x', item_ids: [], kind: 'positive' })).status).toBe(404);
  });

  test('a direct upload whose bytes cannot be written leaves no attachment behind', async () => {
    const store = makeStore();
    const rows: string[] = [];
    const spy = {
      ...store,
      saveAttachmentBytes: async () => Promise.reject(new Error('disk full')),
      saveAttachment: async (a: Parameters<typeof store.saveAttachment>[0]) => (rows.push(a.id), store.saveAttachment(a)),
    };
    const server = createChatKitServer({ store: spy, respond: async function* () {}, onError: () => {} });
    const result = await server.createAttachment({ name: 'a.txt', mimeType: 'text/plain', bytes: new Uint8Array([1, 2]) }, undefined, { baseUrl: 'http://x/chatkit' });
    expect([result.status, rows]).toEqual([500, []]);
  });

  test('attachments.create describes an upload (PUT to /uploads/<id>) and previews only raster images', async () => {
    const { server } = setup();
    const opts = { baseUrl: 'https://example.com/chatkit/' };
    const image = jsonOf(await server.process({ type: 'attachments.create', params: { name: 'cat.png', size: 10, mime_type: 'image/png' } }, undefined, opts));
    const id = image.body.id as string;
    expect(image.body).toEqual({
      id,
      name: 'cat.png',
      mime_type: 'image/png',
      upload_descriptor: { url: `https://example.com/chatkit/uploads/${id}`, method: 'PUT', headers: {} },
      type: 'image',
      preview_url: `https://example.com/chatkit/files/${id}`,
    });
    const svg = jsonOf(await server.process({ type: 'attachments.create', params: { name: 'x.svg', size: 10, mime_type: 'image/svg+xml' } }));
    expect(svg.body).toMatchObject({ type: 'file', upload_descriptor: { url: `/chatkit/uploads/${svg.body.id}` } });
    expect(svg.body.preview_url).toBe(undefined);
    const hostile = jsonOf(await server.process({ type: 'attachments.create', params: { name: 'a\r\nb', size: 1, mime_type: 'text/html\r\nx: y' } }));
    expect(hostile.body).toMatchObject({ name: 'ab', mime_type: 'application/octet-stream', type: 'file' });
  });

  test('attachments.create refuses files over the limit (413) and when uploads are disabled (400)', async () => {
    const small = setup({ attachments: { maxBytes: 100 } });
    expect(jsonOf(await small.server.process({ type: 'attachments.create', params: { name: 'a', size: 101, mime_type: 'text/plain' } }))).toEqual({
      status: 413,
      body: { error: { code: 'payload_too_large', message: 'file is larger than 100 bytes' } },
    });
    const off = setup({ attachments: false });
    expect(jsonOf(await off.server.process({ type: 'attachments.create', params: { name: 'a', size: 1, mime_type: 'text/plain' } }))).toEqual({
      status: 400,
      body: { error: { code: 'not_configured', message: 'attachments are not enabled' } },
    });
  });

  test('attachments.delete removes the attachment and its bytes, and is idempotent', async () => {
    const { server, store, call } = setup();
    const created = jsonOf(await server.createAttachment({ name: 'a.txt', mimeType: 'text/plain', bytes: new Uint8Array([65]) }));
    expect(created.status).toBe(200);
    expect(await call('attachments.delete', { attachment_id: created.body.id })).toEqual({ status: 200, body: {} });
    expect(await store.loadAttachmentBytes(created.body.id)).toBe(null);
    expect(await call('attachments.delete', { attachment_id: created.body.id })).toEqual({ status: 200, body: {} });
  });

  test('input.transcribe decodes the audio for the hook, and is a 400 without one or with bad base64', async () => {
    const seen: [number[], string][] = [];
    const { call } = setup({ transcribe: async (audio, mime) => (seen.push([[...audio], mime]), { text: 'hello' }) });
    expect(await call('input.transcribe', { audio_base64: 'YWJjZA==', mime_type: 'audio/webm' })).toEqual({ status: 200, body: { text: 'hello' } });
    expect(seen).toEqual([[[97, 98, 99, 100], 'audio/webm']]);
    expect(await call('input.transcribe', { audio_base64: 'not base64!', mime_type: 'audio/webm' })).toEqual({
      status: 400,
      body: { error: { code: 'invalid_request', message: 'params.audio_base64: expected base64 data' } },
    });
    expect(await setup().call('input.transcribe', { audio_base64: '', mime_type: 'audio/webm' })).toEqual({
      status: 400,
      body: { error: { code: 'not_configured', message: 'transcription is not configured' } },
    });
  });

  test('threads.sync_custom_action returns the hook item, {} without one, and 400 without a hook or widget', async () => {
    let reply: Json;
    const { call, newThread } = setup({ syncAction: async () => reply });
    const threadId = await newThread();
    const params = { thread_id: threadId, action: { type: 'toggle' } };
    reply = undefined;
    expect(await call('threads.sync_custom_action', params)).toEqual({ status: 200, body: {} });
    const widget = { id: 'w', type: 'widget', thread_id: threadId, created_at: 'now', widget: { type: 'Card' } };
    reply = { updated_item: { ...widget, copy_text: null } };
    expect((await call('threads.sync_custom_action', params)).body).toEqual({ updated_item: widget });
    const items = (await call('items.list', { thread_id: threadId })).body.data;
    expect((await call('threads.sync_custom_action', { ...params, item_id: items[0].id })).body.error.message).toBe(`item ${items[0].id} is not a widget`);
    expect((await setup().call('threads.sync_custom_action', { ...params })).status).toBe(404);
  });

  test('an unexpected store failure is a 500 without details, reported to onError', async () => {
    const errors: unknown[] = [];
    const { server, store } = setup({ onError: (e) => errors.push(e) });
    store.loadThreads = async () => {
      throw new Error('disk on fire');
    };
    expect(jsonOf(await server.process({ type: 'threads.list', params: {} }))).toEqual({
      status: 500,
      body: { error: { code: 'internal_error', message: 'internal server error' } },
    });
    expect(String(errors[0])).toBe('Error: disk on fire');
  });
});
