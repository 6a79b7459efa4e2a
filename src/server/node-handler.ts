/**
 * The ChatKit endpoint for Node's `http` server: `(req, res) => Promise<boolean>`, false for paths it does not
 * own (so it composes with other routes). Streams are written one event per `write`, with Nagle off so each
 * event leaves at once; a client that disconnects aborts the run, which saves the partial answer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { ThreadStreamEvent } from '../protocol/index.ts';
import { HttpError } from './errors.ts';
import { dispatchSafely, type HttpExchange } from './http-dispatch.ts';
import { endpointUrl, matchRoute, normalizeBasePath, type HttpOptions } from './http-common.ts';
import { encodeSseEvent } from './serialize.ts';
import type { ChatKitServer } from './server-types.ts';

/** Options of `createNodeHandler`. */
export interface NodeHandlerOptions<C> extends HttpOptions {
  /** Builds the integration's request context (user, auth…) from the request. */
  context?: (req: IncomingMessage) => C | Promise<C>;
  /** How long a request body may take to arrive, in ms (default 30 s, more for large uploads); slower gets 408. */
  bodyTimeoutMs?: number;
}

/** A Node request handler that reports whether it handled the request. */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/**
 * How long a client may take to send a whole request body, so slow senders cannot hold the server: 30 s, or
 * longer for large uploads (as much as 100 KB/s needs for the largest body allowed).
 */
export const bodyTimeoutMs = (limit: number): number => Math.max(30_000, Math.ceil(limit / 100));

/**
 * Reads a body up to `limit` bytes; null (and the rest discarded) when it is larger. A body not complete within
 * `timeoutMs` rejects with a 408 HttpError and the connection is closed.
 */
function readLimited(req: IncomingMessage, limit: number, timeoutMs: number): Promise<Uint8Array | null> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => {
      reject(new HttpError(408, 'request_timeout', `the request body did not arrive within ${timeoutMs} ms`));
      // Answered first (the handler writes the 408), then the socket goes: it would keep trickling otherwise.
      setTimeout(() => req.destroy(), 100).unref();
    }, timeoutMs);
    timer.unref();
    req.once('close', () => clearTimeout(timer));
    req.once('end', () => clearTimeout(timer));
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        // Keep draining so the client finishes sending and reads our 413 instead of a reset connection.
        req.resume();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(size > limit ? null : new Uint8Array(Buffer.concat(chunks))));
    req.once('error', reject);
    // A client gone before the end of its body: nobody will read the answer, so any will do.
    req.once('close', () => resolve(null));
  });
}

/** Writes `text`; when the socket's buffer is full, returns a promise that settles on `drain` (or `close`). */
export function writeWithBackpressure(res: ServerResponse, text: string): Promise<void> | undefined {
  if (res.write(text)) return undefined;
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

async function writeEvents(res: ServerResponse, events: AsyncIterable<ThreadStreamEvent>, closed: () => boolean) {
  const iterator = events[Symbol.asyncIterator]();
  try {
    while (!closed()) {
      const next = await iterator.next();
      if (next.done) break;
      if (closed()) break;
      await writeWithBackpressure(res, encodeSseEvent(next.value));
    }
  } finally {
    // When the client left, this runs the server's cancellation path before the response is closed.
    if (closed()) await iterator.return?.();
    res.end();
  }
}

/** Creates the Node handler for a ChatKit server (endpoint, uploads and files under `basePath`). */
export function createNodeHandler<C = unknown>(
  server: ChatKitServer<C>,
  options: NodeHandlerOptions<C> = {},
): NodeHandler {
  const basePath = normalizeBasePath(options.basePath);
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = matchRoute(url.pathname, basePath);
    if (!route) return false;
    const abort = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) abort.abort(new Error('client disconnected'));
    });
    const scheme = (req.socket as TLSSocket).encrypted === true ? 'https' : 'http';
    // URLs handed out (uploads, files) come from the configured public URL or the address we listen on: a `Host`
    // header is the client's to choose, and an attacker's would be stored in the thread for every widget to fetch.
    const local = req.socket.localAddress ?? '127.0.0.1';
    const listen = `${scheme}://${local.includes(':') ? `[${local.replace(/^::ffff:/, '')}]` : local}:${req.socket.localPort}`;
    const listenOrigin = local.startsWith('::ffff:') ? `${scheme}://${local.slice(7)}:${req.socket.localPort}` : listen;
    const exchange: HttpExchange<C> = {
      method: req.method ?? 'GET',
      route,
      origin: req.headers.origin ?? null,
      selfOrigin: `${scheme}://${req.headers.host ?? ''}`,
      contentType: req.headers['content-type'] ?? '',
      readBody: (limit) => readLimited(req, limit, options.bodyTimeoutMs ?? bodyTimeoutMs(limit)),
      signal: abort.signal,
      baseUrl: endpointUrl(options, listenOrigin, basePath),
      context: async () => (options.context ? options.context(req) : (undefined as C)),
    };
    const reply = await dispatchSafely(server, exchange, options);
    if ('events' in reply) {
      req.socket.setNoDelay(true);
      res.writeHead(reply.status, reply.headers);
      res.flushHeaders();
      await writeEvents(res, reply.events, () => abort.signal.aborted);
    } else {
      res.writeHead(reply.status, reply.headers);
      res.end(reply.body ?? undefined);
    }
    return true;
  };
}
