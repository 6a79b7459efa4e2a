/**
 * The long-thread backend: the reference ChatKit server over a memory store that holds one thread of N items
 * (alternating user / assistant, short text), written through the store API as a real integration would.
 */
import { createChatKitServer, createMemoryStore, streamText, type ChatKitServer } from '../../src/server/index.ts';

/** Id of the seeded thread. */
export const LONG_THREAD_ID = 'thr_bench_long';

/** Item id of position `i` (zero-padded so ids sort like positions). */
export const longItemId = (i: number): string => `msg_bench_${String(i).padStart(5, '0')}`;

/** Builds the server and seeds the thread; resolves once every item is stored. */
export async function createLongThreadServer(items: number): Promise<ChatKitServer> {
  const store = createMemoryStore();
  const t0 = Date.UTC(2026, 0, 1);
  await store.saveThread({ id: LONG_THREAD_ID, title: 'A very long thread', created_at: new Date(t0).toISOString(), status: { type: 'active' }, metadata: {} });
  for (let i = 0; i < items; i++) {
    const created_at = new Date(t0 + i * 1000).toISOString();
    const id = longItemId(i);
    if (i % 2 === 0) {
      await store.addThreadItem(LONG_THREAD_ID, {
        id,
        thread_id: LONG_THREAD_ID,
        created_at,
        type: 'user_message',
        content: [{ type: 'input_text', text: `Question ${i / 2 + 1}: how do I rotate the key of project ${i % 97}?` }],
        attachments: [],
        inference_options: {},
      });
    } else {
      await store.addThreadItem(LONG_THREAD_ID, {
        id,
        thread_id: LONG_THREAD_ID,
        created_at,
        type: 'assistant_message',
        content: [{ type: 'output_text', text: `Answer ${(i + 1) / 2}: open **Settings → Keys**, pick project ${i % 97} and press *Rotate*.`, annotations: [] }],
      });
    }
  }
  return createChatKitServer({
    store,
    respond: (thread, _input, ctx) => streamText(thread, ctx, 'Noted.'),
  });
}
