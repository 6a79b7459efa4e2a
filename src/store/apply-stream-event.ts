/**
 * The pure reducer from stream events to conversation state (CHATKIT.md §3.3, §3.13). The store wraps it in
 * signals and performs the returned effects; replaying a fixture through it gives the exact transcript.
 */
import type { Thread, ThreadItem, ThreadMetadata, ThreadStreamEvent } from '../protocol/index.ts';
// A direct import: the barrel would pull every schema (requests included) into the frame bundle.
import { isHiddenItemType } from '../protocol/items.ts';
import { applyItemUpdate } from './apply-item-update.ts';
import type { ConversationError, ConversationState, ReduceEffect } from './conversation-state.ts';

/** The new state plus the effects the store must perform, in order. */
export type ReduceResult = { state: ConversationState; effects: ReduceEffect[] };

/** Optimistic user messages (shown before the server echoes them) carry ids with this prefix. */
export const LOCAL_ID_PREFIX = 'local_';

function metadataOf(thread: Thread): ThreadMetadata {
  const { items: _items, ...metadata } = thread;
  return metadata;
}

// Streaming items are almost always at the end, so search backwards.
function indexOfItem(items: readonly ThreadItem[], id: string): number {
  for (let i = items.length - 1; i >= 0; i--) if (items[i]?.id === id) return i;
  return -1;
}

function indexOfLocalUserMessage(items: readonly ThreadItem[]): number {
  return items.findIndex((item) => item.type === 'user_message' && item.id.startsWith(LOCAL_ID_PREFIX));
}

function placeItem(items: readonly ThreadItem[], item: ThreadItem, adoptLocal: boolean): ThreadItem[] {
  let index = indexOfItem(items, item.id);
  if (index === -1 && adoptLocal && item.type === 'user_message') index = indexOfLocalUserMessage(items);
  const next = items.slice();
  if (index === -1) next.push(item);
  else next[index] = item;
  return next;
}

function withId(ids: readonly string[], id: string): readonly string[] {
  return ids.includes(id) ? ids : [...ids, id];
}

function withoutId(ids: readonly string[], id: string): readonly string[] {
  return ids.includes(id) ? ids.filter((x) => x !== id) : ids;
}

function applyItemEvent(state: ConversationState, event: ThreadStreamEvent): ReduceResult {
  // Any item event ends the transient progress line.
  const base: ConversationState = state.progress === null ? state : { ...state, progress: null };
  switch (event.type) {
    case 'thread.item.added':
    case 'thread.item.done':
    case 'thread.item.replaced': {
      const { item } = event;
      if (isHiddenItemType(item.type)) {
        return { state: base, effects: [{ type: 'log', name: 'item.hidden_ignored', data: { item_id: item.id } }] };
      }
      const items = placeItem(state.items, item, event.type !== 'thread.item.replaced');
      const pending =
        event.type === 'thread.item.added' ? withId(state.pending, item.id) : withoutId(state.pending, item.id);
      return { state: { ...base, items, pending }, effects: [] };
    }
    case 'thread.item.removed': {
      const index = indexOfItem(state.items, event.item_id);
      const items = index === -1 ? state.items : state.items.filter((_, i) => i !== index);
      return { state: { ...base, items, pending: withoutId(state.pending, event.item_id) }, effects: [] };
    }
    case 'thread.item.updated': {
      const { item_id, update } = event;
      const index = indexOfItem(state.items, item_id);
      const current = state.items[index];
      if (current === undefined) {
        const data = { item_id, update_type: update.type };
        return { state: base, effects: [{ type: 'log', name: 'item.update_unknown_item', data }] };
      }
      const next = applyItemUpdate(current, update);
      if (next === current) {
        const data = { item_id, item_type: current.type, update_type: update.type };
        return { state: base, effects: [{ type: 'log', name: 'item.update_ignored', data }] };
      }
      const items = state.items.slice();
      items[index] = next;
      return { state: { ...base, items }, effects: [] };
    }
    default:
      return { state, effects: [] };
  }
}

/** Applies one stream event; never mutates `state` and never throws for any parsed event. */
export function applyStreamEvent(state: ConversationState, event: ThreadStreamEvent): ReduceResult {
  switch (event.type) {
    case 'thread.created':
      return {
        state: { ...state, thread: metadataOf(event.thread) },
        effects: [{ type: 'thread.change', threadId: event.thread.id }],
      };
    case 'thread.updated':
      // Its `items` page is always empty: metadata only, never the item list.
      return { state: { ...state, thread: metadataOf(event.thread) }, effects: [] };
    case 'thread.item.added':
    case 'thread.item.done':
    case 'thread.item.replaced':
    case 'thread.item.removed':
    case 'thread.item.updated':
      return applyItemEvent(state, event);
    case 'stream_options':
      return { state: { ...state, allowCancel: event.stream_options.allow_cancel }, effects: [] };
    case 'progress_update': {
      const progress = event.icon === undefined ? { text: event.text } : { icon: event.icon, text: event.text };
      return { state: { ...state, progress }, effects: [] };
    }
    case 'client_effect':
      return { state, effects: [{ type: 'effect', name: event.name, data: event.data }] };
    case 'error': {
      const error: ConversationError = { code: event.code, allowRetry: event.allow_retry };
      if (event.message !== undefined) error.message = event.message;
      // The response is over: its progress line no longer describes anything.
      return { state: { ...state, error, progress: null }, effects: [] };
    }
    case 'notice':
      return { state: { ...state, notices: [...state.notices, event] }, effects: [] };
    default: {
      const type = (event as { type?: unknown }).type;
      return { state, effects: [{ type: 'log', name: 'stream.event_unknown', data: { type } }] };
    }
  }
}
