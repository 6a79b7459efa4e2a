// Test helper (not a test file): item views mounted with fake models, and the fixture items they render.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { signal } from '@preact/signals';
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import { resolveOptions } from '../../../src/config/resolve.ts';
import { en, type Strings } from '../../../src/i18n/en.ts';
import type { ThreadItem } from '../../../src/protocol/items.ts';
import { parseItem, parseThread } from '../../../src/protocol/parse-items.ts';
import { applyStreamEvent } from '../../../src/store/apply-stream-event.ts';
import { beginResponse, emptyConversation, type ConversationState } from '../../../src/store/conversation-state.ts';
import type { StructuredInputSubmission } from '../../../src/protocol/structured-input.ts';
import { ModelsContext, type Models } from '../../../src/ui/context.ts';
import { ItemView } from '../../../src/ui/items/item-view.tsx';
import { loadRichViews, loadWidgets } from '../../../src/ui/items/lazy-modules.ts';
import { turnActions } from '../../../src/ui/items/turn-actions.ts';
import { parseStreamEvent } from '../../../src/protocol/parse.ts';
import type { ThreadStreamEvent } from '../../../src/protocol/events.ts';

/** The fake models and the spies tests look at. */
export interface FakeModels {
  models: Models;
  options: ReturnType<typeof signal<ReturnType<typeof resolveOptions>['options']>>;
  status: ReturnType<typeof signal<'idle' | 'streaming' | 'loading'>>;
  imageDomains: ReturnType<typeof signal<string | null>>;
  strings: ReturnType<typeof signal<Strings>>;
  reportError: ReturnType<typeof vi.fn<(e: Error | string) => void>>;
  submitStructuredInput: ReturnType<typeof vi.fn<(itemId: string, submission: StructuredInputSubmission) => Promise<void>>>;
  widgetAction: ReturnType<typeof vi.fn<(...args: unknown[]) => Promise<void>>>;
}

/** Models with just what item views read; `options` are raw ChatKit options (functions allowed). */
export function fakeModels(options: Record<string, unknown> = {}): FakeModels {
  const resolved = resolveOptions({ api: { url: '/chatkit' }, ...options });
  if (resolved.errors.length) throw new Error(resolved.errors.map((e) => e.message).join('\n'));
  const f = {
    options: signal(resolved.options),
    status: signal<'idle' | 'streaming' | 'loading'>('idle'),
    imageDomains: signal<string | null>(null),
    strings: signal<Strings>(en),
    reportError: vi.fn<(e: Error | string) => void>(),
    submitStructuredInput: vi.fn<(itemId: string, submission: StructuredInputSubmission) => Promise<void>>(async () => undefined),
    widgetAction: vi.fn<(...args: unknown[]) => Promise<void>>(async () => undefined),
  };
  const app = {
    strings: f.strings,
    options: f.options,
    locale: signal({ stringsLang: 'en', locale: 'en-US' }),
    baseUrl: 'https://host.example/page',
    reportError: f.reportError,
    emit: vi.fn(),
  };
  const composer = { focus: vi.fn(() => true) };
  const chat = {
    status: f.status,
    imageDomains: f.imageDomains,
    submitStructuredInput: f.submitStructuredInput,
    widgetAction: f.widgetAction,
    feedback: vi.fn(async () => undefined),
    retryLastTurn: vi.fn(async () => undefined),
    turnItemIds: (id: string) => [id],
  };
  return { ...f, models: { app, chat, composer, history: {} } as unknown as Models };
}

/** A mounted item view. */
export interface MountedItem {
  container: HTMLElement;
  fake: FakeModels;
  update(item: ThreadItem, pending?: boolean): void;
  unmount(): void;
  $<T extends Element = HTMLElement>(selector: string): T;
  $$<T extends Element = HTMLElement>(selector: string): T[];
  /** Visible text, whitespace collapsed. */
  text(selector?: string): string;
}

/**
 * Mounts one item as the thread does, as a turn of its own (so it carries that turn's actions). Load the lazy
 * chunk first (`await ready()`) to render synchronously.
 */
