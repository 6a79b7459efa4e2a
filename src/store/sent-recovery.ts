/**
 * After a stream broke before the server echoed the user's message, was the message stored anyway? The server
 * may have created the thread and saved the message before the cut; sending again would make a second thread
 * (or a second copy in the same thread). This looks at the newest thread (when we never learnt its id) and its
 * newest item: if that is our message, Retry adopts it and regenerates the answer instead of sending it again.
 */
import type { ApiClient } from '../client/api-client.ts';
import type { UserMessageItem } from '../protocol/items.ts';
import { parseItemPage, parseThreadPage } from '../protocol/parse-items.ts';
import type { SendInput } from './chat-types.ts';

const key = (content: SendInput['content']): string => JSON.stringify(content.map((p) => [p.type, p.text, 'id' in p ? p.id : '']));

/** The stored copy of a message we sent (`content`), if the server kept it; null when it did not or we cannot tell. */
export async function findStoredMessage(client: ApiClient, threadId: string | null, content: SendInput['content']): Promise<{ threadId: string; item: UserMessageItem } | null> {
  try {
    let id = threadId;
    if (!id) {
      const page = await client.json({ type: 'threads.list', params: { limit: 1, order: 'desc' } }, (v) => parseThreadPage(v));
      id = page.data[0]?.id ?? null;
      if (!id) return null;
    }
    const items = await client.json({ type: 'items.list', params: { thread_id: id, limit: 1, order: 'desc' } }, (v) => parseItemPage(v));
    const last = items.data[0];
    return last?.type === 'user_message' && key(last.content) === key(content) ? { threadId: id, item: last } : null;
  } catch {
    // Unreachable or unreadable: sending again is the only way forward (and fails visibly if the server is down).
    return null;
  }
}
