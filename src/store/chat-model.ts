/**
 * The conversation: the current thread and its items, the response in flight, failures with their retry, and
 * the thread's persistence across reloads. State is signals; writes go through the actions below; stream events
 * are applied by the pure reducer (apply-stream-event.ts) inside `runResponse`.
 *
 * Long because it is the one place that sequences requests: send, stop, retry, load, page, client tools and
 * feedback all share the busy/abort/failure state and must not be split across modules that could race.
 */
import { computed, signal } from '@preact/signals';
import type { ApiClient } from '../client/api-client.ts';
import type { ResolvedOptions } from '../config/resolved.ts';
import type { Attachment } from '../protocol/attachments.ts';
import type { InferenceOptions, UserMessageContent } from '../protocol/content.ts';
import type { ThreadItem, UserMessageItem } from '../protocol/items.ts';
import { parseItemPage, parseThread } from '../protocol/parse-items.ts';
import { parseSyncActionResult } from '../protocol/parse.ts';
import type { StructuredInputSubmission } from '../protocol/structured-input.ts';
import type { ActionConfig } from '../protocol/widgets.ts';
import type { ChatKitRequestInput } from '../protocol/requests.ts';
import type { AppModel } from './app-model.ts';
import { createBackend } from './backend.ts';
import { LOCAL_ID_PREFIX } from './apply-stream-event.ts';
import { emptyConversation, pruneAfterItem, type ConversationState, type ReduceEffect } from './conversation-state.ts';
import { runResponse, type ResponseOutcome } from './response-runner.ts';

/** A failure the thread shows, with what Retry does. */
export interface Failure {
  message: string;
  retry: (() => Promise<void>) | null;
}

/** What `send` takes (the composer, `sendUserMessage`, start-screen prompts). */
export interface SendInput {
  content: UserMessageContent[];
  attachments?: Attachment[];
  quotedText?: string;
  inference?: InferenceOptions;
  newThread?: boolean;
}

/** Environment seams. */
export interface ChatEnv {
  /** Schedules `commit` before the next paint; returns a cancel function. */
  frame: (commit: () => void) => () => void;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  baseUrl: string;
  /** Storage namespace for this widget instance. */
  instance: string;
}

/** Items per page when paging a long thread (newest first, then older on scroll). */
export const PAGE_SIZE = 40;

/** An error thrown by methods called at the wrong time (ChatKit documents these rejections). */
export class BusyError extends Error {
  constructor(what: string) {
    super(`Cannot ${what} while a response is streaming or a thread is loading`);
    this.name = 'BusyError';
  }
}

