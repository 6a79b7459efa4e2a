/**
 * The ChatKit endpoint as a fetch-style handler, `(Request) => Promise<Response>`, for Workers, Deno, Bun and
 * any framework built on Web requests. Same routes and semantics as the Node handler; paths it does not own
 * get a 404. A reader that cancels the response body (or an aborted `request.signal`) cancels the run.
 */
import type { ThreadStreamEvent } from '../protocol/index.ts';
import { errorBody } from './errors.ts';
import { dispatchSafely, type HttpExchange } from './http-dispatch.ts';
import { endpointUrl, JSON_HEADERS, matchRoute, normalizeBasePath, type HttpOptions } from './http-common.ts';
import { encodeSseEvent, toJson } from './serialize.ts';
import type { ChatKitServer } from './server-types.ts';

/** Options of `createFetchHandler`. */
export interface FetchHandlerOptions<C> extends HttpOptions {
  /** Builds the integration's request context (user, auth…) from the request. */
  context?: (request: Request) => C | Promise<C>;
}

/** Reads a body up to `limit` bytes; null when it is larger (the rest is never read). */
async function readLimited(request: Request, limit: number): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) return null;
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function sseBody(events: AsyncIterable<ThreadStreamEvent>, abort: AbortController): ReadableStream<Uint8Array> {
  const iterator = events[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(encodeSseEvent(next.value)));
      },
      async cancel() {
        abort.abort(new Error('client disconnected'));
        await iterator.return?.();
      },
    },
    // Produce an event only when the runtime asks for one, so a cancelled reader stops the run promptly.
    { highWaterMark: 0 },
  );
}

/** Creates the fetch handler for a ChatKit server (endpoint, uploads and files under `basePath`). */
export function createFetchHandler<C = unknown>(
  server: ChatKitServer<C>,
  options: FetchHandlerOptions<C> = {},
): (request: Request) => Promise<Response> {
  const basePath = normalizeBasePath(options.basePath);
  return async (request) => {
    const url = new URL(request.url);
    const route = matchRoute(url.pathname, basePath);
    if (!route) {
      const body = toJson(errorBody('not_found', `no route for ${url.pathname}`));
      return new Response(body, { status: 404, headers: JSON_HEADERS });
    }
    const abort = new AbortController();
    const stop = (): void => abort.abort(new Error('client disconnected'));
    if (request.signal.aborted) stop();
    else request.signal.addEventListener('abort', stop, { once: true });
    const exchange: HttpExchange<C> = {
      method: request.method,
      route,
      origin: request.headers.get('origin'),
      selfOrigin: url.origin,
      contentType: request.headers.get('content-type') ?? '',
      readBody: (limit) => readLimited(request, limit),
      signal: abort.signal,
      baseUrl: endpointUrl(options, url.origin, basePath),
      context: async () => (options.context ? options.context(request) : (undefined as C)),
    };
    const reply = await dispatchSafely(server, exchange, options);
    if ('events' in reply) return new Response(sseBody(reply.events, abort), { status: 200, headers: reply.headers });
    const body = reply.body as string | Uint8Array<ArrayBuffer> | null;
    return new Response(body, { status: reply.status, headers: reply.headers });
  };
}
