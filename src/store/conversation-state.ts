/** The client's view of one thread's conversation, as a plain immutable value (signals wrap it elsewhere). */
import type { NoticeEvent, ThreadItem, ThreadMetadata } from '../protocol/index.ts';

/** Conversation state for one thread as the client sees it. */
export interface ConversationState {
  /** The thread without its items; `null` before `thread.created` on a new thread. */
  thread: ThreadMetadata | null;
  /** Display order, oldest first. */
  items: readonly ThreadItem[];
  /** Ids added but not yet done/replaced/removed. */
  pending: readonly string[];
  /** From `stream_options`: whether the stop button may be offered. */
  allowCancel: boolean;
  /** Transient status line from `progress_update`. */
  progress: { icon?: string; text: string } | null;
  /** Notice events of this response, in order. */
  notices: readonly NoticeEvent[];
  /** The `error` event of this response, if any. */
  error: ConversationError | null;
}

/** A user-visible error of the current response; unknown codes get the generic message. */
export type ConversationError = { code: string; message?: string; allowRetry: boolean };

/** A side effect the store performs for an event; the reducer itself stays pure. */
export type ReduceEffect =
  | { type: 'thread.change'; threadId: string }
  | { type: 'effect'; name: string; data: Record<string, unknown> }
  | { type: 'log'; name: string; data?: Record<string, unknown> };

/** No thread, no items, no response in progress. */
export const emptyConversation: ConversationState = Object.freeze({
  thread: null,
  items: Object.freeze([]),
  pending: Object.freeze([]),
  allowCancel: false,
  progress: null,
  notices: Object.freeze([]),
  error: null,
});

/** Clears what belongs to the previous response (pending ids, progress, notices, error, stop button). */
export function beginResponse(state: ConversationState): ConversationState {
  return { ...state, pending: [], allowCancel: false, progress: null, notices: [], error: null };
}

/**
 * Drops every item after `itemId` (the user message being retried). The server deletes them without sending
 * `thread.item.removed`, so the client must. An unknown id leaves the state unchanged.
 */
export function pruneAfterItem(state: ConversationState, itemId: string): ConversationState {
  const index = state.items.findIndex((item) => item.id === itemId);
  if (index === -1 || index === state.items.length - 1) return state;
  const items = state.items.slice(0, index + 1);
  const kept = new Set(items.map((item) => item.id));
  return { ...state, items, pending: state.pending.filter((id) => kept.has(id)) };
}

/**
 * Whether a finished response stream completed its turn: it produced at least one event, left no item pending
 * and sent no `error`. Zero events (e.g. an unknown thread id) or a stream cut mid-item is a failure to report.
 */
export function isTurnComplete(state: ConversationState, eventCount: number): boolean {
  return eventCount > 0 && state.pending.length === 0 && state.error === null;
}
