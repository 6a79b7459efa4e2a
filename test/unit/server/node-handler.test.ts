/** The Node adapter over real sockets on 127.0.0.1: SSE framing, CORS, limits, uploads, files, disconnects. */
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { readSse } from '../../../src/client/sse.ts';
import { assistantItem, textOf } from '../../../src/server/agents/agent-kit.ts';
import { createChatKitServer } from '../../../src/server/chatkit-server.ts';
import { createMemoryStore } from '../../../src/server/memory-store.ts';
import { createNodeHandler, type NodeHandlerOptions } from '../../../src/server/node-handler.ts';
import type { ChatKitServerOptions, RespondFn } from '../../../src/server/server-types.ts';
import type { Store } from '../../../src/server/store.ts';
import { userInput, type Json } from './helpers.ts';

const WIDGET = 'http://widget.test';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => (s.closeAllConnections(), s.close(resolve)))));
});

const echo: RespondFn<Json> = async function* (thread, input, ctx) {
  const text = `${ctx.context?.user ?? 'anon'}: ${input ? textOf(input) : ''}`;
  yield { type: 'thread.item.done', item: assistantItem(ctx.generateId('message'), thread.id, text) };
};

async function start(
  respond: RespondFn<Json> = echo,
  handlerOptions: NodeHandlerOptions<Json> = {},
  serverOptions: Partial<ChatKitServerOptions<Json>> = {},
): Promise<{ url: string; store: Store }> {
  const store = createMemoryStore();
  const chatkit = createChatKitServer<Json>({ store, respond, ...serverOptions });
  const handler = createNodeHandler(chatkit, { cors: { origins: [WIDGET] }, ...handlerOptions });
  const server = createServer((req, res) => {
    void handler(req, res).then((handled) => {
      if (!handled) res.writeHead(404, { 'content-type': 'text/plain' }).end('not ours');
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, store };
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/chatkit`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

function multipart(file: Blob, name: string): FormData {
  const form = new FormData();
  form.set('file', file, name);
  return form;
}

describe('the Node handler', () => {
  test('streams each event as `data: <json>\\n\\n` with the SSE headers', async () => {
    const { url } = await start();
    const res = await post(url, { type: 'threads.create', params: { input: userInput('hi') } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('x-accel-buffering')).toBe('no');
    const text = await res.text();
    expect(text).toMatch(/^(data: \{[^\n]+\}\n\n){4}$/);
    const events = text.split('\n\n').filter(Boolean).map((chunk) => JSON.parse(chunk.slice(6)) as Json);
    expect(events.map((e) => e.type)).toEqual(['thread.created', 'thread.item.done', 'stream_options', 'thread.item.done']);
    expect(events[3].item.content[0].text).toBe('anon: hi');
  });

  test('flushes every event as it happens, before the next one exists', async () => {
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { url } = await start(async function* () {
      yield { type: 'progress_update', text: 'first' };
      await gate;
      yield { type: 'progress_update', text: 'second' };
    });
    const res = await post(url, { type: 'threads.create', params: { input: userInput('hi') } });
    const seen: string[] = [];
    for await (const data of readSse(res.body as ReadableStream<Uint8Array>)) {
      const event = JSON.parse(data) as Json;
      seen.push(event.type === 'progress_update' ? event.text : event.type);
      if (event.text === 'first') release();
    }
    expect(seen).toEqual(['thread.created', 'thread.item.done', 'stream_options', 'first', 'second']);
  });

  test('answers JSON requests with the request context from the context builder', async () => {
    const { url } = await start(echo, { context: (req: IncomingMessage) => ({ user: req.headers['x-user'] }) });
    const created = await post(url, { type: 'threads.create', params: { input: userInput('yo') } }, { 'x-user': 'ada' });
    const threadId = JSON.parse((await created.text()).split('\n\n')[0]?.slice(6) ?? '{}').thread.id;
    const res = await post(url, { type: 'items.list', params: { thread_id: threadId, order: 'asc' } });
    expect(res.headers.get('content-type')).toBe('application/json');
    const body = (await res.json()) as Json;
    expect(body.data[1].content[0].text).toBe('ada: yo');
  });

  test('answers 400 for a bad body and 405 for other methods on the endpoint', async () => {
    const { url } = await start();
    const bad = await fetch(`${url}/chatkit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Json).error.code).toBe('invalid_request');
    const get = await fetch(`${url}/chatkit`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST, OPTIONS');
    expect(await get.json()).toEqual({ error: { code: 'method_not_allowed', message: 'GET is not allowed here; use POST' } });
  });

  test('leaves paths it does not own to the next route', async () => {
    const { url } = await start();
    for (const path of ['/other', '/chatkitx', '/chatkit/nope', '/chatkit/files/../secret', '/chatkit/files/a%2Fb']) {
      const res = await fetch(`${url}${path}`);
      expect([path, res.status, await res.text()]).toEqual([path, 404, 'not ours']);
    }
  });

  test('refuses a JSON body over the limit with 413, declared or streamed, and stores nothing', async () => {
    const { url, store } = await start(echo, { maxBodyBytes: 200 });
    const big = { type: 'threads.create', params: { input: userInput('x'.repeat(300)) } };
    const declared = await post(url, big);
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({ error: { code: 'payload_too_large', message: 'request body is larger than 200 bytes' } });
    const bytes = new TextEncoder().encode(JSON.stringify(big));
    const streamed = await fetch(`${url}/chatkit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({ start: (c) => (c.enqueue(bytes.slice(0, 150)), c.enqueue(bytes.slice(150)), c.close()) }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect((await store.loadThreads({ limit: 10, order: 'asc' })).data).toEqual([]);
  });

  test('a body that trickles in slower than the body timeout gets 408, the connection is closed, nothing is stored', async () => {
    const { url, store } = await start(echo, { bodyTimeoutMs: 300 });
    const port = Number(new URL(url).port);
    const answer = await new Promise<{ status: number; body: string; closed: boolean }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/chatkit', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '1000' } });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => req.socket?.once('close', () => resolve({ status: res.statusCode ?? 0, body, closed: true })));
      });
      req.on('error', reject);
      req.write('{"type": "threads.create", ');
      // …and never the rest.
    });
    expect(answer).toEqual({ status: 408, body: JSON.stringify({ error: { code: 'request_timeout', message: 'the request body did not arrive within 300 ms' } }), closed: true });
    expect((await store.loadThreads({ limit: 10, order: 'asc' })).data).toEqual([]);
  });

  test('answers a CORS preflight from an allowed origin, and only echoes allowed origins', async () => {
    const { url } = await start();
    const preflight = await fetch(`${url}/chatkit`, { method: 'OPTIONS', headers: { origin: WIDGET, 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect(Object.fromEntries([...preflight.headers].filter(([k]) => k.startsWith('access-control') || k === 'vary'))).toEqual({
      'access-control-allow-origin': WIDGET,
      'access-control-allow-methods': 'POST, OPTIONS',
      'access-control-allow-headers': 'content-type, accept-language, authorization',
      'access-control-max-age': '600',
      vary: 'origin',
    });
    const uploadPreflight = await fetch(`${url}/chatkit/uploads/atc_1`, { method: 'OPTIONS', headers: { origin: WIDGET } });
    expect(uploadPreflight.headers.get('access-control-allow-methods')).toBe('PUT, POST, OPTIONS');
    const stranger = await fetch(`${url}/chatkit`, { method: 'OPTIONS', headers: { origin: 'http://evil.test' } });
    expect(stranger.status).toBe(204);
    expect(stranger.headers.get('access-control-allow-origin')).toBe(null);
    const allowed = await post(url, { type: 'threads.list', params: {} }, { origin: WIDGET });
    expect([allowed.headers.get('access-control-allow-origin'), allowed.headers.get('vary')]).toEqual([WIDGET, 'origin']);
    const denied = await post(url, { type: 'threads.list', params: {} }, { origin: 'http://evil.test' });
    expect(denied.headers.get('access-control-allow-origin')).toBe(null);
  });

  test('two-phase upload: create, PUT the bytes, then serve the image inline with safe headers', async () => {
    const { url } = await start();
    const created = (await (await post(url, { type: 'attachments.create', params: { name: 'cat.png', size: PNG.length, mime_type: 'image/png' } })).json()) as Json;
    expect(created.upload_descriptor).toEqual({ url: `${url}/chatkit/uploads/${created.id}`, method: 'PUT', headers: {} });
    expect(created.preview_url).toBe(`${url}/chatkit/files/${created.id}`);
    expect((await fetch(created.preview_url)).status).toBe(404);
    const put = await fetch(created.upload_descriptor.url, { method: 'PUT', body: PNG });
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ id: created.id, name: 'cat.png', mime_type: 'image/png', type: 'image', preview_url: created.preview_url });
    const file = await fetch(created.preview_url, { headers: { origin: WIDGET } });
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PNG);
    const names = ['content-type', 'content-disposition', 'x-content-type-options', 'content-security-policy'];
    const headers = Object.fromEntries([...names, 'access-control-allow-origin'].map((h) => [h, file.headers.get(h)]));
    expect(headers).toEqual({
      'content-type': 'image/png',
      'content-disposition': "inline; filename*=UTF-8''cat.png",
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'access-control-allow-origin': WIDGET,
    });
    const again = await fetch(created.upload_descriptor.url, { method: 'PUT', body: PNG });
    expect(again.status).toBe(409);
  });

  test('two-phase upload also accepts a multipart POST to the upload URL', async () => {
    const { url } = await start();
    const created = (await (await post(url, { type: 'attachments.create', params: { name: 'a.txt', size: 5, mime_type: 'text/plain' } })).json()) as Json;
    const res = await fetch(created.upload_descriptor.url, { method: 'POST', body: multipart(new Blob(['hello']), 'ignored.txt') });
    expect(res.status).toBe(200);
    expect(await (await fetch(`${url}/chatkit/files/${created.id}`)).text()).toBe('hello');
  });

  test('direct upload: a multipart POST creates the attachment; non-images download as attachments', async () => {
    const { url } = await start(echo, { publicUrl: 'https://chat.example.com/api/chatkit' });
    const res = await fetch(`${url}/chatkit/upload`, { method: 'POST', body: multipart(new Blob(['<script>alert(1)</script>'], { type: 'text/html' }), 'page.html') });
    expect(res.status).toBe(200);
    const attachment = (await res.json()) as Json;
    expect(attachment).toEqual({ id: attachment.id, name: 'page.html', mime_type: 'text/html', type: 'file' });
    const file = await fetch(`${url}/chatkit/files/${attachment.id}`);
    expect(file.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''page.html");
    expect(file.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    const head = await fetch(`${url}/chatkit/files/${attachment.id}`, { method: 'HEAD' });
    expect([head.status, head.headers.get('content-length'), await head.text()]).toEqual([200, '25', '']);
    const png = multipart(new Blob([PNG], { type: 'image/png' }), 'p.png');
    const image = (await (await fetch(`${url}/chatkit/upload`, { method: 'POST', body: png })).json()) as Json;
    expect(image.preview_url).toBe(`https://chat.example.com/api/chatkit/files/${image.id}`);
  });

  test('uploads over the size limit get 413 and store no bytes, both ways', async () => {
    let saved = 0;
    const { url, store } = await start(echo, {}, { attachments: { maxBytes: 1000 } });
    const save = store.saveAttachmentBytes.bind(store);
    store.saveAttachmentBytes = async (id, bytes) => (saved++, save(id, bytes));
    const big = new Uint8Array(1001);
    const direct = await fetch(`${url}/chatkit/upload`, { method: 'POST', body: multipart(new Blob([big]), 'big.bin') });
    expect(direct.status).toBe(413);
    expect(await direct.json()).toEqual({ error: { code: 'payload_too_large', message: 'file is larger than 1000 bytes' } });
    const created = (await (await post(url, { type: 'attachments.create', params: { name: 'b', size: 10, mime_type: 'text/plain' } })).json()) as Json;
    const put = await fetch(created.upload_descriptor.url, { method: 'PUT', body: big });
    expect(put.status).toBe(413);
    const huge = await fetch(created.upload_descriptor.url, { method: 'PUT', body: new Uint8Array(200_000) });
    expect(huge.status).toBe(413);
    expect(saved).toBe(0);
    expect((await fetch(`${url}/chatkit/files/${created.id}`)).status).toBe(404);
  });

  test('a direct upload that is not multipart, or has no file field, is a 400', async () => {
    const { url } = await start();
    const raw = await fetch(`${url}/chatkit/upload`, { method: 'POST', body: 'hello' });
    expect(await raw.json()).toEqual({ error: { code: 'invalid_request', message: 'expected a multipart/form-data body with a file field named "file"' } });
    const form = new FormData();
    form.set('other', 'x');
    expect((await fetch(`${url}/chatkit/upload`, { method: 'POST', body: form })).status).toBe(400);
    const broken = await fetch(`${url}/chatkit/upload`, { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=zz' }, body: '--zz\r\nnonsense' });
    expect(broken.status).toBe(400);
  });

  test('a client that disconnects mid-answer cancels the run, which saves the partial answer', async () => {
    let cancelled = (): void => undefined;
    const done = new Promise<void>((resolve) => (cancelled = resolve));
    const { url, store } = await start(async function* (thread, _input, ctx) {
      const created_at = new Date().toISOString();
      yield { type: 'thread.item.added', item: { id: 'a1', thread_id: thread.id, created_at, type: 'assistant_message', content: [] } };
      yield { type: 'thread.item.updated', item_id: 'a1', update: { type: 'assistant_message.content_part.text_delta', content_index: 0, delta: 'partial' } };
      await new Promise((resolve) => ctx.signal.addEventListener('abort', resolve));
      cancelled();
    });
    const abort = new AbortController();
    const res = await fetch(`${url}/chatkit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'threads.create', params: { input: userInput('hi') } }), signal: abort.signal });
    let threadId = '';
    try {
      for await (const data of readSse(res.body as ReadableStream<Uint8Array>, abort.signal)) {
        const event = JSON.parse(data) as Json;
        if (event.type === 'thread.created') threadId = event.thread.id;
        if (event.type === 'thread.item.updated') abort.abort();
      }
    } catch {
      // The abort rejects the read, as fetch does.
    }
    await done;
    await expect.poll(async () => (await store.loadThreadItems(threadId, { limit: 10, order: 'asc' })).data.map((i) => i.type)).toEqual([
      'user_message',
      'assistant_message',
      'sdk_hidden_context',
    ]);
  });

  test('a cross-site request without a preflight cannot write: text/plain bodies get 415 and store nothing', async () => {
    const { url, store } = await start();
    const created = await post(url, { type: 'threads.create', params: { input: userInput('mine') } });
    const threadId = JSON.parse((await created.text()).split('\n\n')[0]?.slice(6) ?? '{}').thread.id as string;
    // What fetch(..., { mode: 'no-cors' }) sends: a "simple" request, no preflight; refused by origin (403) and, from
    // anywhere else (an allowed origin's page, a non-browser client), by its content type (415).
    const body = JSON.stringify({ type: 'threads.delete', params: { thread_id: threadId } });
    const simple = (origin?: string) =>
      fetch(`${url}/chatkit`, { method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8', ...(origin ? { origin } : {}) }, body });
    expect((await simple('http://evil.test')).status).toBe(403);
    expect((await simple(WIDGET)).status).toBe(415);
    const res = await simple();
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({ error: { code: 'unsupported_media_type', message: 'requests to the ChatKit endpoint must be Content-Type: application/json' } });
    expect(await store.loadThread(threadId)).toMatchObject({ id: threadId });
  });

  test('a request from an origin that is not allowed gets 403 before its body is read', async () => {
    const { url, store } = await start();
    const res = await post(url, { type: 'threads.create', params: { input: userInput('hi') } }, { origin: 'http://evil.test' });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: { code: 'forbidden_origin', message: 'origin http://evil.test is not allowed to call this endpoint' } });
    expect((await store.loadThreads({ limit: 10, order: 'desc' })).data).toEqual([]);
    // A multipart upload is a simple request too.
    const upload = await fetch(`${url}/chatkit/upload`, { method: 'POST', headers: { origin: 'http://evil.test' }, body: multipart(new Blob([PNG], { type: 'image/png' }), 'a.png') });
    expect(upload.status).toBe(403);
    // The allowed origin, same-origin requests and non-browser clients (no Origin header) still work.
    expect((await post(url, { type: 'threads.list', params: {} }, { origin: WIDGET })).status).toBe(200);
    expect((await post(url, { type: 'threads.list', params: {} }, { origin: url })).status).toBe(200);
    expect((await post(url, { type: 'threads.list', params: {} })).status).toBe(200);
  });

  test('upload URLs come from the listen address, never from the Host header', async () => {
    const { url } = await start();
    // fetch() will not send a Host of our choosing; a raw request will, as an attacker's client does.
    const payload = JSON.stringify({ type: 'attachments.create', params: { name: 'a.png', size: PNG.length, mime_type: 'image/png' } });
    const text = await new Promise<string>((ok, no) => {
      const req = request(`${url}/chatkit`, { method: 'POST', headers: { host: 'attacker.example', 'content-type': 'application/json' } }, (res) => {
        let out = '';
        res.on('data', (d: Buffer) => (out += d.toString()));
        res.on('end', () => ok(out));
      });
      req.on('error', no);
      req.end(payload);
    });
    const body = JSON.parse(text) as { id: string; upload_descriptor: { url: string }; preview_url: string };
    expect(body.upload_descriptor.url).toBe(`${url}/chatkit/uploads/${body.id}`);
    expect(body.preview_url).toBe(`${url}/chatkit/files/${body.id}`);
  });
});
