/**
 * The thread list (`history.enabled`): newest first, paged with `threads.list`, renamed with `threads.update`,
 * deleted with `threads.delete`. Opening a thread goes through the chat model.
 */
import { signal } from '@preact/signals';
import { parseThread, parseThreadPage } from '../protocol/parse-items.ts';
import type { ThreadMetadata } from '../protocol/thread.ts';
import type { AppModel } from './app-model.ts';
import type { ChatModel } from './chat-model.ts';

/** Threads per page of the list. */
export const HISTORY_PAGE = 20;

/** Creates the history model. */
export function createHistoryModel(app: AppModel, chat: ChatModel) {
  const threads = signal<ThreadMetadata[]>([]);
  const hasMore = signal(false);
  const loading = signal(false);
  const error = signal<string | null>(null);
  let after: string | undefined;

  const client = () => {
    const c = chat.client.peek();
    if (!c) throw new Error('Chat is not configured');
    return c;
  };
  const strip = ({ items: _items, ...meta }: ThreadMetadata & { items?: unknown }): ThreadMetadata => meta;

  async function page(reset: boolean): Promise<void> {
    if (loading.peek()) return;
    loading.value = true;
    error.value = null;
    try {
      const result = await client().json(
        { type: 'threads.list', params: { limit: HISTORY_PAGE, order: 'desc', ...(reset || !after ? {} : { after }) } },
        (v) => parseThreadPage(v),
      );
      const known = reset ? new Set<string>() : new Set(threads.peek().map((t) => t.id));
      threads.value = [...(reset ? [] : threads.peek()), ...result.data.map(strip).filter((t) => !known.has(t.id))];
      hasMore.value = result.has_more;
      after = result.after;
    } catch (e) {
      error.value = (e as Error).message;
    } finally {
      loading.value = false;
    }
  }

  /** Renames a thread; the open thread's title follows. */
  async function rename(id: string, title: string): Promise<void> {
    const updated = strip(await client().json({ type: 'threads.update', params: { thread_id: id, title } }, (v) => parseThread(v)));
    threads.value = threads.peek().map((t) => (t.id === id ? { ...t, ...updated } : t));
    const conv = chat.conversation.peek();
    if (conv.thread?.id === id) chat.conversation.value = { ...conv, thread: { ...conv.thread, ...updated } };
  }

  /** Deletes a thread; deleting the open one starts a new chat. */
  async function remove(id: string): Promise<void> {
    await client().json({ type: 'threads.delete', params: { thread_id: id } }, (v) => ({ ok: true, value: v }));
    threads.value = threads.peek().filter((t) => t.id !== id);
    if (chat.threadId.peek() === id) chat.newThread();
  }

  /** Opens a thread from the list and returns to the chat view. */
  async function open(id: string): Promise<void> {
    app.setView('chat');
    await chat.loadThread(id);
  }

  return { threads, hasMore, loading, error, refresh: () => page(true), more: () => page(false), rename, remove, open };
}

/** The history model. */
export type HistoryModel = ReturnType<typeof createHistoryModel>;
