/**
 * The heart of every streaming response (chatkit-python's `_process_events`): sends `stream_options`, runs the
 * integration's stream, persists what it yields (`done` → add, `replaced` → upsert, `removed` → delete),
 * swallows hidden items, emits `thread.updated` whenever the integration changed the thread, turns exceptions
 * into `error` events, and on cancellation saves the partial answer plus a hidden note.
 */
import { isHiddenItemType, type ErrorEvent, type StoredThreadItem, type ThreadMetadata } from '../protocol/index.ts';
import { CustomStreamError, NotFoundError, StreamError } from './errors.ts';
import { applyPendingUpdate, persistCancelled } from './pending-items.ts';
import { toThreadResponse } from './serialize.ts';
import type { RequestEnv, ServerEvent } from './server-types.ts';

/** The `error` event for an exception thrown by an integration. */
export function errorEventFor(error: unknown): ErrorEvent {
  if (error instanceof CustomStreamError) {
    return { type: 'error', code: 'custom', message: error.message, allow_retry: error.allowRetry };
  }
  if (error instanceof StreamError) return { type: 'error', code: error.code, allow_retry: error.allowRetry };
  return { type: 'error', code: 'stream.error', allow_retry: true };
}

/** Canonical JSON (sorted keys), so that re-ordering keys is not mistaken for a change. */
function snapshot(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** The next element, or a rejection as soon as `signal` aborts (the integration may be stuck awaiting). */
function nextUnlessAborted<T>(iterator: AsyncIterator<T>, signal: AbortSignal): Promise<IteratorResult<T>> {
  if (signal.aborted) return Promise.reject(signal.reason);
  const next = iterator.next();
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      next.catch(() => undefined);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    next.then(
      (result) => {
        signal.removeEventListener('abort', onAbort);
        resolve(result);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Wraps an integration's stream with the SDK's persistence, error and cancellation semantics. */
export async function* processEvents<C>(
  thread: ThreadMetadata,
  env: RequestEnv<C>,
  stream: () => AsyncIterable<ServerEvent>,
): AsyncGenerator<ServerEvent> {
  const { store, ctx } = env;
  const allowCancel = env.options.streamOptions?.(thread, ctx.context) ?? { allow_cancel: true };
  yield { type: 'stream_options', stream_options: allowCancel };

  let last = snapshot(thread);
  // Set when the thread was deleted while the answer ran: nothing more is stored (nor the thread saved back).
  let gone = false;
  const write = async (save: () => Promise<void>): Promise<void> => {
    try {
      await save();
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      gone = true;
      throw new CustomStreamError('This conversation was deleted.');
    }
  };
  const threadChanged = async (): Promise<boolean> => {
    const current = snapshot(thread);
    if (gone || current === last) return false;
    last = current;
    await store.saveThread(thread);
    return true;
  };
  const pending = new Map<string, StoredThreadItem>();
  let iterator: AsyncIterator<ServerEvent> | undefined;
  let settled = false;
  try {
    try {
      iterator = stream()[Symbol.asyncIterator]();
      for (;;) {
        const next = await nextUnlessAborted(iterator, ctx.signal);
        if (next.done) break;
        const event = next.value;
        switch (event.type) {
          case 'thread.item.added':
            pending.set(event.item.id, structuredClone(event.item));
            break;
          case 'thread.item.updated': {
            const item = pending.get(event.item_id);
            if (item) pending.set(item.id, applyPendingUpdate(item, event.update));
            break;
          }
          case 'thread.item.done':
            await write(() => store.addThreadItem(thread.id, event.item));
            pending.delete(event.item.id);
            break;
          case 'thread.item.replaced':
            await write(() => store.saveItem(thread.id, event.item));
            pending.delete(event.item.id);
            break;
          case 'thread.item.removed':
            await store.deleteThreadItem(thread.id, event.item_id);
            pending.delete(event.item_id);
            break;
        }
        if (!(event.type === 'thread.item.done' && isHiddenItemType(event.item.type))) yield event;
        if (await threadChanged()) yield { type: 'thread.updated', thread: toThreadResponse(thread) };
      }
    } catch (error) {
      // Cancellation, not failure: `finally` saves what there is.
      if (ctx.signal.aborted) return;
      // The integration may be suspended in an await; its answer has nowhere to go.
      if (gone) void iterator?.return?.()?.catch(() => undefined);
      if (!(error instanceof CustomStreamError || error instanceof StreamError)) env.options.onError?.(error);
      yield errorEventFor(error);
    }
    // The integration is finished: leaving now (during the last thread.updated) is not a cancellation.
    settled = true;
    if (await threadChanged()) yield { type: 'thread.updated', thread: toThreadResponse(thread) };
  } finally {
    if (!settled) {
      // The integration may be suspended in an await; ask it to finish without waiting for it.
      void iterator?.return?.()?.catch(() => undefined);
      // Nobody is listening any more: a failure here can only be reported.
      await persistCancelled(thread, pending.values(), env).catch((error: unknown) => env.options.onError?.(error));
    }
  }
}
