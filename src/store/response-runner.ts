/**
 * Runs one streaming request: applies each event to a working copy of the conversation with the pure reducer,
 * commits that copy to the signal at most once per animation frame (a 20,000-token answer is 20,000 deltas; the
 * view must not render 20,000 times), and reports how the turn ended. Stopping aborts the request and keeps
 * the partial answer. Events that arrive faster than they can be applied (a whole answer in one network read)
 * are applied in slices of SLICE_MS, with a task boundary between slices so the browser can paint.
 * A stream silent for `idleMs` (IDLE_TIMEOUT_MS by default) is aborted and reported as failed; a stream that ends
 * with no answer (only the thread and the user's own message) is failed too, never a finished turn.
 */
import type { Signal } from '@preact/signals';
import type { ApiClient } from '../client/api-client.ts';
import type { ThreadStreamEvent } from '../protocol/events.ts';
import type { ChatKitRequestInput } from '../protocol/requests.ts';
import { applyStreamEvent } from './apply-stream-event.ts';
import { beginResponse, isTurnComplete, type ConversationState, type ReduceEffect } from './conversation-state.ts';

/** Longest run of event handling before yielding to the event loop (half a 60 Hz frame). */
export const SLICE_MS = 8;

/** How long a stream may stay silent (no event) before the turn fails with Retry. */
export const IDLE_TIMEOUT_MS = 45_000;

/** Events that are not (part of) an answer: the thread itself, stream settings, and the user's own message. */
const notAnswer = (e: ThreadStreamEvent): boolean =>
  e.type === 'thread.created' ||
  e.type === 'thread.updated' ||
  e.type === 'stream_options' ||
  e.type === 'progress_update' ||
  ((e.type === 'thread.item.added' || e.type === 'thread.item.done') && e.item.type === 'user_message');

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** How a response ended. */
export type ResponseOutcome =
  | { kind: 'complete' }
  | { kind: 'stopped' }
  | { kind: 'error-event' }
  | { kind: 'failed'; error: Error; acknowledged: boolean };

/** What a run needs. */
export interface RunOptions {
  client: ApiClient;
  request: ChatKitRequestInput;
  conversation: Signal<ConversationState>;
  signal: AbortSignal;
  /** Schedules a commit before the next paint; returns a cancel function. */
  frame: (commit: () => void) => () => void;
  onEffect: (effect: ReduceEffect) => void;
  /** Clock for time slicing; performance.now by default. */
  now?: () => number;
  /** Silence (ms without an event) after which the stream is given up; IDLE_TIMEOUT_MS by default. */
  idleMs?: number;
}

/** Streams `request` into `conversation`. Never throws; the outcome says what happened. */
export async function runResponse(o: RunOptions): Promise<ResponseOutcome> {
  let committed = beginResponse(o.conversation.peek());
  o.conversation.value = committed;
  let state = committed;
  /** Events applied since the last commit. */
  const since: ThreadStreamEvent[] = [];
  // Someone else wrote the conversation since our last commit (an older page loaded, the thread renamed, a
  // widget replaced in place): replay the events of this frame on top of their state rather than overwrite it.
  const rebase = (): void => {
    const current = o.conversation.peek();
    if (current === committed) return;
    committed = state = current;
    for (const event of since) state = applyStreamEvent(state, event).state;
  };
  let events = 0;
  let cancelCommit: (() => void) | null = null;
  const commit = (): void => {
    cancelCommit = null;
    rebase();
    o.conversation.value = committed = state;
    since.length = 0;
  };
  const now = o.now ?? (() => performance.now());
  let sliceStart = now();
  let answered = false;
  // Our own signal: the user's stop, or silence for idleMs.
  const idleMs = o.idleMs ?? IDLE_TIMEOUT_MS;
  const ctl = new AbortController();
  const silent = new Error(`The chat server stopped responding (nothing received for ${idleMs / 1000} s).`);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => ctl.abort(silent), idleMs);
  };
  const onStop = (): void => ctl.abort(o.signal.reason);
  o.signal.addEventListener('abort', onStop, { once: true });
  arm();
  try {
    for await (const event of o.client.stream(o.request, ctl.signal)) {
      arm();
      if (!notAnswer(event)) answered = true;
      if (now() - sliceStart > SLICE_MS) {
        await nextTask();
        sliceStart = now();
      }
      events += 1;
      rebase();
      since.push(event);
      const result = applyStreamEvent(state, event);
      state = result.state;
      for (const effect of result.effects) o.onEffect(effect);
      cancelCommit ??= o.frame(commit);
    }
    if (o.signal.aborted) return { kind: 'stopped' };
    if (ctl.signal.aborted) return { kind: 'failed', error: silent, acknowledged: events > 0 };
    if (state.error) return { kind: 'error-event' };
    if (answered && isTurnComplete(state, events)) return { kind: 'complete' };
    return { kind: 'failed', error: new Error('The response was interrupted.'), acknowledged: events > 0 };
  } catch (e) {
    if (o.signal.aborted) return { kind: 'stopped' };
    if (ctl.signal.aborted) return { kind: 'failed', error: silent, acknowledged: events > 0 };
    return { kind: 'failed', error: e instanceof Error ? e : new Error(String(e)), acknowledged: events > 0 };
  } finally {
    clearTimeout(timer);
    o.signal.removeEventListener('abort', onStop);
    cancelCommit?.();
    rebase();
    // A stopped or broken response leaves nothing "pending": the partial text is what the user keeps.
    o.conversation.value = { ...state, pending: [], allowCancel: false, progress: null };
  }
}