export function mountItem(
  item: ThreadItem,
  pending = false,
  fake: FakeModels = fakeModels(),
  view: (item: ThreadItem, pending: boolean) => ComponentChild = (i, p) => <ItemView item={i} pending={p} actions={turnActions([i], false).get(i.id)} />,
): MountedItem {
  const container = document.createElement('div');
  document.body.append(container);
  const draw = (i: ThreadItem, p: boolean) =>
    act(() => {
      render(
        <ModelsContext.Provider value={fake.models}>
          {view(i, p)}
        </ModelsContext.Provider>,
        container,
      );
    });
  draw(item, pending);
  const $ = <T extends Element = HTMLElement>(s: string): T => {
    const el = container.querySelector<T>(s);
    if (!el) throw new Error(`no ${s} in ${container.innerHTML}`);
    return el;
  };
  return {
    container,
    fake,
    update: (i, p = false) => draw(i, p),
    unmount: () => {
      act(() => render(null, container));
      container.remove();
    },
    $,
    $$: <T extends Element = HTMLElement>(s: string) => [...container.querySelectorAll<T>(s)],
    text: (s) => ((s ? $(s) : container).textContent ?? '').replace(/\s+/g, ' ').trim(),
  };
}

/** Loads the lazy chunks, so views render in one pass. */
export async function ready(): Promise<void> {
  // The widget stylesheet link: happy-dom loads no CSS; count that as loaded instead of logging an error.
  const settings = (window as unknown as { happyDOM?: { settings: { handleDisabledFileLoadingAsSuccess: boolean } } }).happyDOM?.settings;
  if (settings) settings.handleDisabledFileLoadingAsSuccess = true;
  await Promise.all([loadRichViews(), loadWidgets()]);
}

/** Lets pending promises (and the renders they cause) settle. */
export async function flush(): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

/** Dispatches a bubbling event of `type` on `el` inside act(). */
export function fire(el: Element, type: string, init: EventInit = {}): Event {
  const event = new Event(type, { bubbles: true, cancelable: true, ...init });
  act(() => void el.dispatchEvent(event));
  return event;
}

/** Parses a hand-written item through the protocol schema (defaults filled in); throws when it is invalid. */
export function item<T extends ThreadItem = ThreadItem>(raw: Record<string, unknown>): T {
  const result = parseItem({ thread_id: 'thr_1', created_at: '2026-11-22T01:19:19.000000', ...raw });
  if (!result.ok) throw new Error(result.error);
  return result.value as T;
}

// The shared fixture loader resolves paths through import.meta.url, which happy-dom's URL cannot turn into a path.
const FIXTURES = process.env.CHATKIT_FIXTURES ?? resolve(process.cwd(), '../shared/fixtures/chatkit-python');
type Exchange = { response: { kind: 'sse'; raw: string } | { kind: 'json'; body: unknown } };

/** The response of a captured fixture's only exchange. */
function responseOf(prefix: string): Exchange['response'] {
  const file = readdirSync(FIXTURES).find((f) => f.startsWith(`${prefix}-`));
  if (!file) throw new Error(`no fixture ${prefix}`);
  const { exchanges } = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as { exchanges: Exchange[] };
  return exchanges[0]!.response;
}

/** The parsed events of a streaming fixture. */
export function eventsOf(prefix: string): ThreadStreamEvent[] {
  const response = responseOf(prefix);
  if (response.kind !== 'sse') throw new Error(`${prefix} is not a stream`);
  return response.raw
    .split('\n')
    .filter((line) => line.startsWith('data: '))
    .map((line) => {
      const event = parseStreamEvent(JSON.parse(line.slice(6)));
      if (!event.ok) throw new Error(event.error);
      return event.value;
    });
}

/** The conversation after each event of a streaming fixture (or of raw events), starting a new response on an empty thread. */
export function statesOf(prefix: string | readonly unknown[]): ConversationState[] {
  let state = beginResponse(emptyConversation);
  const events = typeof prefix === 'string' ? eventsOf(prefix) : prefix.map((raw) => {
    const event = parseStreamEvent(raw);
    if (!event.ok) throw new Error(event.error);
    return event.value;
  });
  return events.map((event) => (state = applyStreamEvent(state, event).state));
}

/** The item `id` of a state, and whether it is still pending there. */
export function itemIn(state: ConversationState, id: string): [ThreadItem, boolean] {
  const found = state.items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return [found, state.pending.includes(id)];
}

/** The items of the captured `threads.get_by_id` response (n2). */
export function historyItems(): ThreadItem[] {
  const response = responseOf('n2');
  if (response.kind !== 'json') throw new Error('n2 is not JSON');
  const thread = parseThread(response.body);
  if (!thread.ok) throw new Error(thread.error);
  return thread.value.items.data;
}

/** Clicks inside act(), so the renders it causes are done when this returns. */
export function click(el: Element): void {
  act(() => (el as HTMLElement).click());
}
