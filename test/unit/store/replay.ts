/** Helpers for replaying captured streams through the reducer. */
import { expect } from 'vitest';
import { parseStreamEvent, type ThreadItem, type ThreadStreamEvent } from '../../../src/protocol/index.ts';
import { applyStreamEvent } from '../../../src/store/apply-stream-event.ts';
import {
  beginResponse,
  emptyConversation,
  isTurnComplete,
  type ConversationState,
  type ReduceEffect,
} from '../../../src/store/conversation-state.ts';
import { sseEventsOf } from '../protocol/load-fixtures.ts';

/** Freezes a value and everything reachable from it, so any mutation throws (modules run in strict mode). */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** The parsed, deep-frozen events of a streaming fixture. */
export function eventsOf(prefix: string): ThreadStreamEvent[] {
  return sseEventsOf(prefix).map((raw) => {
    const result = parseStreamEvent(raw);
    if (!result.ok) throw new Error(`${prefix}: ${result.error}`);
    return deepFreeze(result.value);
  });
}

/** Applies events in order; returns the final state and every effect. */
export function replay(
  state: ConversationState,
  events: readonly ThreadStreamEvent[],
): { state: ConversationState; effects: ReduceEffect[] } {
  const effects: ReduceEffect[] = [];
  let current = deepFreeze(state);
  for (const event of events) {
    const before = structuredClone(current);
    const result = applyStreamEvent(current, event);
    // The previous state must be untouched: the store keeps it for diffing and undo.
    expect(current).toStrictEqual(before);
    current = deepFreeze(result.state);
    effects.push(...result.effects);
  }
  return { state: current, effects };
}

/** A compact view of the transcript: `id type: text` per item. */
export function summarize(state: ConversationState): string[] {
  return state.items.map((item) => {
    switch (item.type) {
      case 'user_message':
        return `${item.id} user: ${item.content.map((part) => part.text).join(' ')}`;
      case 'assistant_message':
        return `${item.id} assistant: ${item.content.map((part) => part.text).join(' ')}`;
      case 'client_tool_call':
        return `${item.id} tool ${item.name}: ${item.status}`;
      case 'widget':
        return `${item.id} widget ${item.widget.type}`;
      case 'workflow':
        return `${item.id} workflow: ${item.workflow.tasks.map((task) => task.status_indicator).join(',')}`;
      default:
        return `${item.id} ${item.type}`;
    }
  });
}

/** The thread of the captured conversation. */
export const T = 'thr_0001';
/** A timestamp for hand-made items. */
export const ts = '2026-11-22T01:19:19.000000';

/** A hand-made user message. */
export function userMessage(id: string, text: string): ThreadItem {
  const content = [{ type: 'input_text' as const, text }];
  return { id, thread_id: T, created_at: ts, type: 'user_message', content, attachments: [], inference_options: {} };
}

/** A hand-made assistant message. */
export function assistant(id: string, text: string): ThreadItem {
  const content = [{ type: 'output_text' as const, text, annotations: [] }];
  return { id, thread_id: T, created_at: ts, type: 'assistant_message', content };
}

/** One response: per-response state reset, then the fixture's events. */
export function respond(state: ConversationState, prefix: string) {
  const events = eventsOf(prefix);
  const result = replay(beginResponse(state), events);
  return { ...result, complete: isTurnComplete(result.state, events.length) };
}

/** The thr_0001 conversation as far as the given fixture (responses in capture order). */
export function conversationThrough(last: string): ConversationState {
  let state = emptyConversation;
  for (const prefix of ['s1', 's2b', 's3a', 's3b', 's4', 's5', 's6a', 's6b', 's6c', 's7a', 's7b']) {
    state = respond(state, prefix).state;
    if (prefix === last) break;
  }
  return state;
}
