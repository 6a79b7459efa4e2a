/**
 * The reference ChatKit backend, as a library. Build a server from a store and an agent, then mount it with an
 * HTTP adapter:
 *
 *   const server = createChatKitServer({ store: createSqliteStore(), ...createDemoAgent() });
 *   http.createServer(createNodeHandler(server, { cors: { origins: ['https://widget.example.com'] } }));
 */

// The core: request handling with the Python SDK's semantics.
/** Creates a ChatKit backend from a store and a `respond` function (plus optional hooks). */
export { createChatKitServer, DEFAULT_MAX_UPLOAD_BYTES } from './chatkit-server.ts';
/** The server's options, hooks and results. */
export type {
  ActionFn,
  AttachmentFile,
  ChatKitServer,
  ChatKitServerOptions,
  JsonResult,
  ProcessOptions,
  ProcessResult,
  RespondContext,
  RespondFn,
  ServerEvent,
  StreamResult,
  SyncActionFn,
  TranscribeFn,
  UploadedFile,
} from './server-types.ts';
/** Errors an integration throws to shape what the client sees. */
export { CustomStreamError, HttpError, NotFoundError, StreamError } from './errors.ts';
/** Output helpers: `exclude_none` JSON and SSE framing, for custom adapters. */
export { encodeSseEvent, toJson } from './serialize.ts';
/** Prefixed random ids (`thr_…`, `msg_…`). */
export { createIdGenerator, type GenerateId, type IdKind } from './ids.ts';

// Stores.
/** The persistence interface and its page query. */
export type { FeedbackKind, FeedbackRecord, Order, PageQuery, Store } from './store.ts';
/** An in-memory store (tests, demos, stateless functions). */
export { createMemoryStore } from './memory-store.ts';
/** The embedded SQLite store (default `./data/chatkit.sqlite`, files beside it). */
export { createSqliteStore, DEFAULT_SQLITE_FILE, type SqliteStoreOptions } from './sqlite-store.ts';

// HTTP adapters.
/** Node `http` handler: `(req, res) => Promise<boolean>`. */
export { createNodeHandler, type NodeHandler, type NodeHandlerOptions } from './node-handler.ts';
/** Fetch-style handler: `(Request) => Promise<Response>` (Workers, Deno, Bun). */
export { createFetchHandler, type FetchHandlerOptions } from './fetch-handler.ts';
/** Options shared by both adapters. */
export type { CorsOptions, HttpOptions } from './http-common.ts';

// Agents.
/** Helpers for writing agents (stream text word by word, pause, titles). */
export {
  assistantItem,
  pause,
  streamText,
  textOf,
  titleFor,
  type Agent,
  type StreamTextOptions,
} from './agents/agent-kit.ts';
/** The deterministic demo agent behind `npm start`. */
export { createDemoAgent, type DemoAgentOptions } from './agents/demo-agent.ts';
/** An agent backed by any OpenAI-compatible chat completions API. */
export { createModelAgent, type ModelAgentOptions } from './agents/model-agent.ts';
