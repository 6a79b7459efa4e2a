/**
 * The conversation: the current thread and its items, the response in flight, failures with their retry, and
 * the thread's persistence across reloads. State is signals; writes go through the actions below; stream events
 * are applied by the pure reducer (apply-stream-event.ts) inside `runResponse`.
 *
 * Every request goes through one `respond` (streams) or `need()` (JSON) and one busy/abort/failure state, kept
 * here in the shared core; thread loading (thread-loader.ts) and item actions (item-actions.ts) build on it.
 */
import { computed, signal } from '@preact/signals';
import type { ApiClient } from '../client/api-client.ts';
import type { ThreadItem, UserMessageItem } from '../protocol/items.ts';
import type { ChatKitRequestInput } from '../protocol/requests.ts';
import type { AppModel } from './app-model.ts';
import { createBackend } from './backend.ts';
import { LOCAL_ID_PREFIX } from './apply-stream-event.ts';
import { emptyConversation, pruneAfterItem, type ConversationState, type ReduceEffect } from './conversation-state.ts';
import { createItemActions } from './item-actions.ts';
import { runResponse, type ResponseOutcome } from './response-runner.ts';
import { findStoredMessage } from './sent-recovery.ts';
import { createThreadLoader } from './thread-loader.ts';

import type { StorageMode } from './kept-state.ts';
import { BusyError, type ChatCore, type ChatEnv, type Failure, type SendInput } from './chat-types.ts';

export { BusyError, type ChatCore, type ChatEnv, type Failure, type SendInput };
export { PAGE_SIZE } from './thread-loader.ts';

/** Creates the conversation model. */
export function createChatModel(app: AppModel, env: ChatEnv) {
  const conversation = signal<ConversationState>(emptyConversation);
  const status = signal<'idle' | 'streaming' | 'loading'>('idle');
  const failure = signal<Failure | null>(null);
  const hasOlder = signal(false);
  const loadingOlder = signal(false);
  /**
   * Set when a reply finishes, for the polite live-region announcement: a new `seq` each time (an identical reply
   * is announced again), `markdown` when `text` is a Markdown answer, `closed` when the panel was closed.
   */
  const announced = signal<{ seq: number; text: string; markdown: boolean; closed: boolean } | null>(null);
  let announcements = 0;
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
  const paging: { cursor?: string | undefined } = {};
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
  /** The thread id is kept for the next page load only once the user has engaged with the chat (never inline). */
  const persist = (id: string | null): void => {
    if (engaged && !env.inline) void env.kept.set('thread', id);
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

  /** Runs one response; after a failure, Retry runs `retry`, by default the same request again (as often as it fails). */
  async function respond(request: ChatKitRequestInput, retry = (): Promise<void> => respond(request), onStart?: () => void): Promise<void> {
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
      outcome = await runResponse({ client: c, request, conversation, signal: ctl.signal, frame: env.frame, onEffect, ...(env.idleTimeoutMs === undefined ? {} : { idleMs: env.idleTimeoutMs }) });
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
      const markdown = last.type === 'assistant_message';
      const text = markdown ? last.content.map((p) => p.text).join('\n\n') : last.type === 'structured_input' ? last.inputs.map((i) => i.question).join('\n') : '';
      if (text || !app.isOpen.peek()) announced.value = { seq: ++announcements, text, markdown, closed: !app.isOpen.peek() };
    }
    if (outcome.kind === 'complete') await actions.runClientTool();
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
        // The server may have stored it before the cut: adopt that copy rather than send a second one.
        const stored = await findStoredMessage(need(), current.thread?.id ?? null, input.content);
        if (stored && current.thread) conversation.value = { ...current, items: current.items.map((i) => (i.id === optimistic.id ? stored.item : i)) };
        else if (stored) await threads.loadThread(stored.threadId);
        if (stored) return retryLastTurn();
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
    paging.cursor = undefined;
    if (had !== null) {
      app.emit('chatkit.thread.change', { threadId: null });
      persist(null);
    }
  }

  const core: ChatCore = { app, env, conversation, status, failure, hasOlder, loadingOlder, threadId, client, paging, need, idle, log, persist, respond, startNewThread };
  const threads = createThreadLoader(core);
  const actions = createItemActions(core);

  return {
    ...threads,
    ...actions,
    conversation,
    status,
    failure,
    hasOlder,
    loadingOlder,
    announced,
    threadId,
    imageDomains,
    client,
    engage,
    /** Changes where the thread id is kept (`ChatKit.setStorage`); a mode that keeps starts keeping the current one. */
    async setStorage(mode: StorageMode): Promise<void> {
      await env.kept.setMode(mode);
      persist(threadId.peek());
    },
    send,
    stop,
    retryLastTurn,
    newThread: () => {
      idle('start a new thread');
      startNewThread();
    },
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
