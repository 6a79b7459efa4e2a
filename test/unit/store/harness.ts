/**
 * A frame without a browser: the real app, chat and history models, the real API client, and a fake `fetch` that
 * answers each request type from a script (captured Python SDK responses, or hand-written ones).
 */
import { createKeptState, type HostStorageCall, type StorageMode } from '../../../src/store/kept-state.ts';
import { loadFixture, sseRaw, type Fixture } from '../protocol/load-fixtures.ts';
import { createAppModel, type AppModel } from '../../../src/store/app-model.ts';
import { createChatModel, type ChatModel } from '../../../src/store/chat-model.ts';
import { createHistoryModel, type HistoryModel } from '../../../src/store/history-model.ts';

/** One request the fake backend saw. */
export interface SeenRequest {
  type: string;
  params: Record<string, unknown>;
  headers: Record<string, string>;
  url: string;
}

/** How the fake backend answers one request. */
export type Answer =
  | { sse: string; delayMs?: number; chunk?: number }
  | { json: unknown; status?: number }
  | { reject: Error }
  | { hang: true };

/** The JSON body of a non-streaming fixture, or the raw SSE of a streaming one. */
export function fromFixture(prefix: string, index = 0): Answer {
  const fixture: Fixture = loadFixture(prefix);
  const exchange = fixture.exchanges[index];
  if (!exchange) throw new Error(`${prefix} has no exchange ${index}`);
  return exchange.response.kind === 'sse' ? { sse: sseRaw(fixture) } : { json: exchange.response.body };
}

/** Streams `text` in chunks, optionally slowly; aborting the signal errors the body as fetch does. */
function sseResponse(text: string, signal: AbortSignal | null | undefined, delayMs = 0, chunk = 64): Response {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (signal?.aborted) return controller.error(signal.reason);
      if (offset >= bytes.length) return controller.close();
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      if (signal?.aborted) return controller.error(signal.reason);
      controller.enqueue(bytes.slice(offset, offset + chunk));
      offset += chunk;
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

/** A fake backend: answers are taken per request type, in order. */
export function createFakeBackend(script: Record<string, Answer[]>) {
  const seen: SeenRequest[] = [];
  const fetchImpl = async (url: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const body = JSON.parse(String(init.body)) as { type: string; params: Record<string, unknown> };
    seen.push({ ...body, headers: Object.fromEntries(new Headers(init.headers)), url: String(url) });
    const answer = script[body.type]?.shift();
    if (!answer) throw new Error(`no scripted answer for ${body.type}`);
    if ('reject' in answer) throw answer.reject;
    if ('hang' in answer) {
      return new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    }
    if ('json' in answer) return Response.json(answer.json, { status: answer.status ?? 200 });
    return sseResponse(answer.sse, init.signal, answer.delayMs, answer.chunk);
  };
  return { seen, fetch: fetchImpl as typeof fetch };
}

/** Memory storage with the Storage methods the chat model uses. */
export function createStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> & { data: Map<string, string>; session: Map<string, string>; call: HostStorageCall } {
  const data = new Map<string, string>();
  const session = new Map<string, string>();
  /** The loader's `storage` host call over the two areas (loader/extension.ts). */
  const call: HostStorageCall = async (area, key, value) => {
    const m = area === 'session' ? session : data;
    if (value === undefined) return m.get(key) ?? null;
    if (value === null) m.delete(key);
    else m.set(key, value);
    return null;
  };
  return {
    data,
    session,
    call,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

/** Everything a test needs. */
export interface Harness {
  app: AppModel;
  chat: ChatModel;
  history: HistoryModel;
  /** Every `chatkit.*` (and layout) event the frame sent to the host, in order. */
  events: { name: string; detail: unknown }[];
  seen: SeenRequest[];
  storage: ReturnType<typeof createStorage>;
}

/** Builds the models against a fake backend; `options` are applied as `setOptions` would. */
export function createHarness(
  script: Record<string, Answer[]>,
  options: Record<string, unknown> = {},
  storage = createStorage(),
  env: { inline?: boolean; mode?: StorageMode; idleTimeoutMs?: number } = {},
): Harness {
  const backend = createFakeBackend(script);
  const events: { name: string; detail: unknown }[] = [];
  const host = {
    emit: (name: string, detail?: unknown) => void events.push({ name, detail }),
    call: async () => undefined,
  };
  const app = createAppModel({
    host,
    boot: { baseUrl: 'https://site.example/page', data: {}, inline: env.inline ?? false, metrics: [1280, 800, 0, 0, 1280, 800] },
    reducedMotion: () => true,
    nextFrame: () => Promise.resolve(),
    navigatorLanguages: ['en-US'],
  });
  app.setOptions({ api: { url: '/chatkit', fetch: backend.fetch }, ...options });
  const chat = createChatModel(app, {
    frame: (commit) => {
      const t = setTimeout(commit, 0);
      return () => clearTimeout(t);
    },
    kept: createKeptState(storage.call, () => 'test', env.mode ?? 'local'),
    baseUrl: 'https://site.example/page',
    inline: env.inline ?? false,
    ...(env.idleTimeoutMs === undefined ? {} : { idleTimeoutMs: env.idleTimeoutMs }),
  });
  const history = createHistoryModel(app, chat);
  return { app, chat, history, events: events, seen: backend.seen, storage };
}

/** The names of the `chatkit.*` events, in order (layout events left out). */
export const eventNames = (h: Harness): string[] => h.events.map((e) => e.name).filter((n) => n.startsWith('chatkit.'));

/** `{type:'input_text', text}` content. */
export const text = (t: string) => [{ type: 'input_text' as const, text: t }];
