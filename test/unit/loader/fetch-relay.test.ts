/**
 * A host `api.fetch` relayed end to end: the frame's `relayFetch` (src/bridge/handles.ts) on one endpoint, the
 * loader extension's `serve` on the other, real MessageChannels for the RPC port and the per-call body port.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { encode, serve } from '../../../loader/extension.ts';
import type { HostFn } from '../../../loader/widget.ts';
import { createEndpoint } from '../../../src/bridge/endpoint.ts';
import { relayFetch } from '../../../src/bridge/handles.ts';
import { NS, VERSION, isPortMessage, type FnHandle } from '../../../src/bridge/messages.ts';
import { defer, errorFields, waitFor } from '../bridge/ports.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanups.splice(0)) f();
});

/** The frame-side fetch for a host fetch function, wired as the loader wires it. */
function relayed(hostFetch: (url: unknown, init: RequestInit) => unknown): typeof fetch {
  const fns = new Map<number, HostFn>();
  const options = encode({ api: { fetch: hostFetch } }, fns) as { api: { fetch: FnHandle } };
  const { port1, port2 } = new MessageChannel();
  const frame = createEndpoint(port1, new Map(), () => {});
  port2.onmessage = ({ data }: MessageEvent) => {
    if (isPortMessage(data) && data.type === 'call') serve(data, (m) => port2.postMessage({ ns: NS, v: VERSION, ...m }), fns);
  };
  cleanups.push(() => (frame.destroy(), port2.close()));
  return relayFetch(frame, options.api.fetch.$fn);
}

const encoder = new TextEncoder();
const SSE = 'data: {"type":"thread.created","thread":{"id":"thr_1"}}\n\ndata: {"type":"delta","text":"héllo ✓ 日本"}\n\n: keep-alive\n\n';
const BYTES = encoder.encode(SSE);
// Odd split points: a one-byte chunk (74–75) and three cuts inside multi-byte UTF-8 characters (é, ✓, 日).
const SPLITS = [1, 7, 13, 56, 74, 75, 89, 95, 100, 117, BYTES.length];

const concat = (parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) out.set(p, (at += p.length) - p.length);
  return out;
};

