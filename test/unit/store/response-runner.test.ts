import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../src/client/api-client.ts';
import type { ThreadStreamEvent } from '../../../src/protocol/index.ts';
import { emptyConversation, type ConversationState } from '../../../src/store/conversation-state.ts';
import { runResponse, SLICE_MS } from '../../../src/store/response-runner.ts';
import { eventsOf } from './replay.ts';

/** The start of the s1 answer, then `n` one-character text deltas (the stream stops there, mid-item). */
function longAnswer(n: number): ThreadStreamEvent[] {
  const events = eventsOf('s1');
  const i = events.findIndex((e) => e.type === 'thread.item.updated' && e.update.type === 'assistant_message.content_part.text_delta');
  const delta = events[i] as Extract<ThreadStreamEvent, { type: 'thread.item.updated' }>;
  const many = Array.from({ length: n }, (): ThreadStreamEvent => ({ ...delta, update: { ...delta.update, delta: '§' } as typeof delta.update }));
  return [...events.slice(0, i), ...many];
}

/** A client whose stream hands over every event at once, without a task boundary (one big network read). */
const burstClient = (events: ThreadStreamEvent[]): ApiClient =>
  ({
    async *stream() {
      yield* events;
    },
  }) as unknown as ApiClient;

const textOf = (s: ConversationState): number => JSON.stringify(s.items).match(/§+/)?.[0].length ?? 0;

/** Runs a burst of `deltas` with a clock; `onFrame` sees the conversation at every commit (frames are timers). */
function run(deltas: number, now: () => number, onFrame: (s: ConversationState) => void) {
  const conversation = signal<ConversationState>(emptyConversation);
  const outcome = runResponse({
    client: burstClient(longAnswer(deltas)),
    request: { type: 'threads.create', params: { input: { content: [], attachments: [], inference_options: {} } } } as never,
    conversation,
    signal: new AbortController().signal,
    frame: (commit) => {
      const t = setTimeout(() => {
        commit();
        onFrame(conversation.peek());
      }, 0);
      return () => clearTimeout(t);
    },
    onEffect: () => {},
    now,
  });
  return { conversation, outcome };
}

describe('runResponse', () => {
  it('applies a burst of events in time slices, so commits (frames) happen while it is still streaming', async () => {
    let clock = 0;
    const committed: number[] = [];
    const { conversation, outcome: done } = run(200, () => (clock += 1), (s) => committed.push(textOf(s))); // every event costs 1 ms
    const outcome = await done;
    expect(outcome).toMatchObject({ kind: 'failed', acknowledged: true }); // it ended mid-item
    // 200 one-millisecond events in slices of SLICE_MS: the view saw partial answers along the way.
    expect(committed.length).toBeGreaterThanOrEqual(Math.floor(200 / (SLICE_MS + 1)) - 2);
    expect(committed[0]).toBeGreaterThan(0);
    expect(committed[0]).toBeLessThan(200);
    expect(committed).toEqual([...committed].sort((a, b) => a - b));
    expect(textOf(conversation.value)).toBe(200);
  });

  it('does not yield while events are cheap', async () => {
    let frames = 0;
    await run(50, () => 0, () => (frames += 1)).outcome;
    expect(frames).toBe(0); // the whole burst applied in one slice; the final state is set directly
  });

  it('keeps what others write to the conversation while it streams (an older page, a rename)', async () => {
    let clock = 0;
    let wrote = false;
    const { conversation, outcome } = run(200, () => (clock += 1), (s) => {
      if (wrote || !s.thread) return;
      wrote = true;
      // Between two frames, like loadOlder or a rename: based on the last committed state.
      const older = { ...s.items[0]!, id: 'msg_older' };
      conversation.value = { ...s, thread: { ...s.thread, title: 'Renamed' }, items: [older, ...s.items] };
    });
    await outcome;
    expect(wrote).toBe(true);
    expect(conversation.value.items[0]?.id).toBe('msg_older');
    expect(conversation.value.thread?.title).toBe('Renamed');
    expect(textOf(conversation.value)).toBe(200);
  });
});
