/** The types of `createChatKitServer`: its options, what integrations implement, and what `process` returns. */
import type {
  Action,
  StoredThreadItem,
  ThreadItem,
  ThreadMetadata,
  ThreadStreamEvent,
  UserMessageItem,
  WidgetItem,
} from '../protocol/index.ts';
import type { GenerateId } from './ids.ts';
import type { Store } from './store.ts';

/** An event an integration yields; hidden items are allowed and never reach the client. */
export type ServerEvent = ThreadStreamEvent<StoredThreadItem>;

/** What `respond`, `action` and the other hooks receive besides their arguments. */
export interface RespondContext<C = unknown> {
  /** The store of this request (read history, save extra records). */
  store: Store;
  /** The request context the adapter passed to `process` (user, auth, locale…). */
  context: C;
  /** Issues ids for new items (`ctx.generateId('message')`). */
  generateId: GenerateId;
  /** Aborted when the client goes away; stop work and return. */
  signal: AbortSignal;
}

/**
 * Produces the response to a user message. `thread` is live: changing its `title`, `status`, `metadata` or
 * `allowed_image_domains` saves it and emits `thread.updated`. `input` is null for continuations (after a
 * client tool output or a structured input answer).
 */
export type RespondFn<C = unknown> = (
  thread: ThreadMetadata,
  input: UserMessageItem | null,
  ctx: RespondContext<C>,
) => AsyncIterable<ServerEvent>;

/** Handles a streaming widget action (`threads.custom_action`); `sender` is the widget item, if any. */
export type ActionFn<C = unknown> = (
  thread: ThreadMetadata,
  action: Action,
  sender: WidgetItem | null,
  ctx: RespondContext<C>,
) => AsyncIterable<ServerEvent>;

/**
 * Handles a non-streaming widget action (`threads.sync_custom_action`). A returned item is sent to the client but
 * not saved (as in the Python SDK): save it with `ctx.store.saveItem` when the change should outlive a reload.
 */
export type SyncActionFn<C = unknown> = (
  thread: ThreadMetadata,
  action: Action,
  sender: WidgetItem | null,
  ctx: RespondContext<C>,
) => Promise<{ updated_item?: ThreadItem | undefined } | undefined | void>;

/** Turns recorded audio into text (`input.transcribe`). */
export type TranscribeFn<C = unknown> = (
  audio: Uint8Array,
  mimeType: string,
  ctx: RespondContext<C>,
) => Promise<string | { text: string }>;

/** Everything a request handler needs: the hooks, the request's store and context, and where URLs point. */
export interface RequestEnv<C = unknown> {
  options: ChatKitServerOptions<C>;
  store: Store;
  ctx: RespondContext<C>;
  /** Absolute (or root-relative) URL of the endpoint. */
  baseUrl: string;
  maxUploadBytes: number;
}

/** Options of `createChatKitServer`. */
export interface ChatKitServerOptions<C = unknown> {
  /** Where threads live; a function picks a store per request (e.g. one per tenant). */
  store: Store | ((context: C) => Store);
  /** Answers user messages. */
  respond: RespondFn<C>;
  /** Answers streaming widget actions; without it they end in a retryable `stream.error`. */
  action?: ActionFn<C>;
  /** Answers non-streaming widget actions; without it they get a 400. */
  syncAction?: SyncActionFn<C>;
  /** Transcribes dictation; without it `input.transcribe` gets a 400. */
  transcribe?: TranscribeFn<C>;
  /** Attachment uploads (default: enabled, 10 MiB per file); `false` rejects `attachments.create`. */
  attachments?: false | { maxBytes?: number };
  /** The `stream_options` sent at the start of every response (default `{allow_cancel: true}`). */
  streamOptions?: (thread: ThreadMetadata, context: C) => { allow_cancel: boolean };
  /** Id generator (default: random, prefixed by kind). */
  generateId?: GenerateId;
  /** Receives failures that have no other outlet (a stream that ends early, a 500); default `console.error`. */
  onError?: (error: unknown) => void;
}

/** Per-call options of `process`. */
export interface ProcessOptions {
  /** Abort to cancel a streaming response (the adapters abort on client disconnect). */
  signal?: AbortSignal;
  /** Absolute URL of the endpoint (e.g. `https://example.com/chatkit`); upload and file URLs hang off it. */
  baseUrl?: string;
}

/** A JSON response: status and body (serialise it with `toJson`). */
export type JsonResult = { kind: 'json'; status: number; body: unknown };
/** A streaming response: serialise each event with `encodeSseEvent`. Iterating never throws. */
export type StreamResult = { kind: 'stream'; events: AsyncIterable<ThreadStreamEvent> };
/** What `process` returns. */
export type ProcessResult = JsonResult | StreamResult;

/** A file received by an upload endpoint. */
export interface UploadedFile {
  name: string;
  mimeType: string;
  bytes: Uint8Array;
}

/** A stored attachment with its bytes, ready to serve. */
export interface AttachmentFile {
  name: string;
  mimeType: string;
  bytes: Uint8Array;
  /** Whether it may be shown inline (raster images only). */
  inline: boolean;
}

/** A ChatKit backend: the protocol endpoint plus the upload and file operations the HTTP adapters expose. */
export interface ChatKitServer<C = unknown> {
  /** Handles one request body (JSON text, bytes or an already parsed object). */
  process(body: unknown, context?: C, options?: ProcessOptions): Promise<ProcessResult>;
  /** Two-phase upload, step 2: stores the bytes of an attachment created by `attachments.create`. */
  uploadAttachment(attachmentId: string, bytes: Uint8Array, context?: C): Promise<JsonResult>;
  /** Direct upload: creates an attachment from a file in one step. */
  createAttachment(file: UploadedFile, context?: C, options?: ProcessOptions): Promise<JsonResult>;
  /** Loads an attachment's bytes for serving; null when unknown or not uploaded. */
  readAttachment(attachmentId: string, context?: C): Promise<AttachmentFile | null>;
  /** The largest accepted file, in bytes (0 when uploads are disabled). */
  readonly maxUploadBytes: number;
}
