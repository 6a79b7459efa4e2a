/**
 * Real app, chat and composer models over a fake host and a fake fetch that records every request and answers
 * from a route table; plus mounting the composer view inside a panel.
 */
import { createKeptState } from '../../../src/store/kept-state.ts';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import { createAppModel } from '../../../src/store/app-model.ts';
import { createChatModel } from '../../../src/store/chat-model.ts';
import { createComposerModel } from '../../../src/store/composer-model.ts';
import { ModelsContext, type Models } from '../../../src/ui/context.ts';
import { Composer } from '../../../src/ui/composer/composer.tsx';

/** A request the fake fetch saw. */
export interface Seen {
  url: string;
  method: string;
  headers: Record<string, string>;
  /** Parsed JSON for API calls; the body itself otherwise (File, FormData…). */
  body: unknown;
  signal?: AbortSignal;
}

/** Answers a request; return undefined for the default (`{}` JSON). */
export type Route = (req: Seen) => Response | Promise<Response> | undefined;

export const API_URL = 'https://api.test/chatkit';
export const PAGE_URL = 'https://host.test/shop/page.html';

/** A JSON response. */
export const json = (value: unknown, status = 200): Response =>
  new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });

/** An SSE response of these events. */
export const sse = (...events: unknown[]): Response =>
  new Response(events.map((e) => `data: ${JSON.stringify(e)}\n\n`).join(''), { headers: { 'content-type': 'text/event-stream' } });

const thread = { id: 'thr_1', created_at: '2026-01-01T00:00:00', status: { type: 'active' }, metadata: {}, items: { data: [], has_more: false } };

/** The events of a minimal successful `threads.create`. */
export const created = () => sse({ type: 'thread.created', thread });

/** The events of a minimal reply to `threads.add_user_message`. */
export const replied = () =>
  sse({ type: 'thread.item.done', item: { id: 'A1', thread_id: 'thr_1', created_at: '2026-01-01T00:00:01', type: 'assistant_message', content: [{ type: 'output_text', text: 'ok', annotations: [] }] } });

/** A promise with its settle functions. */
export function deferred<T = void>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/** Lets pending promise callbacks run. */
export const flush = async (times = 5): Promise<void> => {
  for (let i = 0; i < times; i++) await act(async () => await new Promise((r) => setTimeout(r, 0)));
};

/** Builds the three models with `options`; `api` defaults to API_URL over the fake fetch. */
export function setup(options: Record<string, unknown> = {}, route: Route = () => undefined) {
  // reportError also warns on the console; the tests read chatkit.error events instead.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const requests: Seen[] = [];
  const events: [string, unknown][] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const raw = init.body;
    const body = typeof raw === 'string' && headers['content-type'] === 'application/json' ? JSON.parse(raw) : raw;
    const req: Seen = { url: String(input), method: init.method ?? 'GET', headers, body, ...(init.signal ? { signal: init.signal } : {}) };
    requests.push(req);
    if (init.signal?.aborted) throw init.signal.reason;
    const kind = typeof body === 'object' && body ? (body as { type?: string }).type : undefined;
    const answer = route(req) ?? (kind === 'threads.create' ? created() : kind === 'threads.add_user_message' ? replied() : json({}));
    if (!init.signal) return answer;
    const signal = init.signal;
    return Promise.race([answer, new Promise<Response>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }))]);
  });
  const app = createAppModel({
    host: { call: vi.fn(async () => undefined), emit: (name, detail) => void events.push([name, detail]) },
    boot: { baseUrl: PAGE_URL, data: {}, inline: true, metrics: [1280, 800, 0, 0, 1280, 800] },
    reducedMotion: () => true,
    nextFrame: async () => undefined,
    navigatorLanguages: ['en'],
  });
  // `api: undefined` means no api at all; an `api` object gets the fake fetch unless it brings its own.
  const apiOption = 'api' in options && options.api === undefined ? undefined : { url: API_URL, fetch, ...(options.api as object | undefined) };
  app.setOptions({ ...options, api: apiOption });
  const chat = createChatModel(app, { frame: (commit) => (commit(), () => undefined), kept: createKeptState(async () => null, () => 'test', 'none'), baseUrl: PAGE_URL, inline: true });
  const composer = createComposerModel(app, chat);
  const errors = () => events.filter(([n]) => n === 'chatkit.error').map(([, d]) => (d as { error: Error }).error.message);
  const toolEvents = () => events.filter(([n]) => n === 'chatkit.tool.change').map(([, d]) => d);
  /** API requests (`{type, params}` bodies) in order. */
  const api = () => requests.filter((r) => r.url === API_URL).map((r) => r.body as { type: string; params: Record<string, unknown> });
  return { app, chat, composer, fetch, requests, events, errors, toolEvents, api, models: { app, chat, composer, history: null as never } satisfies Models };
}

/** A mounted composer inside a panel. */
export interface Mounted {
  root: HTMLElement;
  $<T extends Element = HTMLElement>(selector: string): T;
  $$<T extends Element = HTMLElement>(selector: string): T[];
  input: HTMLTextAreaElement;
  unmount(): void;
}

/** Renders the composer; waits for its lazily loaded parts when the options need them. */
export async function mount(models: Models): Promise<Mounted> {
  const root = document.createElement('div');
  root.className = 'ck-panel';
  document.body.appendChild(root);
  act(() => render(<ModelsContext.Provider value={models}><Composer /></ModelsContext.Provider>, root));
  if (models.composer.needsFeatures.peek()) await vi.waitFor(() => {
    if (!root.querySelector('.ck-composer-row[data-rich]')) throw new Error('features not loaded yet');
  });
  const $ = <T extends Element>(s: string): T => {
    const el = root.querySelector<T>(s);
    if (!el) throw new Error(`no ${s}`);
    return el;
  };
  return {
    root,
    $,
    $$: <T extends Element>(s: string) => [...root.querySelectorAll<T>(s)],
    get input() {
      return $<HTMLTextAreaElement>('textarea');
    },
    unmount() {
      act(() => render(null, root));
      root.remove();
    },
  };
}

/** Types into the textarea (value, caret at the end, input event). */
export function type(el: HTMLTextAreaElement, value: string): void {
  act(() => {
    el.value = value;
    el.setSelectionRange(value.length, value.length);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Presses a key on an element; returns the event (to check defaultPrevented). */
export function press(el: Element, key: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  act(() => void el.dispatchEvent(e));
  return e;
}

/** Clicks an element. */
export function click(el: Element): void {
  act(() => void (el as HTMLElement).click());
}

/** A file of `size` bytes. */
export const file = (name: string, type: string, size = 3): File => new File(['x'.repeat(size)], name, { type });
