/** The non-streaming requests (CHATKIT.md §3.2): thread and item reads, management, uploads, dictation. */
import type { NonStreamingRequest, Page, ThreadItem } from '../protocol/index.ts';
import { createTwoPhaseAttachment } from './attachments.ts';
import { HttpError, NotFoundError } from './errors.ts';
import { toThreadResponse, visibleItems } from './serialize.ts';
import type { RequestEnv } from './server-types.ts';
import type { PageQuery, Store } from './store.ts';

/** The page size when a request names none (or 0), as in the SDK. */
export const DEFAULT_PAGE_SIZE = 20;
/** The largest page served, whatever a request asks for. */
export const MAX_PAGE_SIZE = 100;

type PageParams = { limit?: number | undefined; order: 'asc' | 'desc'; after?: string | undefined };

function pageQuery(params: PageParams): PageQuery {
  const { limit } = params;
  if (limit !== undefined && limit < 0) {
    throw new HttpError(400, 'invalid_request', `params.limit: expected a positive integer, received ${limit}`);
  }
  return { limit: Math.min(limit || DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE), order: params.order, after: params.after };
}

// Strict base64: Node's decoder silently skips garbage, which would transcribe noise.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Whether `threadId` has item `itemId` (a missing one throws NotFoundError in the store). */
async function hasItem(store: Store, threadId: string, itemId: string): Promise<boolean> {
  try {
    await store.loadItem(threadId, itemId);
    return true;
  } catch (error) {
    if (error instanceof NotFoundError) return false;
    throw error;
  }
}

/** Runs one JSON request and returns the response body. Throws `HttpError` and `NotFoundError`. */
export async function handleJsonRequest<C>(request: NonStreamingRequest, env: RequestEnv<C>): Promise<unknown> {
  const { store, options, ctx } = env;
  switch (request.type) {
    case 'threads.get_by_id': {
      const thread = await store.loadThread(request.params.thread_id);
      // Like the SDK: the first 20 items, hidden ones filtered after loading (the page may hold fewer).
      const items = await store.loadThreadItems(thread.id, { limit: DEFAULT_PAGE_SIZE, order: 'asc' });
      return toThreadResponse(thread, items);
    }
    case 'threads.list': {
      const page = await store.loadThreads(pageQuery(request.params));
      return { ...page, data: page.data.map((thread) => toThreadResponse(thread)) };
    }
    case 'items.list': {
      const thread = await store.loadThread(request.params.thread_id);
      const page = await store.loadThreadItems(thread.id, pageQuery(request.params));
      return { ...page, data: visibleItems(page.data) } satisfies Page<ThreadItem>;
    }
    case 'items.feedback': {
      const thread = await store.loadThread(request.params.thread_id);
      // Stored for items of this thread only, each once. Ids it does not have are ignored, not refused: the Python
      // SDK answers `{}` to feedback on an unknown item (fixture n1), and clients rate a turn by the ids they hold.
      const ids: string[] = [];
      for (const id of new Set(request.params.item_ids)) if (await hasItem(store, thread.id, id)) ids.push(id);
      if (ids.length > 0) await store.addFeedback(thread.id, ids, request.params.kind);
      return {};
    }
    case 'attachments.create':
      return createTwoPhaseAttachment(request.params, env);
    case 'attachments.delete':
      await store.deleteAttachment(request.params.attachment_id);
      return {};
    case 'threads.update': {
      const thread = await store.loadThread(request.params.thread_id);
      thread.title = request.params.title;
      await store.saveThread(thread);
      return toThreadResponse(thread);
    }
    case 'threads.delete': {
      const thread = await store.loadThread(request.params.thread_id);
      await store.deleteThread(thread.id);
      return {};
    }
    case 'input.transcribe': {
      if (!options.transcribe) throw new HttpError(400, 'not_configured', 'transcription is not configured');
      const { audio_base64: audio, mime_type: mimeType } = request.params;
      if (!BASE64.test(audio)) {
        throw new HttpError(400, 'invalid_request', 'params.audio_base64: expected base64 data');
      }
      const result = await options.transcribe(new Uint8Array(Buffer.from(audio, 'base64')), mimeType, ctx);
      return { text: typeof result === 'string' ? result : result.text };
    }
    case 'threads.sync_custom_action': {
      const thread = await store.loadThread(request.params.thread_id);
      const { item_id: itemId, action } = request.params;
      const sender = itemId ? await store.loadItem(thread.id, itemId) : null;
      if (sender && sender.type !== 'widget') {
        throw new HttpError(400, 'invalid_request', `item ${sender.id} is not a widget`);
      }
      if (!options.syncAction) throw new HttpError(400, 'not_configured', 'sync actions are not configured');
      // Sent, not saved, as in the SDK (a fixture shows the stored widget unchanged afterwards).
      const result = await options.syncAction(thread, action, sender, ctx);
      return result?.updated_item ? { updated_item: result.updated_item } : {};
    }
  }
}
