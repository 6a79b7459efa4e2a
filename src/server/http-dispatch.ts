/**
 * What both HTTP adapters do, minus the I/O: method and CORS checks, body limits, multipart uploads, and the
 * mapping of `process` results onto responses. The adapters translate their native request into
 * `HttpExchange` and write the `HttpReply` back.
 */
import type { ThreadStreamEvent } from '../protocol/index.ts';
import { errorBody, HttpError } from './errors.ts';
import {
  allowsOrigin,
  corsHeaders,
  DEFAULT_MAX_BODY_BYTES,
  fileHeaders,
  JSON_HEADERS,
  MULTIPART_OVERHEAD,
  preflightHeaders,
  routeMethods,
  SSE_HEADERS,
  type HttpOptions,
  type Route,
} from './http-common.ts';
import { toJson } from './serialize.ts';
import type { ChatKitServer, JsonResult, UploadedFile } from './server-types.ts';

/** One request, as the adapters describe it. */
export interface HttpExchange<C> {
  method: string;
  route: Route;
  origin: string | null;
  /** This server's own origin as the request names it (from `Host`): used only to recognise same-origin callers. */
  selfOrigin: string;
  contentType: string;
  /** The body, or null when it is larger than `limit` bytes (the adapter stops reading there); rejects with an
   * HttpError when the adapter refuses it otherwise (408: too slow). */
  readBody(limit: number): Promise<Uint8Array | null>;
  /** Aborted when the client disconnects. */
  signal: AbortSignal;
  /** The absolute endpoint URL. */
  baseUrl: string;
  /** The integration's request context. */
  context(): Promise<C>;
}

/** A response for the adapter to write: a complete body, or a stream of events to send as SSE. */
export type HttpReply =
  | { status: number; headers: Record<string, string>; body: Uint8Array | string | null }
  | { status: 200; headers: Record<string, string>; events: AsyncIterable<ThreadStreamEvent> };

function jsonReply(status: number, body: unknown, extra: Record<string, string> = {}): HttpReply {
  return { status, headers: { ...JSON_HEADERS, ...extra }, body: toJson(body) };
}

function error(status: number, code: string, message: string, extra: Record<string, string> = {}): HttpReply {
  return jsonReply(status, errorBody(code, message), extra);
}

/** The `file` field of a multipart body, parsed by the platform's own `FormData` implementation. */
export async function readMultipartFile(bytes: Uint8Array, contentType: string): Promise<UploadedFile | null> {
  if (!/^multipart\/form-data\s*;/i.test(contentType)) return null;
  try {
    const body = new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-type': contentType } });
    const file = (await body.formData()).get('file');
    if (file === null || typeof file === 'string') return null;
    const type = file.type || 'application/octet-stream';
    return { name: file.name, mimeType: type, bytes: new Uint8Array(await file.arrayBuffer()) };
  } catch {
    return null;
  }
}

const NOT_MULTIPART = 'expected a multipart/form-data body with a file field named "file"';

/** Handles one request to a route the adapters own. */
export async function dispatch<C>(
  server: ChatKitServer<C>,
  exchange: HttpExchange<C>,
  options: HttpOptions,
): Promise<HttpReply> {
  const { method, route } = exchange;
  const cors = corsHeaders(options.cors, exchange.origin);
  if (method === 'OPTIONS') {
    return { status: 204, headers: preflightHeaders(options.cors, exchange.origin, route), body: null };
  }
  // Browsers send Origin with every cross-site write, preflighted or not (a `no-cors` fetch, a form post): one
  // from a site that is not allowed is refused before anything is read. Clients that are not browsers send none.
  if (method !== 'GET' && method !== 'HEAD' && exchange.origin && exchange.origin !== exchange.selfOrigin && !allowsOrigin(options.cors, exchange.origin)) {
    return error(403, 'forbidden_origin', `origin ${exchange.origin} is not allowed to call this endpoint`, cors);
  }
  const methods = routeMethods(route);
  if (!methods.includes(method)) {
    const allow = { ...cors, allow: [...methods, 'OPTIONS'].join(', ') };
    return error(405, 'method_not_allowed', `${method} is not allowed here; use ${methods.join(' or ')}`, allow);
  }
  const fromJson = (result: JsonResult): HttpReply => jsonReply(result.status, result.body, cors);

  if (route.kind === 'file') {
    const file = await server.readAttachment(route.id, await exchange.context());
    if (!file) return error(404, 'not_found', `file ${route.id} not found`, cors);
    return { status: 200, headers: { ...fileHeaders(file), ...cors }, body: method === 'HEAD' ? null : file.bytes };
  }

  if (route.kind === 'endpoint') {
    // The ChatKit client always sends JSON; a body of another type is what a cross-site simple request looks like.
    if (!/^application\/json\s*(;|$)/i.test(exchange.contentType)) {
      return error(415, 'unsupported_media_type', 'requests to the ChatKit endpoint must be Content-Type: application/json', cors);
    }
    const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    const body = await exchange.readBody(limit);
    if (!body) return error(413, 'payload_too_large', `request body is larger than ${limit} bytes`, cors);
    const result = await server.process(body, await exchange.context(), {
      signal: exchange.signal,
      baseUrl: exchange.baseUrl,
    });
    if (result.kind === 'json') return fromJson(result);
    return { status: 200, headers: { ...SSE_HEADERS, ...cors }, events: result.events };
  }

  const max = server.maxUploadBytes;
  if (max <= 0) return error(400, 'not_configured', 'attachments are not enabled', cors);
  const raw = route.kind === 'upload' && method === 'PUT';
  const body = await exchange.readBody(raw ? max : max + MULTIPART_OVERHEAD);
  if (!body) return error(413, 'payload_too_large', `file is larger than ${max} bytes`, cors);
  const context = await exchange.context();
  if (raw) return fromJson(await server.uploadAttachment(route.id, body, context));
  const file = await readMultipartFile(body, exchange.contentType);
  if (!file) return error(400, 'invalid_request', NOT_MULTIPART, cors);
  if (route.kind === 'upload') return fromJson(await server.uploadAttachment(route.id, file.bytes, context));
  return fromJson(await server.createAttachment(file, context, { baseUrl: exchange.baseUrl }));
}

/** `dispatch`, with anything unexpected (a failing context builder or store) turned into a 500 JSON reply. */
export async function dispatchSafely<C>(
  server: ChatKitServer<C>,
  exchange: HttpExchange<C>,
  options: HttpOptions,
): Promise<HttpReply> {
  try {
    return await dispatch(server, exchange, options);
  } catch (cause) {
    // An adapter's own refusal (a body too slow to arrive) is an answer, not a failure.
    if (cause instanceof HttpError) return error(cause.status, cause.code, cause.message, corsHeaders(options.cors, exchange.origin));
    (options.onError ?? ((e: unknown) => console.error('chatkit:', e)))(cause);
    return error(500, 'internal_error', 'internal server error', corsHeaders(options.cors, exchange.origin));
  }
}
