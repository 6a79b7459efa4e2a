/**
 * Opening threads: by id (newest page first, since `threads.get_by_id` returns the oldest), older pages on demand,
 * newer items added elsewhere (`refresh`, polled by the view while the thread is open), and the thread of the
 * last visit on boot. Part of the chat model (chat-model.ts), over its shared core.
 */
import type { ResolvedOptions } from '../config/resolved.ts';
import type { ThreadItem } from '../protocol/items.ts';
import { parseItemPage, parseThread } from '../protocol/parse-items.ts';
import type { ChatCore } from './chat-model.ts';
import { LOCAL_ID_PREFIX } from './apply-stream-event.ts';
import { emptyConversation } from './conversation-state.ts';

/** Items per page when paging a long thread (newest first, then older on scroll). */
export const PAGE_SIZE = 40;
/** Pages one refresh reads at most; a thread that grew by more than this is caught up by the next refresh. */
const REFRESH_PAGES = 5;

/** The thread actions of the chat model. */
export function createThreadLoader(core: ChatCore) {
  const { app, env, conversation, status, failure, hasOlder, loadingOlder, threadId, client, need, idle, log, persist, startNewThread } = core;

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
      core.paging.cursor = undefined;
      hasOlder.value = false;
      if (thread.items.has_more) {
        // get_by_id returns the OLDEST page; a chat opens at its newest messages, so fetch those instead.
        const page = await c.json({ type: 'items.list', params: { thread_id: id, order: 'desc', limit: PAGE_SIZE } }, (v) => parseItemPage(v));
        items = [...page.data].reverse();
        hasOlder.value = page.has_more;
        core.paging.cursor = page.after;
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
      const page = await need().json({ type: 'items.list', params: { thread_id: state.thread.id, order: 'desc', limit: PAGE_SIZE, after: core.paging.cursor } }, (v) => parseItemPage(v));
      const now = conversation.peek();
      if (now.thread?.id !== state.thread.id) return;
      const known = new Set(now.items.map((i) => i.id));
      conversation.value = { ...now, items: [...[...page.data].reverse().filter((i) => !known.has(i.id)), ...now.items] };
      hasOlder.value = page.has_more;
      core.paging.cursor = page.after;
    } finally {
      loadingOlder.value = false;
    }
  }

  let refreshing = false;

  /**
   * Appends the items added to the open thread since its newest item (by another tab, a server job, an agent
   * working in the background): `items.list` ascending after that item, so an unchanged thread costs one small
   * request. Only while nothing streams or loads; what arrives for another thread, or after the user acted, is
   * dropped. Resolves to the number of items added.
   */
  async function refresh(): Promise<number> {
    const state = conversation.peek();
    const c = client.peek();
    if (!state.thread || !c || refreshing || status.peek() !== 'idle') return 0;
    const id = state.thread.id;
    // The newest item the server knows (not an optimistic copy still waiting for its echo).
    let after = [...state.items].reverse().find((i) => !i.id.startsWith(LOCAL_ID_PREFIX))?.id;
    let added = 0;
    refreshing = true;
    try {
      for (let n = 0; n < REFRESH_PAGES; n++) {
        const page = await c.json(
          { type: 'items.list', params: { thread_id: id, order: 'asc', limit: PAGE_SIZE, ...(after ? { after } : {}) } },
          (v) => parseItemPage(v, (r) => log('item.ignored', { reason: r })),
        );
        const now = conversation.peek();
        if (now.thread?.id !== id || status.peek() !== 'idle') return added;
        const known = new Set(now.items.map((i) => i.id));
        const fresh = page.data.filter((i) => !known.has(i.id));
        if (fresh.length) {
          conversation.value = { ...now, items: [...now.items, ...fresh] };
          added += fresh.length;
        }
        if (!page.has_more || !page.after) break;
        after = page.after;
      }
    } catch (e) {
      // A background check: say so in the log, never as an error screen; the next refresh tries again.
      log('refresh.failed', { message: (e as Error).message });
    } finally {
      refreshing = false;
    }
    if (added) log('refresh.added', { count: added });
    return added;
  }

  /**
   * Boot: `initialThread` when it names a thread; `null` means a new thread. Unset, the floating widget reopens the
   * thread kept from the last visit and the inline element (as ChatKit's) opens the new-thread view.
   */
  async function restore(options: ResolvedOptions): Promise<void> {
    const named = options.initialThread;
    const kept = named === undefined && !env.inline ? await env.kept.get('thread') : null;
    const id = named ?? kept;
    if (!id || !client.peek()) return;
    try {
      await loadThread(id);
    } catch (e) {
      if (named) return;
      // A kept thread the backend no longer has (deleted, a restarted in-memory backend, another app's id) starts
      // a fresh chat instead of an error screen, is forgotten, and is said once in chatkit.log.
      failure.value = null;
      startNewThread();
      void env.kept.set('thread', null);
      core.log('thread.restore.failed', { threadId: id, message: e instanceof Error ? e.message : String(e) });
    }
  }

  return { loadThread, loadOlder, refresh, restore };
}
