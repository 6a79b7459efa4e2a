import { describe, expect, it } from 'vitest';
import { parseThread } from '../../../src/protocol/index.ts';
import {
  beginResponse,
  emptyConversation,
  isTurnComplete,
  pruneAfterItem,
} from '../../../src/store/conversation-state.ts';
import { loadFixture } from '../protocol/load-fixtures.ts';
import { conversationThrough, eventsOf, replay, respond, summarize, T } from './replay.ts';

describe('replaying captured streams', () => {
  it('s1: creates the thread, streams the answer with its citation, and takes the title from thread.updated', () => {
    const { state, effects, complete } = respond(emptyConversation, 's1');
    expect(effects).toEqual([{ type: 'thread.change', threadId: T }]);
    expect(state.thread).toEqual({
      id: T,
      title: 'Greeting',
      created_at: '2026-11-22T01:19:19.322067',
      status: { type: 'active' },
      metadata: {},
    });
    expect(state.thread && 'items' in state.thread).toBe(false);
    expect(summarize(state)).toEqual(['msg_0002 user: Hi', 'msg_0003 assistant: Hello!']);
    expect(state.items[1]).toEqual({
      id: 'msg_0003',
      thread_id: T,
      created_at: '2026-11-22T01:19:19.337157',
      type: 'assistant_message',
      content: [
        {
          type: 'output_text',
          text: 'Hello!',
          annotations: [
            { type: 'annotation', source: { type: 'url', title: 'Example', url: 'https://example.com' }, index: 6 },
          ],
        },
      ],
    });
    expect(state.pending).toEqual([]);
    expect(state.allowCancel).toBe(true);
    expect(state.error).toBe(null);
    expect(complete).toBe(true);
  });

  it('s1: builds the streamed text from the deltas before the final snapshot arrives', () => {
    const events = eventsOf('s1');
    const mid = replay(emptyConversation, events.slice(0, 8)).state; // through the annotation
    expect(mid.pending).toEqual(['msg_0003']);
    const answer = mid.items[1];
    expect(answer?.type === 'assistant_message' && answer.content[0]?.text).toBe('Hello!');
    expect(answer?.type === 'assistant_message' && answer.content[0]?.annotations).toHaveLength(1);
  });

  it('s1: a stream cut before the assistant message is done is not a complete turn', () => {
    const events = eventsOf('s1').slice(0, 7);
    const { state } = replay(emptyConversation, events);
    expect(isTurnComplete(state, events.length)).toBe(false);
    expect(summarize(state)).toEqual(['msg_0002 user: Hi', 'msg_0003 assistant: Hello!']);
    expect(isTurnComplete(emptyConversation, 0)).toBe(false);
  });

  it('s1b: renders a reply that arrives only as done, keeping the tag, quote and inference options', () => {
    const { state, complete } = respond(emptyConversation, 's1b');
    expect(summarize(state)).toEqual(['msg_0005 user: Hi Q2 Plan', 'msg_0006 assistant: Hi there!']);
    expect(state.items[0]).toMatchObject({
      quoted_text: 'earlier text',
      inference_options: { tool_choice: { id: 'search' }, model: 'gpt-x' },
      content: [
        { type: 'input_text', text: 'Hi' },
        { type: 'input_tag', id: 'doc_1', data: { kind: 'doc' }, interactive: true },
      ],
    });
    expect(complete).toBe(true);
  });

  it('s3a: shows the progress line until the tool call item arrives, which stays pending for the client', () => {
    const before = conversationThrough('s2b');
    const events = eventsOf('s3a');
    const mid = replay(beginResponse(before), events.slice(0, 3)).state;
    expect(mid.progress).toEqual({ icon: 'search', text: 'Looking at your selection...' });
    const { state, complete } = respond(before, 's3a');
    expect(state.progress).toBe(null);
    expect(state.items.at(-1)).toMatchObject({
      id: 'tc_0010',
      type: 'client_tool_call',
      status: 'pending',
      name: 'get_selection',
      arguments: { project: 'p1' },
    });
    expect(complete).toBe(true);
  });

  it('s4: applies workflow task updates, emits exactly one client effect and keeps the notice', () => {
    const { state, effects } = respond(conversationThrough('s3b'), 's4');
    expect(effects).toEqual([{ type: 'effect', name: 'highlight', data: { index: 1 } }]);
    expect(state.notices).toEqual([
      { type: 'notice', level: 'info', message: 'Heads up: **demo** notice', title: 'Note' },
    ]);
    expect(summarize(state).slice(-2)).toEqual(['msg_0012 user: Do work', 'wf_0013 workflow: complete,none']);
  });

  it('s4: the streamed workflow equals the final snapshot before done arrives', () => {
    const before = beginResponse(conversationThrough('s3b'));
    const events = eventsOf('s4');
    const streamed = replay(before, events.slice(0, 5)).state.items.at(-1);
    const done = events[5];
    expect(done?.type).toBe('thread.item.done');
    if (done?.type !== 'thread.item.done' || streamed?.type !== 'workflow' || done.item.type !== 'workflow') return;
    expect(streamed.workflow.tasks).toEqual(done.item.workflow.tasks);
  });

  it('s5: streams widget text into the component with that id, then takes the replaced roots', () => {
    const before = beginResponse(conversationThrough('s4'));
    const events = eventsOf('s5');
    const streaming = replay(before, events.slice(0, 4)).state.items.at(-1);
    expect(streaming?.type === 'widget' && streaming.widget).toEqual({
      type: 'Card',
      children: [{ type: 'Title', value: 'Draft' }, { id: 'md1', type: 'Markdown', value: 'Dear ', streaming: true }],
    });
    const { state, complete } = respond(conversationThrough('s4'), 's5');
    const final = state.items.at(-1);
    expect(final?.type === 'widget' && final.widget.children?.[0]).toEqual({ type: 'Title', value: 'Final' });
    expect(final?.type === 'widget' && final.copy_text).toBe('Dear Harry');
    expect(complete).toBe(true);
  });

  it('s6b: replaces the widget in place and clears the progress line', () => {
    const before = conversationThrough('s6a');
    const position = before.items.findIndex((item) => item.id === 'msg_0017');
    const { state } = respond(before, 's6b');
    expect(state.items.findIndex((item) => item.id === 'msg_0017')).toBe(position);
    expect(state.items[position]).toMatchObject({
      widget: { type: 'Card', children: [{ type: 'Text', value: "Chose {'v': 'yes'}" }] },
    });
    expect(state.items).toHaveLength(before.items.length + 1);
    expect(state.progress).toBe(null);
  });

  it('s7a: an exception becomes a retryable generic error and an incomplete turn', () => {
    const { state, complete } = respond(conversationThrough('s6c'), 's7a');
    expect(state.error).toEqual({ code: 'stream.error', allowRetry: true });
    expect(complete).toBe(false);
  });

  it('s7b: a custom error keeps its message, is not retryable, and ends the progress line', () => {
    const { state, complete } = respond(conversationThrough('s7a'), 's7b');
    expect(state.error).toEqual({ code: 'custom', message: 'Quota exceeded', allowRetry: false });
    expect(state.progress).toBe(null);
    expect(complete).toBe(false);
  });

  it('s8 after s7a/s7b: pruning after the retried message, then the new answer, leaves one answer', () => {
    const retried = loadFixture('s8').exchanges[0]?.request.params as { item_id: string };
    expect(retried.item_id).toBe('msg_0021');
    let state = conversationThrough('s7b');
    for (let attempt = 0; attempt < 2; attempt++) {
      state = pruneAfterItem(state, retried.item_id);
      const result = respond(state, 's8');
      state = result.state;
      expect(result.complete).toBe(true);
      expect(state.error).toBe(null);
      expect(summarize(state).slice(-3)).toEqual([
        'msg_0020 user: fail',
        'msg_0021 user: fail2',
        'msg_0022 assistant: Hi there!',
      ]);
    }
  });

  it('ends with exactly the transcript the server returns from threads.get_by_id', () => {
    let state = conversationThrough('s7b');
    state = respond(pruneAfterItem(state, 'msg_0021'), 's8').state;
    const body = loadFixture('n2').exchanges[0]?.response;
    const thread = body?.kind === 'json' ? parseThread(body.body) : undefined;
    if (!thread?.ok) throw new Error('n2 did not parse');
    const stored = thread.value.items.data.slice(0, state.items.length);
    expect(state.items.map((item) => item.id)).toEqual(stored.map((item) => item.id));
    for (const [i, item] of state.items.entries()) {
      // The stored tool call was completed by threads.add_client_tool_output; the stream showed it pending.
      const completed = { ...item, status: 'completed', output: { nodes: ['a', 'b'] } };
      expect(item.id === 'tc_0010' ? completed : item).toEqual(stored[i]);
    }
  });

  it('s10: never shows the hidden context the server swallowed', () => {
    const { state } = respond(conversationThrough('s7b'), 's10');
    expect(summarize(state).slice(-2)).toEqual(['msg_0026 user: hidden', 'msg_0028 assistant: ok']);
  });
});
