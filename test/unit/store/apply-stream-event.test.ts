import { describe, expect, it } from 'vitest';
import type { ThreadItem, ThreadStreamEvent } from '../../../src/protocol/index.ts';
import { applyStreamEvent } from '../../../src/store/apply-stream-event.ts';
import { emptyConversation, type ConversationState } from '../../../src/store/conversation-state.ts';
import { assistant, deepFreeze, respond, summarize, T, ts, userMessage } from './replay.ts';

describe('applyStreamEvent rules', () => {
  const base = deepFreeze<ConversationState>({
    ...emptyConversation,
    items: [userMessage('U1', 'Hi'), assistant('A1', 'Hello')],
  });

  it('replaces the first optimistic local_ user message in place with the echoed one', () => {
    const local = deepFreeze<ConversationState>({
      ...base,
      items: [...base.items, userMessage('local_1', 'Look'), userMessage('local_2', 'Again')],
    });
    const { state } = respond(local, 's2b');
    expect(summarize(state)).toEqual([
      'U1 user: Hi',
      'A1 assistant: Hello',
      'msg_0007 user: Look',
      'local_2 user: Again',
      'msg_0008 assistant: Hi there!',
    ]);
  });

  it('does not let an assistant message take the place of an optimistic user message', () => {
    const local = deepFreeze<ConversationState>({ ...base, items: [...base.items, userMessage('local_1', 'Look')] });
    const { state } = applyStreamEvent(local, { type: 'thread.item.done', item: assistant('A2', 'x') });
    expect(summarize(state).slice(-2)).toEqual(['local_1 user: Look', 'A2 assistant: x']);
  });

  it('ignores an update for an unknown item id and logs it', () => {
    const event = deepFreeze<ThreadStreamEvent>({
      type: 'thread.item.updated',
      item_id: 'nope',
      update: { type: 'assistant_message.content_part.text_delta', content_index: 0, delta: 'x' },
    });
    const { state, effects } = applyStreamEvent(base, event);
    expect(state.items).toBe(base.items);
    expect(effects).toEqual([
      {
        type: 'log',
        name: 'item.update_unknown_item',
        data: { item_id: 'nope', update_type: 'assistant_message.content_part.text_delta' },
      },
    ]);
  });

  it('ignores an update of the wrong kind for the item and logs it', () => {
    const event = deepFreeze<ThreadStreamEvent>({
      type: 'thread.item.updated',
      item_id: 'A1',
      update: { type: 'workflow.task.updated', task_index: 0, task: { type: 'image', status_indicator: 'none' } },
    });
    const { state, effects } = applyStreamEvent(base, event);
    expect(state.items).toBe(base.items);
    expect(effects).toEqual([
      {
        type: 'log',
        name: 'item.update_ignored',
        data: { item_id: 'A1', item_type: 'assistant_message', update_type: 'workflow.task.updated' },
      },
    ]);
  });

  it('copies only the updated item on a delta: the other items keep their identity', () => {
    const event = deepFreeze<ThreadStreamEvent>({
      type: 'thread.item.updated',
      item_id: 'A1',
      update: { type: 'assistant_message.content_part.text_delta', content_index: 0, delta: '!' },
    });
    const { state } = applyStreamEvent(base, event);
    expect(state.items[0]).toBe(base.items[0]);
    expect(summarize(state)).toEqual(['U1 user: Hi', 'A1 assistant: Hello!']);
  });

  it('replaces, appends and removes items by id, tracking what is pending', () => {
    let state: ConversationState = base;
    state = applyStreamEvent(state, { type: 'thread.item.added', item: assistant('A2', '') }).state;
    expect(state.pending).toEqual(['A2']);
    state = applyStreamEvent(state, { type: 'thread.item.added', item: assistant('A2', 'again') }).state;
    expect(state.pending).toEqual(['A2']);
    state = applyStreamEvent(state, { type: 'thread.item.replaced', item: assistant('A1', 'Replaced') }).state;
    state = applyStreamEvent(state, { type: 'thread.item.replaced', item: assistant('A3', 'New') }).state;
    expect(summarize(state)).toEqual([
      'U1 user: Hi',
      'A1 assistant: Replaced',
      'A2 assistant: again',
      'A3 assistant: New',
    ]);
    state = applyStreamEvent(state, { type: 'thread.item.removed', item_id: 'A2' }).state;
    state = applyStreamEvent(state, { type: 'thread.item.removed', item_id: 'missing' }).state;
    expect(summarize(state)).toEqual(['U1 user: Hi', 'A1 assistant: Replaced', 'A3 assistant: New']);
    expect(state.pending).toEqual([]);
  });

  it('never lets thread.updated touch the item list', () => {
    const status = { type: 'locked' as const, reason: 'Escalated' };
    const thread = { id: T, title: 'New', created_at: ts, status, metadata: {} };
    const { state, effects } = applyStreamEvent(base, {
      type: 'thread.updated',
      thread: { ...thread, items: { data: [assistant('X', 'stray')], has_more: false } },
    });
    expect(state.items).toBe(base.items);
    expect(state.thread).toEqual(thread);
    expect(effects).toEqual([]);
  });

  it('ignores hidden item types that slip through and logs them', () => {
    const raw = { id: 'H1', thread_id: T, created_at: ts, type: 'sdk_hidden_context', content: 'x' };
    const hidden = raw as unknown as ThreadItem;
    const { state, effects } = applyStreamEvent(base, { type: 'thread.item.added', item: hidden });
    expect(state.items).toBe(base.items);
    expect(state.pending).toEqual([]);
    expect(effects).toEqual([{ type: 'log', name: 'item.hidden_ignored', data: { item_id: 'H1' } }]);
  });

  it('replaces then removes an item, as a guardrail tripwire does', () => {
    const temp = assistant('A9', 'temporary');
    let state = applyStreamEvent(base, { type: 'thread.item.done', item: temp }).state;
    state = applyStreamEvent(state, { type: 'thread.item.replaced', item: assistant('A9', 'replaced text') }).state;
    expect(summarize(state).at(-1)).toBe('A9 assistant: replaced text');
    state = applyStreamEvent(state, { type: 'thread.item.removed', item_id: 'A9' }).state;
    expect(summarize(state)).toEqual(['U1 user: Hi', 'A1 assistant: Hello']);
  });

  it('shows a generated image preview with its progress, then the final image', () => {
    const item: ThreadItem = { id: 'G1', thread_id: T, created_at: ts, type: 'generated_image' };
    let state = applyStreamEvent(base, { type: 'thread.item.added', item }).state;
    state = applyStreamEvent(state, {
      type: 'thread.item.updated',
      item_id: 'G1',
      update: { type: 'generated_image.updated', image: { id: 'ig_1', url: 'https://x/p0.png' }, progress: 0.33 },
    }).state;
    expect(state.items.at(-1)).toEqual({ ...item, image: { id: 'ig_1', url: 'https://x/p0.png' }, progress: 0.33 });
    const final: ThreadItem = { ...item, image: { id: 'ig_1', url: 'https://x/final.png' } };
    state = applyStreamEvent(state, { type: 'thread.item.done', item: final }).state;
    expect(state.items.at(-1)).toEqual({ ...item, image: { id: 'ig_1', url: 'https://x/final.png' } });
    expect(state.pending).toEqual([]);
  });

  it('sets the stop button from stream_options and clears progress on the next item event only', () => {
    let state = applyStreamEvent(base, { type: 'stream_options', stream_options: { allow_cancel: false } }).state;
    expect(state.allowCancel).toBe(false);
    state = applyStreamEvent(state, { type: 'progress_update', text: 'Searching' }).state;
    state = applyStreamEvent(state, { type: 'client_effect', name: 'x', data: {} }).state;
    expect(state.progress).toEqual({ text: 'Searching' });
    state = applyStreamEvent(state, { type: 'thread.item.removed', item_id: 'nothing' }).state;
    expect(state.progress).toBe(null);
  });
});