/** Creates the conversation model. */
export function createChatModel(app: AppModel, env: ChatEnv) {
  const conversation = signal<ConversationState>(emptyConversation);
  const status = signal<'idle' | 'streaming' | 'loading'>('idle');
  const failure = signal<Failure | null>(null);
  const hasOlder = signal(false);
  const loadingOlder = signal(false);
  /** Bumped when a reply finishes, for the polite live-region announcement. */
  const announced = signal<{ id: string; text: string } | null>(null);
  const threadId = computed(() => conversation.value.thread?.id ?? null);
  /** The thread's image allowlist as one string (null = no list): views subscribe to this, not to every delta. */
  const imageDomains = computed(() => conversation.value.thread?.allowed_image_domains?.join('\n') ?? null);
  const log = (name: string, data?: Record<string, unknown>): void => app.emit('chatkit.log', { name, data });
  const client = computed<ApiClient | null>(() => {
    try {
      return createBackend(app.options.value.api, { host: app.host, baseUrl: env.baseUrl, locale: app.locale.value.locale, log });
    } catch (e) {
      app.reportError(e as Error);
      return null;
    }
  });
  const storageKey = `chatkit:${env.instance}:thread`;
  let olderCursor: string | undefined;
  let controller: AbortController | null = null;
  let engaged = false;
  let localIds = 0;

  const need = (): ApiClient => {
    const c = client.peek();
    if (!c) throw new Error('Chat is not configured: set api.url (data-api-url) or api.getClientSecret');
    return c;
  };
  const idle = (what: string): void => {
    if (status.peek() !== 'idle') throw new BusyError(what);
  };
  /** The thread id is kept for the next page load only once the user has engaged with the chat. */
  const persist = (id: string | null): void => {
    if (!engaged || !env.storage) return;
    try {
      if (id) env.storage.setItem(storageKey, id);
      else env.storage.removeItem(storageKey);
    } catch {
      // Storage can be blocked (third-party storage settings); the chat works without it.
    }
  };
  const onEffect = (effect: ReduceEffect): void => {
    if (effect.type === 'thread.change') {
      app.emit('chatkit.thread.change', { threadId: effect.threadId });
      persist(effect.threadId);
    } else if (effect.type === 'effect') app.emit('chatkit.effect', { name: effect.name, data: effect.data });
    else log(effect.name, effect.data);
  };

  /** Marks that the user used the chat (opened it or sent something): from now on the thread id is stored. */
  function engage(): void {
    if (engaged) return;
    engaged = true;
    persist(threadId.peek());
  }

  async function respond(request: ChatKitRequestInput, retry: () => Promise<void>, onStart?: () => void): Promise<void> {
    const c = need();
    idle('send');
    const ctl = new AbortController();
    controller = ctl;
    status.value = 'streaming';
    failure.value = null;
    app.emit('chatkit.response.start');
    onStart?.();
    const before = conversation.peek().items.at(-1)?.id;
    let outcome: ResponseOutcome;
    try {
      outcome = await runResponse({ client: c, request, conversation, signal: ctl.signal, frame: env.frame, onEffect });
    } finally {
      controller = null;
      status.value = 'idle';
      app.emit('chatkit.response.end');
    }
    const state = conversation.peek();
    if (outcome.kind === 'failed') {
      failure.value = { message: outcome.error.message, retry };
      app.reportError(outcome.error);
    } else if (outcome.kind === 'error-event' && state.error) {
      app.reportError(new Error(state.error.message ?? `The response failed (${state.error.code})`));
    }
    const last = state.items.at(-1);
    // Only a finished reply counts as unread (not a stopped or failed one).
    if (last && last.id !== before && last.type !== 'user_message' && outcome.kind === 'complete') {
      app.bumpUnread();
      if (last.type === 'assistant_message') announced.value = { id: last.id, text: last.content.map((p) => p.text).join('\n') };
    }
    if (outcome.kind === 'complete') await runClientTool();
  }

  /** A pending client tool call at the end of a turn runs on the host, then the stream continues (§3.10). */
  async function runClientTool(): Promise<void> {
    const state = conversation.peek();
    const last = state.items.at(-1);
    const onClientTool = app.options.peek().onClientTool;
    if (!state.thread || last?.type !== 'client_tool_call' || last.status !== 'pending') return;
    // The server marks the call completed in its store but sends no event for it (nor does the Python SDK):
    // mirror that locally so the transcript stops showing it as running.
    const complete = (output: Record<string, unknown>): void => {
      const now = conversation.peek();
      conversation.value = { ...now, items: now.items.map((i) => (i.id === last.id ? { ...last, status: 'completed' as const, output } : i)) };
    };
    if (!onClientTool) {
      const message = `The assistant asked this page to run "${last.name}", but no onClientTool handler is set`;
      app.reportError(new Error(message));
      complete({ error: message });
      return;
    }
    let result: Record<string, unknown>;
    try {
      const value = await onClientTool({ name: last.name, params: last.arguments });
      result = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      app.reportError(new Error(`Client tool "${last.name}" failed: ${message}`));
      result = { error: message };
    }
    complete(result);
    const request: ChatKitRequestInput = { type: 'threads.add_client_tool_output', params: { thread_id: state.thread.id, result } };
    await respond(request, () => respond(request, async () => undefined));
  }

  /** Sends a user message: shown at once, then streamed into the thread. `onStart` runs once it is on its way. */
  async function send(input: SendInput, onStart?: () => void): Promise<void> {
    idle('send a message');
    need();
    engage();
    if (input.newThread) startNewThread();
    const state = conversation.peek();
    const params = {
      content: input.content,
      attachments: (input.attachments ?? []).map((a) => a.id),
      inference_options: input.inference ?? {},
      ...(input.quotedText ? { quoted_text: input.quotedText } : {}),
    };
    const optimistic: UserMessageItem = {
      id: `${LOCAL_ID_PREFIX}${++localIds}`,
      thread_id: state.thread?.id ?? '',
      created_at: new Date().toISOString(),
      type: 'user_message',
      content: input.content,
      attachments: input.attachments ?? [],
      inference_options: input.inference ?? {},
      ...(input.quotedText ? { quoted_text: input.quotedText } : {}),
    } as UserMessageItem;
    conversation.value = { ...state, items: [...state.items, optimistic] };
    const request: ChatKitRequestInput = state.thread
      ? { type: 'threads.add_user_message', params: { thread_id: state.thread.id, input: params } }
      : { type: 'threads.create', params: { input: params } };
    await respond(
      request,
      async () => {
      // Never acknowledged: drop the unsent copy and send again; acknowledged: regenerate after it.
      const current = conversation.peek();
      if (current.items.some((i) => i.id === optimistic.id)) {
        conversation.value = { ...current, items: current.items.filter((i) => i.id !== optimistic.id) };
        await send({ ...input, newThread: false });
      } else await retryLastTurn();
      },
      onStart,
    );
  }

  /** Regenerates the answer to the last acknowledged user message (Retry, error `allow_retry`). */
  async function retryLastTurn(itemId?: string): Promise<void> {
    idle('retry');
    const state = conversation.peek();
    const users = state.items.filter((i): i is UserMessageItem => i.type === 'user_message' && !i.id.startsWith(LOCAL_ID_PREFIX));
    const target = itemId ? retryTarget(state.items, itemId) : users.at(-1);
    if (!state.thread || !target) throw new Error('There is no message to retry');
    // The server deletes everything after the message without telling us (§3.6): prune locally first.
    conversation.value = pruneAfterItem(state, target.id);
    failure.value = null;
    const request: ChatKitRequestInput = { type: 'threads.retry_after_item', params: { thread_id: state.thread.id, item_id: target.id } };
    await respond(request, () => retryLastTurn(target.id));
  }

  /** Stops the response in flight, keeping what has arrived. */
  function stop(): void {
    controller?.abort(new DOMException('Stopped by the user', 'AbortError'));
  }

  function startNewThread(): void {
    const had = threadId.peek();
    conversation.value = emptyConversation;
    failure.value = null;
    hasOlder.value = false;
    olderCursor = undefined;
    if (had !== null) {
      app.emit('chatkit.thread.change', { threadId: null });
      persist(null);
    }
  }

  /** Opens thread `id` (or the new-thread view for null), newest items first. */
  async function loadThread(id: string | null): Promise<void> {
    idle('load a thread');
    if (id === null) return startNewThread();
    const c = need();
    status.value = 'loading';
    failure.value = null;
    app.emit('chatkit.thread.load.start', { threadId: id });
    try {
      const thread = await c.json({ type: 'threads.get_by_id', params: { thread_id: id } }, (v) => parseThread(v, (r) => log('item.ignored', { reason: r })));
      let items: ThreadItem[] = thread.items.data;
      olderCursor = undefined;
      hasOlder.value = false;
      if (thread.items.has_more) {
        // get_by_id returns the OLDEST page; a chat opens at its newest messages, so fetch those instead.
        const page = await c.json({ type: 'items.list', params: { thread_id: id, order: 'desc', limit: PAGE_SIZE } }, (v) => parseItemPage(v));
        items = [...page.data].reverse();
        hasOlder.value = page.has_more;
        olderCursor = page.after;
      }
      const { items: _page, ...meta } = thread;
      const changed = threadId.peek() !== id;
      conversation.value = { ...emptyConversation, thread: meta, items };
      if (changed) app.emit('chatkit.thread.change', { threadId: id });
      persist(id);
    } catch (e) {
      failure.value = { message: (e as Error).message, retry: () => loadThread(id) };
      throw e;
    } finally {
      status.value = 'idle';
      app.emit('chatkit.thread.load.end', { threadId: id });
    }
  }

  /** Loads the page of items before the oldest one shown. */
  async function loadOlder(): Promise<void> {
    const state = conversation.peek();
    if (!state.thread || !hasOlder.peek() || loadingOlder.peek()) return;
    loadingOlder.value = true;
    try {
      const page = await need().json({ type: 'items.list', params: { thread_id: state.thread.id, order: 'desc', limit: PAGE_SIZE, after: olderCursor } }, (v) => parseItemPage(v));
      const now = conversation.peek();
      if (now.thread?.id !== state.thread.id) return;
      const known = new Set(now.items.map((i) => i.id));
      conversation.value = { ...now, items: [...[...page.data].reverse().filter((i) => !known.has(i.id)), ...now.items] };
      hasOlder.value = page.has_more;
      olderCursor = page.after;
    } finally {
      loadingOlder.value = false;
    }
  }

  /** Boot: the configured initial thread, else the one stored from the last visit. */
  async function restore(options: ResolvedOptions): Promise<void> {
    let stored: string | null = null;
    try {
      stored = env.storage?.getItem(storageKey) ?? null;
    } catch {
      stored = null;
    }
    const id = options.initialThread ?? stored;
    if (!id || !client.peek()) return;
    try {
      await loadThread(id);
    } catch {
      // A stored thread that no longer exists starts a fresh chat instead of an error screen.
      if (!options.initialThread) {
        failure.value = null;
        startNewThread();
        try {
          env.storage?.removeItem(storageKey);
        } catch {
          /* storage blocked */
        }
      }
    }
  }

  /** Thumbs up/down on the items of one assistant turn. */
  async function feedback(itemIds: string[], kind: 'positive' | 'negative'): Promise<void> {
    const thread = conversation.peek().thread;
    if (!thread) return;
    await need().json({ type: 'items.feedback', params: { thread_id: thread.id, item_ids: itemIds, kind } }, (v) => ({ ok: true, value: v }));
  }

  /** A server action (`threads.custom_action`), streamed like a response; also `sendCustomAction()`. */
  async function sendCustomAction(action: { type: string; payload?: unknown }, itemId?: string, onStart?: () => void): Promise<void> {
    const thread = conversation.peek().thread;
    if (!thread) throw new Error('There is no thread to send the action to');
    idle('send an action');
    const request: ChatKitRequestInput = {
      type: 'threads.custom_action',
      params: { thread_id: thread.id, ...(itemId ? { item_id: itemId } : {}), action: { type: action.type, ...(action.payload !== undefined ? { payload: action.payload } : {}) } },
    };
    await respond(request, () => respond(request, async () => undefined), onStart);
  }

  /**
   * A widget action (§3.11): `handler: 'client'` runs `widgets.onAction` on the host; a server action streams
   * (`threads.custom_action`) or, with `streaming: false`, replaces the widget in place (`threads.sync_custom_action`,
   * allowed while a response streams). Form values are already merged into `action.payload` by the renderer.
   */
  async function widgetAction(action: ActionConfig, itemId: string, values?: Record<string, unknown>): Promise<void> {
    const payload = values ? { ...values, ...(action.payload as Record<string, unknown> | undefined) } : action.payload;
    const plain = { type: action.type, ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}) };
    if (action.handler === 'client') {
      const item = conversation.peek().items.find((i) => i.id === itemId);
      const onAction = app.options.peek().widgets.onAction;
      if (!onAction) throw new Error(`Widget action "${action.type}" needs widgets.onAction on the page`);
      if (item?.type === 'widget') await onAction(plain, { id: itemId, widget: item.widget as never });
      return;
    }
    if (action.streaming !== false) return sendCustomAction(plain, itemId);
    const thread = conversation.peek().thread;
    if (!thread) return;
    const result = await need().json({ type: 'threads.sync_custom_action', params: { thread_id: thread.id, item_id: itemId, action: plain } }, (v) => parseSyncActionResult(v));
    const updated = result.updated_item;
    if (updated) {
      const now = conversation.peek();
      conversation.value = { ...now, items: now.items.map((i) => (i.id === updated.id ? updated : i)) };
    }
  }

  /** Answers (or skips) a pending `structured_input` item; the server replaces it and continues (§3.5.7). */
  async function submitStructuredInput(itemId: string, submission: StructuredInputSubmission): Promise<void> {
    const thread = conversation.peek().thread;
    if (!thread) throw new Error('There is no thread to answer in');
    const request: ChatKitRequestInput = { type: 'threads.add_structured_input', params: { thread_id: thread.id, item_id: itemId, input: submission } };
    await respond(request, () => respond(request, async () => undefined));
  }

  /** The ids of the reply items of the turn that contains `itemId` (what feedback rates). */
  function turnItemIds(itemId: string): string[] {
    const items = conversation.peek().items;
    const index = items.findIndex((i) => i.id === itemId);
    if (index === -1) return [itemId];
    let start = index;
    while (start > 0 && items[start - 1]?.type !== 'user_message') start--;
    let end = index;
    while (end + 1 < items.length && items[end + 1]?.type !== 'user_message') end++;
    return items.slice(start, end + 1).map((i) => i.id);
  }

  return {
    conversation,
    status,
    turnItemIds,
    sendCustomAction,
    widgetAction,
    submitStructuredInput,
    failure,
    hasOlder,
    loadingOlder,
    announced,
    threadId,
    imageDomains,
    client,
    engage,
    send,
    stop,
    retryLastTurn,
    newThread: () => {
      idle('start a new thread');
      startNewThread();
    },
    loadThread,
    loadOlder,
    restore,
    feedback,
    dismissFailure: () => void (failure.value = null),
  };
}

/** The user message a thread-item Retry regenerates: the one at or before `itemId`. */
function retryTarget(items: readonly ThreadItem[], itemId: string): UserMessageItem | undefined {
  const index = items.findIndex((i) => i.id === itemId);
  for (let i = index; i >= 0; i--) {
    const item = items[i];
    if (item?.type === 'user_message' && !item.id.startsWith(LOCAL_ID_PREFIX)) return item;
  }
  return undefined;
}

/** The conversation model. */
export type ChatModel = ReturnType<typeof createChatModel>;