describe('relayed api.fetch', () => {
  it("gives the host's fetch init.headers as a plain object, so the documented { ...init.headers, Authorization } keeps them", async () => {
    let sent: Headers | undefined;
    // The README's pattern: a host fetch that adds Authorization to the headers it was given.
    const fetchViaHost = relayed(async (_url, init) => {
      sent = new Headers({ ...(init.headers as Record<string, string>), Authorization: 'Bearer t' });
      return new Response('{}');
    });
    await fetchViaHost('https://api.example/chatkit', {
      method: 'POST',
      body: '{}',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream', 'Accept-Language': 'ko' },
    });
    expect(Object.fromEntries(sent!)).toEqual({
      accept: 'text/event-stream',
      'accept-language': 'ko',
      authorization: 'Bearer t',
      'content-type': 'application/json',
    });
  });

  it('streams the host response body to the frame chunk by chunk, in order, with status and headers', async () => {
    const parts = SPLITS.map((end, i) => BYTES.slice(SPLITS[i - 1] ?? 0, end));
    expect(new TextDecoder().decode(concat(parts))).toBe(SSE);
    expect([BYTES[88], BYTES[89], BYTES[95], BYTES[100]].every((b) => b! >= 0x80)).toBe(true);
    const lastGate = defer<void>();
    const seen: [unknown, RequestInit][] = [];
    const fetchViaHost = relayed(async (url, init) => {
      seen.push([url, init]);
      const body = new ReadableStream<Uint8Array>({
        async start(c) {
          for (const [i, part] of parts.entries()) {
            if (i === parts.length - 1) await lastGate.promise;
            await new Promise((r) => setTimeout(r, 2));
            c.enqueue(part);
          }
          c.close();
        },
      });
      return new Response(body, { status: 201, statusText: 'Created', headers: { 'content-type': 'text/event-stream', 'x-request-id': 'req_1' } });
    });

    const res = await fetchViaHost('https://api.example/chatkit', { method: 'POST', body: '{"type":"threads.create"}', headers: { 'Content-Type': 'application/json' } });
    expect([res.status, res.statusText]).toEqual([201, 'Created']);
    expect([...res.headers]).toEqual([['content-type', 'text/event-stream'], ['x-request-id', 'req_1']]);
    expect(seen).toHaveLength(1);
    const [url, init] = seen[0]!;
    expect(url).toBe('https://api.example/chatkit');
    expect([init.method, init.body, init.headers]).toEqual(['POST', '{"type":"threads.create"}', { 'content-type': 'application/json' }]);
    expect(init.signal).toBeInstanceOf(AbortSignal);

    const reader = res.body!.getReader();
    const got: Uint8Array[] = [];
    // Everything but the last chunk arrives while the host still holds the last one back: it streams.
    while (got.reduce((n, p) => n + p.length, 0) < BYTES.length - parts.at(-1)!.length) got.push((await reader.read()).value!);
    lastGate.resolve();
    for (let r; !(r = await reader.read()).done; ) got.push(r.value);
    expect(Buffer.from(concat(got)).equals(Buffer.from(BYTES))).toBe(true);
    expect(got.map((c) => c.length)).toEqual(parts.map((p) => p.length));
  });

  it('accepts a URL object and a Request as input', async () => {
    const urls: unknown[] = [];
    const fetchViaHost = relayed((url) => (urls.push(url), new Response('ok')));
    await fetchViaHost(new URL('https://api.example/a?b=1'));
    await fetchViaHost(new Request('https://api.example/c'));
    expect(urls).toEqual(['https://api.example/a?b=1', 'https://api.example/c']);
  });

  it('gives a null body for 204 and maps a status outside 200–599 to 502', async () => {
    const noContent = await relayed(() => new Response(null, { status: 204 }))('/x');
    expect([noContent.status, noContent.body]).toEqual([204, null]);
    const networkError = await relayed(() => Response.error())('/x');
    expect(networkError.status).toBe(502);
  });

  it('sends a FormData body to the host as a multipart Blob whose content-type names its boundary', async () => {
    const seen: RequestInit[] = [];
    const fetchViaHost = relayed((_url, init) => (seen.push(init), new Response('{}')));
    const form = new FormData();
    form.append('purpose', 'upload');
    form.append('file', new File(['file bytes ✓'], 'notes.txt', { type: 'text/plain' }));
    await fetchViaHost('/upload', { method: 'POST', body: form, headers: { 'x-extra': '1' } });
    const init = seen[0]!;
    expect(init.body).toBeInstanceOf(Blob);
    const headers = new Map(Object.entries(init.headers as Record<string, string>));
    expect(headers.get('x-extra')).toBe('1');
    const type = headers.get('content-type')!;
    const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(type)?.[1];
    expect(boundary).toBeTruthy();
    const text = await (init.body as Blob).text();
    expect(text.startsWith(`--${boundary}\r\n`)).toBe(true);
    expect(text.endsWith(`--${boundary}--\r\n`)).toBe(true);
    const parsed = await new Response(init.body as Blob, { headers: { 'content-type': type } }).formData();
    expect(parsed.get('purpose')).toBe('upload');
    const file = parsed.get('file') as File;
    expect([file.name, file.type, await file.text()]).toEqual(['notes.txt', 'text/plain', 'file bytes ✓']);
  });

  it('sends a URLSearchParams body as urlencoded bytes with its content-type', async () => {
    const seen: RequestInit[] = [];
    await relayed((_url, init) => (seen.push(init), new Response('')))('/form', { method: 'POST', body: new URLSearchParams({ a: '1', b: 'two words' }) });
    expect(await (seen[0]!.body as Blob).text()).toBe('a=1&b=two+words');
    expect(seen[0]!.headers).toEqual({ 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' });
  });

  it('refuses a body structured clone cannot carry as text or Blob, without calling the host', async () => {
    const hostFetch = vi.fn(() => new Response(''));
    const e = await relayed(hostFetch)('/x', { method: 'POST', body: new Uint8Array([1, 2]) }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TypeError);
    expect((e as Error).message).toBe('Unsupported request body for a host api.fetch');
    expect(hostFetch).not.toHaveBeenCalled();
  });

  it('aborting the frame signal before the response aborts the host fetch and rejects with the reason', async () => {
    let hostSignal: AbortSignal | undefined;
    const fetchViaHost = relayed((_url, init) => {
      hostSignal = init.signal!;
      return new Promise((_ok, no) => init.signal!.addEventListener('abort', () => no(init.signal!.reason)));
    });
    const ctl = new AbortController();
    const p = fetchViaHost('/slow', { signal: ctl.signal });
    await waitFor(() => hostSignal !== undefined);
    expect(hostSignal!.aborted).toBe(false);
    ctl.abort();
    expect(errorFields(await p.catch((e: unknown) => e)).name).toBe('AbortError');
    await waitFor(() => hostSignal!.aborted);
  });

  it('aborting the frame signal while the body streams aborts the host fetch and errors the frame body', async () => {
    let hostSignal: AbortSignal | undefined;
    const fetchViaHost = relayed((_url, init) => {
      hostSignal = init.signal!;
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(encoder.encode('data: 1\n\n'));
          init.signal!.addEventListener('abort', () => c.error(init.signal!.reason));
        },
      });
      return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    });
    const ctl = new AbortController();
    const res = await fetchViaHost('/stream', { signal: ctl.signal });
    const reader = res.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('data: 1\n\n');
    const next = reader.read();
    ctl.abort();
    expect(errorFields(await next.catch((e: unknown) => e)).name).toBe('AbortError');
    await waitFor(() => hostSignal!.aborted);
  });

  it('cancelling the frame body aborts the host fetch', async () => {
    let hostSignal: AbortSignal | undefined;
    const fetchViaHost = relayed((_url, init) => {
      hostSignal = init.signal!;
      return new Response(new ReadableStream({ start: (c) => init.signal!.addEventListener('abort', () => c.error(init.signal!.reason)) }));
    });
    const res = await fetchViaHost('/stream');
    await res.body!.cancel();
    await waitFor(() => hostSignal?.aborted === true);
  });

  it('cancels the host body when the frame gave up while the host fetch, ignoring its signal, was still pending', async () => {
    const head = defer<void>();
    let cancelled = false;
    let pulls = 0;
    let hostSignal: AbortSignal | undefined;
    const fetchViaHost = relayed(async (_url, init) => {
      hostSignal = init.signal!;
      await head.promise; // never looks at its signal
      const body = new ReadableStream<Uint8Array>({
        // Bounded, so that a relay which never cancels fails the test instead of streaming forever.
        pull: (c) => void (++pulls > 200 ? c.close() : c.enqueue(encoder.encode('data: more\n\n'))),
        cancel: () => void (cancelled = true),
      });
      return new Response(body);
    });
    const ctl = new AbortController();
    const pending = fetchViaHost('/stream', { signal: ctl.signal }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 10));
    ctl.abort();
    expect(errorFields(await pending).name).toBe('AbortError');
    await waitFor(() => hostSignal?.aborted === true);
    head.resolve();
    await waitFor(() => cancelled);
    expect(pulls).toBeLessThan(200);
  });

  it('rejects at once for an already aborted signal without calling the host', async () => {
    const hostFetch = vi.fn(() => new Response(''));
    const e = await relayed(hostFetch)('/x', { signal: AbortSignal.abort() }).catch((x: unknown) => x);
    expect(errorFields(e).name).toBe('AbortError');
    expect(hostFetch).not.toHaveBeenCalled();
  });

  it('rejects the frame fetch when the host fetch rejects', async () => {
    const e = await relayed(async () => { throw new TypeError('Failed to fetch'); })('/x').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(Error);
    expect(errorFields(e)).toEqual({ name: 'TypeError', message: 'Failed to fetch', code: 'FAILED' });
  });

  it('errors the frame body when the host body errors mid-stream, after the chunks before it', async () => {
    const gate = defer<void>();
    const fetchViaHost = relayed(() => {
      const body = new ReadableStream<Uint8Array>({
        async start(c) {
          c.enqueue(encoder.encode('data: first\n\n'));
          await gate.promise;
          c.error(Object.assign(new Error('connection reset'), { code: 'ECONNRESET' }));
        },
      });
      return new Response(body);
    });
    const res = await fetchViaHost('/stream');
    const reader = res.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('data: first\n\n');
    gate.resolve();
    const e = await reader.read().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(Error);
    expect(errorFields(e)).toEqual({ name: 'Error', message: 'connection reset', code: 'FAILED' });
  });
});
