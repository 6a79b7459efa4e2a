/**
 * `createChatKitServer`: one function per request body, with chatkit-python's semantics. Requests are fully
 * validated before anything is read or written; a bad body gets a 400 JSON error naming the offending path.
 */
import {
  isStreamingRequestType,
  parseRequest,
  type NonStreamingRequest,
  type StreamingRequest,
  type ThreadStreamEvent,
} from '../protocol/index.ts';
import { createDirectAttachment, readAttachmentFile, storeUploadedBytes } from './attachments.ts';
import { errorBody, HttpError, NotFoundError } from './errors.ts';
import { createIdGenerator } from './ids.ts';
import { handleJsonRequest } from './json-requests.ts';
import type {
  ChatKitServer,
  ChatKitServerOptions,
  JsonResult,
  ProcessOptions,
  RequestEnv,
  ServerEvent,
} from './server-types.ts';
import { streamRequest } from './streaming-requests.ts';

/** The default upload limit: 10 MiB per file. */
export const DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Where upload and file URLs point when the caller gives no absolute endpoint URL. */
const DEFAULT_BASE_URL = '/chatkit';

function readBody(body: unknown): { ok: true; value: unknown } | { ok: false; error: string } {
  if (typeof body !== 'string' && !(body instanceof Uint8Array)) return { ok: true, value: body };
  const text = typeof body === 'string' ? body : new TextDecoder().decode(body);
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: `malformed JSON (${error instanceof Error ? error.message : String(error)})` };
  }
}

function json(status: number, body: unknown): JsonResult {
  return { kind: 'json', status, body };
}

/** Creates a ChatKit backend from a store and the integration's `respond` (plus optional hooks). */
export function createChatKitServer<C = unknown>(options: ChatKitServerOptions<C>): ChatKitServer<C> {
  const generateId = options.generateId ?? createIdGenerator();
  const onError = options.onError ?? ((error: unknown) => console.error('chatkit:', error));
  const hooks = { ...options, onError };
  const uploads = options.attachments;
  const maxUploadBytes = uploads === false ? 0 : (uploads?.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES);
  const idle = new AbortController().signal;

  function envFor(context: C | undefined, opts: ProcessOptions = {}): RequestEnv<C> {
    const ctxValue = context as C;
    const store = typeof options.store === 'function' ? options.store(ctxValue) : options.store;
    return {
      options: hooks,
      store,
      ctx: { store, context: ctxValue, generateId, signal: opts.signal ?? idle },
      baseUrl: opts.baseUrl ?? DEFAULT_BASE_URL,
      maxUploadBytes,
    };
  }

  /** Maps a thrown error to a JSON response; unexpected ones are reported and hidden behind a 500. */
  function failure(error: unknown): JsonResult {
    if (error instanceof HttpError) return json(error.status, errorBody(error.code, error.message));
    if (error instanceof NotFoundError) return json(404, errorBody('not_found', error.message));
    onError(error);
    return json(500, errorBody('internal_error', 'internal server error'));
  }

  async function run(operation: () => Promise<unknown>, status = 200): Promise<JsonResult> {
    try {
      return json(status, await operation());
    } catch (error) {
      return failure(error);
    }
  }

  /** A stream that ends quietly on failure: the SDK's "zero events" for unknown threads and the like. */
  async function* guarded(events: AsyncGenerator<ServerEvent>): AsyncGenerator<ThreadStreamEvent> {
    try {
      yield* events as AsyncGenerator<ThreadStreamEvent>;
    } catch (error) {
      if (!(error instanceof NotFoundError)) onError(error);
    }
  }

  return {
    maxUploadBytes,
    async process(body, context, opts) {
      const read = readBody(body);
      const parsed = read.ok ? parseRequest(read.value) : read;
      if (!parsed.ok) return json(400, errorBody('invalid_request', parsed.error));
      const request = parsed.value;
      const env = envFor(context, opts);
      if (isStreamingRequestType(request.type)) {
        return { kind: 'stream', events: guarded(streamRequest(request as StreamingRequest, env)) };
      }
      return run(() => handleJsonRequest(request as NonStreamingRequest, env));
    },
    uploadAttachment(attachmentId, bytes, context) {
      return run(() => storeUploadedBytes(attachmentId, bytes, envFor(context)));
    },
    createAttachment(file, context, opts) {
      return run(() => createDirectAttachment(file, envFor(context, opts)));
    },
    async readAttachment(attachmentId, context) {
      return readAttachmentFile(attachmentId, envFor(context));
    },
  };
}
