/**
 * Frame side of host callbacks: `{ $fn: id }` handles in options become async functions that call the host.
 * A handle used as `api.fetch` becomes a fetch whose Response body streams back chunk by chunk.
 */
import type { Endpoint } from './endpoint.ts';
import { fromErrorData } from './errors.ts';
import { isFnHandle } from './messages.ts';

/** Host callbacks may wait on people (a confirm dialog in `onClientTool`), so they get a long timeout. */
export const CALLBACK_TIMEOUT_MS = 10 * 60_000;
/** A host fetch must produce response headers within this time; the body may then stream for as long as it needs. */
export const FETCH_HEAD_TIMEOUT_MS = 120_000;

const handleIds = new WeakMap<object, number>();

/** The handle id behind a decoded host function, if it is one. */
export function handleIdOf(fn: unknown): number | undefined {
  return typeof fn === 'function' ? handleIds.get(fn) : undefined;
}

/** Deep-copies `value` (plain objects/arrays only), turning handles into callable host functions. */
export function decodeHandles(value: unknown, host: Pick<Endpoint, 'call'>): unknown {
  if (isFnHandle(value)) {
    const id = value.$fn;
    const fn = (...args: unknown[]): Promise<unknown> => host.call('fn', [id, args], CALLBACK_TIMEOUT_MS);
    handleIds.set(fn, id);
    return fn;
  }
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => decodeHandles(v, host));
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (key === '__proto__') continue;
    out[key] = decodeHandles((value as Record<string, unknown>)[key], host);
  }
  return out;
}

const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/** Turns a request body into something structured clone accepts; FormData becomes a multipart Blob. */
async function relayBody(init: RequestInit): Promise<{ body?: string | Blob; headers: Record<string, string> }> {
  const headers = new Headers(init.headers);
  let body = init.body;
  if (body instanceof FormData || body instanceof URLSearchParams) {
    // Let the platform encode it (boundary and all), then ship the bytes and the header it chose.
    const encoded = new Request('http://x/', { method: 'POST', body });
    headers.set('content-type', encoded.headers.get('content-type') ?? '');
    body = await encoded.blob();
  }
  if (body != null && typeof body !== 'string' && !(body instanceof Blob)) throw new TypeError('Unsupported request body for a host api.fetch');
  // A plain object, as `fetch` callers expect: the documented `{ ...init.headers, Authorization }` keeps
  // Content-Type, Accept and Accept-Language (an array of pairs would be spread into "0", "1"…).
  return { body: body ?? undefined, headers: Object.fromEntries(headers) };
}

/**
 * A fetch that runs the host's `api.fetch` (handle `id`). The response body arrives on a MessageChannel of its
 * own (see `StreamChunk`); aborting the signal or cancelling the body tells the host to abort its fetch.
 */
export function relayFetch(host: Pick<Endpoint, 'call'>, id: number): typeof fetch {
  return (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> =>
    new Promise((resolve, reject) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const { port1, port2 } = new MessageChannel();
      const signal = init.signal;
      let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
      const stop = (reason: unknown): void => {
        port1.postMessage('cancel');
        port1.close();
        try {
          controller?.error(reason);
        } catch {
          /* already closed */
        }
        reject(reason);
      };
      if (signal?.aborted) return reject(signal.reason);
      signal?.addEventListener('abort', () => stop(signal.reason), { once: true });
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          controller = c;
          port1.onmessage = ({ data }: MessageEvent<unknown>) => {
            if (data instanceof Uint8Array) return c.enqueue(data);
            port1.close();
            if (data === null) c.close();
            else c.error(fromErrorData((data as { error?: unknown } | null)?.error));
          };
        },
        cancel: () => stop(new DOMException('The body was cancelled', 'AbortError')),
      });
      relayBody(init)
        .then((req) => host.call('fetch', [id, url, { method: init.method ?? 'GET', ...req }, port2], FETCH_HEAD_TIMEOUT_MS, [port2]))
        .then((head) => {
        const h = head as { status: number; statusText: string; headers: [string, string][] };
        const status = h.status >= 200 && h.status <= 599 ? h.status : 502;
        resolve(new Response(NULL_BODY.has(status) ? null : body, { status, statusText: h.statusText, headers: h.headers }));
        }, stop);
    });
}
