/** The fetch-style adapter, driven with Web `Request`s as Workers, Deno and Bun would. */
import { describe, expect, test } from 'vitest';
import { assistantItem } from '../../../src/server/agents/agent-kit.ts';
import { createChatKitServer } from '../../../src/server/chatkit-server.ts';
import { createFetchHandler } from '../../../src/server/fetch-handler.ts';
import { createMemoryStore } from '../../../src/server/memory-store.ts';
import type { RespondFn } from '../../../src/server/server-types.ts';
import { userInput, type Json } from './helpers.ts';

const BASE = 'https://chat.example.com';
const WIDGET = 'https://widget.example.com';

function setup(respond: RespondFn<Json>, maxBytes = 1000) {
  const store = createMemoryStore();
  const server = createChatKitServer<Json>({ store, respond, attachments: { maxBytes } });
  const handle = createFetchHandler(server, {
    cors: { origins: [WIDGET], credentials: true },
    maxBodyBytes: 500,
    context: (request) => ({ user: request.headers.get('x-user') }),
  });
  return { store, handle };
}

const say: RespondFn<Json> = async function* (thread, _input, ctx) {
  yield { type: 'thread.item.done', item: assistantItem('a1', thread.id, `hello ${ctx.context.user}`) };
};

const postJson = (body: unknown, headers: Record<string, string> = {}) =>
  new Request(`${BASE}/chatkit`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('the fetch handler', () => {
  test('streams SSE with the same framing and headers as the Node handler', async () => {
    const { handle } = setup(say);
    const res = await handle(postJson({ type: 'threads.create', params: { input: userInput('hi') } }, { 'x-user': 'bo', origin: WIDGET }));
    expect([res.status, res.headers.get('content-type'), res.headers.get('cache-control'), res.headers.get('x-accel-buffering')]).toEqual([200, 'text/event-stream', 'no-cache', 'no']);
    expect([res.headers.get('access-control-allow-origin'), res.headers.get('access-control-allow-credentials')]).toEqual([WIDGET, 'true']);
    const text = await res.text();
    expect(text).toMatch(/^(data: \{[^\n]+\}\n\n){4}$/);
    expect(text).toContain('"text":"hello bo"');
  });

  test('answers JSON, 404 outside its paths, 405, 413 and preflights', async () => {
    const { handle } = setup(say);
    const list = await handle(postJson({ type: 'threads.list', params: {} }));
    expect([list.status, list.headers.get('content-type'), await list.json()]).toEqual([200, 'application/json', { data: [], has_more: false }]);
    const elsewhere = await handle(new Request(`${BASE}/other`));
    expect([elsewhere.status, await elsewhere.json()]).toEqual([404, { error: { code: 'not_found', message: 'no route for /other' } }]);
    const get = await handle(new Request(`${BASE}/chatkit`));
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST, OPTIONS']);
    const big = await handle(postJson({ type: 'threads.create', params: { input: userInput('x'.repeat(600)) } }));
    expect([big.status, await big.json()]).toEqual([413, { error: { code: 'payload_too_large', message: 'request body is larger than 500 bytes' } }]);
    const preflight = await handle(new Request(`${BASE}/chatkit/upload`, { method: 'OPTIONS', headers: { origin: WIDGET } }));
    expect([preflight.status, preflight.headers.get('access-control-allow-methods')]).toEqual([204, 'POST, OPTIONS']);
  });

  test('uploads both ways, refuses oversize files, and serves files with safe headers', async () => {
    const { handle } = setup(say);
    const create = await handle(postJson({ type: 'attachments.create', params: { name: 'n.txt', size: 3, mime_type: 'text/plain' } }));
    const created = (await create.json()) as Json;
    expect(created.upload_descriptor.url).toBe(`${BASE}/chatkit/uploads/${created.id}`);
    const put = await handle(new Request(created.upload_descriptor.url, { method: 'PUT', body: 'abc' }));
    expect(put.status).toBe(200);
    const file = await handle(new Request(`${BASE}/chatkit/files/${created.id}`));
    expect([await file.text(), file.headers.get('content-disposition'), file.headers.get('x-content-type-options')]).toEqual(['abc', "attachment; filename*=UTF-8''n.txt", 'nosniff']);
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(1001)], { type: 'image/png' }), 'big.png');
    const tooBig = await handle(new Request(`${BASE}/chatkit/upload`, { method: 'POST', body: form }));
    expect(tooBig.status).toBe(413);
    form.set('file', new Blob([new Uint8Array(10)], { type: 'image/png' }), 'ok.png');
    const ok = (await (await handle(new Request(`${BASE}/chatkit/upload`, { method: 'POST', body: form }))).json()) as Json;
    expect(ok).toEqual({ id: ok.id, name: 'ok.png', mime_type: 'image/png', type: 'image', preview_url: `${BASE}/chatkit/files/${ok.id}` });
  });

  test('cancelling the response body cancels the run and saves the partial answer', async () => {
    const { handle, store } = setup(async function* (thread, _input, ctx) {
      yield { type: 'thread.item.added', item: { id: 'a1', thread_id: thread.id, created_at: new Date().toISOString(), type: 'assistant_message', content: [] } };
      yield { type: 'thread.item.updated', item_id: 'a1', update: { type: 'assistant_message.content_part.text_delta', content_index: 0, delta: 'half' } };
      await new Promise((resolve) => ctx.signal.addEventListener('abort', resolve));
    });
    const res = await handle(postJson({ type: 'threads.create', params: { input: userInput('hi') } }));
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes('text_delta')) text += decoder.decode((await reader.read()).value);
    await reader.cancel();
    const threadId = (JSON.parse(text.split('\n\n')[0]?.slice(6) ?? '') as Json).thread.id as string;
    const stored = (await store.loadThreadItems(threadId, { limit: 10, order: 'asc' })).data;
    expect(stored.map((i) => i.type)).toEqual(['user_message', 'assistant_message', 'sdk_hidden_context']);
  });

  test('an aborted request signal cancels the run as well', async () => {
    const { handle, store } = setup(async function* () {
      yield { type: 'progress_update', text: 'waiting' };
      yield { type: 'progress_update', text: 'never sent' };
    });
    const controller = new AbortController();
    const body = JSON.stringify({ type: 'threads.create', params: { input: userInput('hi') } });
    const res = await handle(new Request(`${BASE}/chatkit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: controller.signal }));
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    for (let i = 0; i < 4; i++) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    expect(await reader.read()).toEqual({ done: true, value: undefined });
    expect(text).toContain('waiting');
    const threadId = (JSON.parse(text.split('\n\n')[0]?.slice(6) ?? '') as Json).thread.id as string;
    const stored = (await store.loadThreadItems(threadId, { limit: 10, order: 'asc' })).data;
    expect(stored.map((i) => i.type)).toEqual(['user_message', 'sdk_hidden_context']);
  });
});
