import { describe, expect, it } from 'vitest';
import {
  beginResponse,
  emptyConversation,
  isTurnComplete,
  pruneAfterItem,
  type ConversationState,
} from '../../../src/store/conversation-state.ts';
import { assistant, deepFreeze, summarize, userMessage } from './replay.ts';

describe('conversation helpers', () => {
  const state = deepFreeze<ConversationState>({
    ...emptyConversation,
    items: [userMessage('U1', 'a'), assistant('A1', 'b'), userMessage('U2', 'c'), assistant('A2', 'd')],
    pending: ['A2'],
    error: { code: 'stream.error', allowRetry: true },
  });

  it('pruneAfterItem drops every later item and its pending id, and leaves unknown ids alone', () => {
    const pruned = pruneAfterItem(state, 'U2');
    expect(summarize(pruned)).toEqual(['U1 user: a', 'A1 assistant: b', 'U2 user: c']);
    expect(pruned.pending).toEqual([]);
    expect(pruneAfterItem(state, 'nope')).toBe(state);
    expect(pruneAfterItem(state, 'A2')).toBe(state);
  });

  it('beginResponse clears the previous response but keeps the thread and items', () => {
    const next = beginResponse({ ...state, progress: { text: 'x' }, notices: [], allowCancel: true });
    expect(next).toEqual({ ...emptyConversation, items: state.items });
  });

  it('isTurnComplete needs events, nothing pending and no error', () => {
    expect(isTurnComplete({ ...state, pending: [], error: null }, 3)).toBe(true);
    expect(isTurnComplete({ ...state, pending: [], error: null }, 0)).toBe(false);
    expect(isTurnComplete({ ...state, error: null }, 3)).toBe(false);
    expect(isTurnComplete({ ...state, pending: [] }, 3)).toBe(false);
  });
});
