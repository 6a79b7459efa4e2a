/** Streaming semantics beyond the captured fixtures (CHATKIT.md §3.6), each checked against both stores. */
import { describe, expect, test } from 'vitest';
import type { AssistantMessageItem, ThreadMetadata } from '../../../src/protocol/index.ts';
import { createChatKitServer } from '../../../src/server/chatkit-server.ts';
import { StreamError } from '../../../src/server/errors.ts';
import type { ChatKitServerOptions, RespondFn, ServerEvent } from '../../../src/server/server-types.ts';
import type { Store } from '../../../src/server/store.ts';
import { jsonOf, STORE_KINDS, streamEvents, userInput, type Json } from './helpers.ts';

const assistant = (id: string, threadId: string, text: string): AssistantMessageItem => ({
  id,
  thread_id: threadId,
  created_at: new Date().toISOString(),
  type: 'assistant_message',
  content: [{ type: 'output_text', text, annotations: [] }],
});

describe.each(STORE_KINDS)('streaming requests with the %s', (_name, makeStore) => {
  function setup(respond: RespondFn, extra: Partial<ChatKitServerOptions> = {}) {
    const store: Store = makeStore();
    const errors: unknown[] = [];
    const server = createChatKitServer({ store, respond, onError: (e) => errors.push(e), ...extra });
    const create = async (text = 'hi'): Promise<{ threadId: string; events: Json[] }> => {
      const events = await streamEvents(
        await server.process({ type: 'threads.create', params: { input: userInput(text) } }),
      );
      return { threadId: events[0].thread.id as string, events };
    };
    const send = async (body: Json) => streamEvents(await server.process(body));
    const items = async (threadId: string) =>
      (await store.loadThreadItems(threadId, { limit: 100, order: 'asc' })).data.map((i) => `${i.type}:${i.id}`);
    return { store, server, create, send, items, errors };
  }

  test('thread.updated follows the very event during which the integration changed the thread', async () => {
    const { create } = setup(async function* (thread) {
      yield { type: 'progress_update', text: 'one' };
      thread.title = 'Named';
      yield { type: 'progress_update', text: 'two' };
      yield { type: 'progress_update', text: 'three' };
      thread.status = { type: 'closed', reason: 'Done' };
    });
    const { events } = await create();
    expect(events.map((e) => (e.type === 'progress_update' ? e.text : e.type))).toEqual([
      'thread.created',
      'thread.item.done',
      'stream_options',
      'one',
      'two',
      'thread.updated',
      'three',
      'thread.updated',
    ]);
    expect(events[5].thread).toMatchObject({ title: 'Named', status: { type: 'active' }, items: { data: [] } });
    expect(events[7].thread).toMatchObject({ title: 'Named', status: { type: 'closed', reason: 'Done' } });
  });

  test('done adds, replaced upserts, removed deletes, and added or updated alone persist nothing', async () => {
    const { create, items } = setup(async function* (thread) {
      yield { type: 'thread.item.done', item: assistant('a1', thread.id, 'first') };
      yield { type: 'thread.item.added', item: assistant('a2', thread.id, '') };
      yield {
        type: 'thread.item.updated',
        item_id: 'a2',
        update: { type: 'assistant_message.content_part.text_delta', content_index: 0, delta: 'x' },
      };
      yield { type: 'thread.item.replaced', item: assistant('a1', thread.id, 'replaced') };
      yield { type: 'thread.item.replaced', item: assistant('a3', thread.id, 'new via replace') };
      yield { type: 'thread.item.done', item: assistant('a4', thread.id, 'gone') };
      yield { type: 'thread.item.removed', item_id: 'a4' };
    });
    const { threadId } = await create();
    const stored = await items(threadId);
    expect(stored.slice(1)).toEqual(['assistant_message:a1', 'assistant_message:a3']);
  });

  test('an error thrown mid-answer keeps earlier events, and a later thread change is still reported', async () => {
    const { create, errors } = setup(async function* (thread) {
      yield { type: 'progress_update', text: 'working' };
      thread.title = 'Half';
      throw new TypeError('boom');
    });
    const { events } = await create();
    expect(events.slice(3)).toEqual([
      { type: 'progress_update', text: 'working' },
      { type: 'error', code: 'stream.error', allow_retry: true },
      expect.objectContaining({ type: 'thread.updated' }),
    ]);
    expect(errors).toHaveLength(1);
  });

  test('StreamError carries its code, with retry allowed by default only for stream.error', async () => {
    let error: Error = new StreamError('rate_limited');
    const { create } = setup(async function* () {
      throw error;
    });
    expect((await create()).events.at(-1)).toEqual({ type: 'error', code: 'rate_limited', allow_retry: false });
    error = new StreamError();
    expect((await create()).events.at(-1)).toEqual({ type: 'error', code: 'stream.error', allow_retry: true });
  });

  test('an unknown thread ends a streaming request with no events and stores nothing', async () => {
    const { send, store } = setup(async function* () {});
    const events = await send({ type: 'threads.add_user_message', params: { thread_id: 'thr_nope', input: userInput('x') } });
    expect(events).toEqual([]);
    expect((await store.loadThreads({ limit: 10, order: 'asc' })).data).toEqual([]);
  });

  test('a new thread naming an unknown attachment is not created at all', async () => {
    const { send, store } = setup(async function* () {});
    const events = await send({ type: 'threads.create', params: { input: userInput('x', ['atc_missing']) } });
    expect(events).toEqual([]);
    expect((await store.loadThreads({ limit: 10, order: 'asc' })).data).toEqual([]);
  });

  test('a custom action from a non-widget item is a single non-retryable error; a missing item gives nothing', async () => {
    const { create, send } = setup(async function* (thread) {
      yield { type: 'thread.item.done', item: assistant('a1', thread.id, 'hello') };
    });
    const { threadId } = await create();
    const action = { type: 'go' };
    expect(await send({ type: 'threads.custom_action', params: { thread_id: threadId, item_id: 'a1', action } })).toEqual([
      { type: 'error', code: 'stream.error', allow_retry: false },
    ]);
    expect(await send({ type: 'threads.custom_action', params: { thread_id: threadId, item_id: 'zz', action } })).toEqual([]);
  });

  test('a custom action without an action handler ends in a retryable stream.error after stream_options', async () => {
    const { create, send, errors } = setup(async function* () {});
    const { threadId } = await create();
    const events = await send({ type: 'threads.custom_action', params: { thread_id: threadId, action: { type: 'go' } } });
    expect(events).toEqual([
      { type: 'stream_options', stream_options: { allow_cancel: true } },
      { type: 'error', code: 'stream.error', allow_retry: true },
    ]);
    expect(String(errors[0])).toContain('no action handler');
  });

  test('retry deletes everything after the user message without removed events and answers it again', async () => {
    const inputs: (string | null)[] = [];
    const { create, send, items } = setup(async function* (thread, input) {
      inputs.push(input?.id ?? null);
      yield { type: 'thread.item.done', item: assistant(`a${inputs.length}`, thread.id, 'answer') };
    });
    const { threadId, events } = await create('q1');
    const userId = events[1].item.id as string;
    await send({ type: 'threads.add_user_message', params: { thread_id: threadId, input: userInput('q2') } });
    const retried = await send({ type: 'threads.retry_after_item', params: { thread_id: threadId, item_id: userId } });
    expect(retried.map((e) => e.type)).toEqual(['stream_options', 'thread.item.done']);
    expect(await items(threadId)).toEqual([`user_message:${userId}`, 'assistant_message:a3']);
    expect(inputs).toEqual([userId, expect.any(String), userId]);
  });

  test('retry after an unknown item or a non-user item sends nothing and deletes nothing', async () => {
    const { create, send, items } = setup(async function* (thread) {
      yield { type: 'thread.item.done', item: assistant('a1', thread.id, 'answer') };
    });
    const { threadId } = await create();
    const before = await items(threadId);
    for (const itemId of ['zz', 'a1']) {
      expect(await send({ type: 'threads.retry_after_item', params: { thread_id: threadId, item_id: itemId } })).toEqual([]);
    }
    expect(await items(threadId)).toEqual(before);
  });

  test('a client tool output completes the last pending call and drops older dangling ones', async () => {
    let round = 0;
    const { create, send, store, items } = setup(async function* (thread, input) {
      round++;
      if (input === null) {
        yield { type: 'thread.item.done', item: assistant('done', thread.id, 'thanks') };
        return;
      }
      const call = { thread_id: thread.id, created_at: new Date().toISOString(), type: 'client_tool_call' as const, name: 'f', arguments: {} };
      yield { type: 'thread.item.done', item: { ...call, id: `tc${round}a`, status: 'pending', call_id: 'c1' } };
      yield { type: 'thread.item.done', item: { ...call, id: `tc${round}b`, status: 'pending', call_id: 'c2' } };
    });
    const { threadId } = await create();
    const events = await send({ type: 'threads.add_client_tool_output', params: { thread_id: threadId, result: { ok: 1 } } });
    expect(events.map((e) => e.type)).toEqual(['stream_options', 'thread.item.done']);
    expect((await items(threadId)).slice(1)).toEqual(['client_tool_call:tc1b', 'assistant_message:done']);
    expect(await store.loadItem(threadId, 'tc1b')).toMatchObject({ status: 'completed', output: { ok: 1 } });
    const again = await send({ type: 'threads.add_client_tool_output', params: { thread_id: threadId, result: {} } });
    expect(again).toEqual([]);
  });

  test('deleting a thread while its answer streams stops the answer and leaves nothing of it stored', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let finished = false;
    const { server, store } = setup(async function* (thread) {
      yield { type: 'thread.item.done', item: assistant('a1', thread.id, 'first') };
      await gate;
      thread.title = 'Renamed by the agent';
      yield { type: 'thread.item.done', item: assistant('a2', thread.id, 'second') };
      finished = true;
    });
    const result = await server.process({ type: 'threads.create', params: { input: userInput('hi') } });
    if (result.kind !== 'stream') throw new Error('expected a stream');
    const seen: Json[] = [];
    const reader = (async () => {
      for await (const e of result.events) {
        seen.push(e as Json);
        if ((e as Json).type === 'thread.item.done' && (e as Json).item.id === 'a1') {
          expect(jsonOf(await server.process({ type: 'threads.delete', params: { thread_id: (seen[0] as Json).thread.id } })).status).toBe(200);
          release();
        }
      }
    })();
    await reader;
    const threadId = (seen[0] as Json).thread.id as string;
    expect(seen.map((e) => e.type)).toContain('thread.item.done');
    expect(seen.some((e) => e.type === 'thread.item.done' && e.item.id === 'a2')).toBe(false);
    expect(finished).toBe(false);
    await expect(store.loadThread(threadId)).rejects.toThrow('not found');
    // Nothing left behind: a thread saved again under that id has no items.
    await store.saveThread({ id: threadId, created_at: new Date().toISOString(), status: { type: 'active' }, metadata: {} });
    expect((await store.loadThreadItems(threadId, { limit: 10, order: 'asc' })).data).toEqual([]);
  });

  test('an agent that asks for client tools forever is stopped after 10 calls in one turn, with a clear error', async () => {
    let calls = 0;
    const { create, send, items } = setup(async function* (thread) {
      calls++;
      const call = { thread_id: thread.id, created_at: new Date().toISOString(), type: 'client_tool_call' as const, name: 'loop', arguments: {} };
      yield { type: 'thread.item.done', item: { ...call, id: `tc${calls}`, status: 'pending', call_id: `c${calls}` } };
    });
    const { threadId } = await create();
    const outputs: Json[][] = [];
    for (let i = 0; i < 12; i++) outputs.push(await send({ type: 'threads.add_client_tool_output', params: { thread_id: threadId, result: { i } } }));
    // Calls 1–10 were asked for (the turn's first and 9 continuations); the 10th output ends the turn instead.
    expect(calls).toBe(10);
    expect(outputs[8]?.map((e) => e.type)).toEqual(['stream_options', 'thread.item.done']);
    expect(outputs[9]).toEqual([
      { type: 'stream_options', stream_options: { allow_cancel: true } },
      { type: 'error', code: 'custom', message: 'The assistant asked for more than 10 client tool calls in one answer and was stopped.', allow_retry: false },
    ]);
    // The last output is kept; nothing is pending, so further outputs are refused.
    expect((await items(threadId)).filter((i) => i.startsWith('client_tool_call')).length).toBe(10);
    expect(outputs[10]).toEqual([]);
    // A new message starts a new turn with a fresh allowance.
    await send({ type: 'threads.add_user_message', params: { thread_id: threadId, input: userInput('again') } });
    expect(calls).toBe(11);
  });

  test('a structured input answer applies the SDK rules and is sent as a replaced item after stream_options', async () => {
    const { create, send } = setup(async function* (thread, input) {
      if (!input) return;
      yield {
        type: 'thread.item.done',
        item: {
          id: 's1',
          thread_id: thread.id,
          created_at: new Date().toISOString(),
          type: 'structured_input',
          status: 'pending',
          inputs: [
            { id: 'one', question: 'One?', type: 'multiple_choice', options: [{ value: 'a' }, { value: 'b' }], multiple: false },
            { id: 'many', question: 'Many?', type: 'multiple_choice', options: [{ value: 'a' }, { value: 'b' }], multiple: true },
            { id: 'free', question: 'Free?', type: 'freeform' },
            { id: 'skip', question: 'Skip?', type: 'freeform' },
          ],
        },
      };
    });
    const { threadId } = await create();
    const answers = { one: { values: ['b', 'a'] }, many: { values: ['a', 'b'] }, free: { values: [] }, skip: { values: ['x'], skipped: true }, zz: { values: ['?'] } };
    const params = { thread_id: threadId, item_id: 's1', input: { answers } };
    const events = await send({ type: 'threads.add_structured_input', params });
    expect(events.map((e) => e.type)).toEqual(['stream_options', 'thread.item.replaced']);
    expect(events[1].item.status).toBe('answered');
    expect(events[1].item.inputs.map((i: Json) => [i.id, i.answer])).toEqual([
      ['one', { values: ['b'], skipped: false }],
      ['many', { values: ['a', 'b'], skipped: false }],
      ['free', { values: [], skipped: true }],
      ['skip', { values: [], skipped: true }],
    ]);
    expect(await send({ type: 'threads.add_structured_input', params })).toEqual([]);
  });

  test('skipping a structured input records every input as skipped', async () => {
    const { create, send } = setup(async function* (thread, input) {
      if (!input) return;
      const inputs = [{ id: 'q', question: 'Q?', type: 'freeform' as const }];
      yield { type: 'thread.item.done', item: { id: 's1', thread_id: thread.id, created_at: new Date().toISOString(), type: 'structured_input', status: 'pending', inputs } };
    });
    const { threadId } = await create();
    const input = { status: 'skipped', answers: { q: { values: ['typed'] } } };
    const events = await send({ type: 'threads.add_structured_input', params: { thread_id: threadId, item_id: 's1', input } });
    expect(events[1].item).toMatchObject({ status: 'skipped', inputs: [{ id: 'q', answer: { values: [], skipped: true } }] });
  });

  test('stream_options comes from the streamOptions hook', async () => {
    const { create } = setup(async function* () {}, { streamOptions: (thread: ThreadMetadata) => ({ allow_cancel: !thread.id }) });
    expect((await create()).events[2]).toEqual({ type: 'stream_options', stream_options: { allow_cancel: false } });
  });
});

describe.each(STORE_KINDS)('cancellation with the %s', (_name, makeStore) => {
  const partial: RespondFn = async function* (thread, _input, ctx) {
    yield { type: 'thread.item.added', item: { ...assistant('a1', thread.id, ''), content: [] } };
    for (const delta of ['partial answer', ' more']) {
      yield {
        type: 'thread.item.updated',
        item_id: 'a1',
        update: { type: 'assistant_message.content_part.text_delta', content_index: 0, delta },
      };
    }
    yield { type: 'thread.item.added', item: { ...assistant('a2', thread.id, ''), content: [] } };
    // Waits for ever unless cancelled, like a model that stalls.
    await new Promise((resolve) => ctx.signal.addEventListener('abort', resolve));
    yield { type: 'thread.item.done', item: assistant('a1', thread.id, 'never') } satisfies ServerEvent;
  };

  async function readUntil(events: AsyncIterable<Json>, count: number): Promise<{ threadId: string; rest: AsyncIterator<Json> }> {
    const iterator = events[Symbol.asyncIterator]();
    let threadId = '';
    for (let i = 0; i < count; i++) {
      const { value } = await iterator.next();
      if (value.type === 'thread.created') threadId = value.thread.id;
    }
    return { threadId, rest: iterator };
  }

  async function expectCancelledState(store: Store, threadId: string): Promise<void> {
    const stored = (await store.loadThreadItems(threadId, { limit: 10, order: 'asc' })).data;
    expect(stored.map((i) => i.type)).toEqual(['user_message', 'assistant_message', 'sdk_hidden_context']);
    expect(stored[1]).toMatchObject({ id: 'a1', content: [{ type: 'output_text', text: 'partial answer more', annotations: [] }] });
    expect(stored[2]).toMatchObject({ content: 'The user cancelled the stream. Stop responding to the prior request.' });
  }

  test('a consumer that stops reading persists the partial answer (not the empty one) and a hidden note', async () => {
    const store = makeStore();
    const server = createChatKitServer({ store, respond: partial });
    const result = await server.process({ type: 'threads.create', params: { input: userInput('hi') } });
    if (result.kind !== 'stream') throw new Error('expected a stream');
    const { threadId, rest } = await readUntil(result.events, 7);
    await rest.return?.();
    await expectCancelledState(store, threadId);
  });

  test('an abort while the integration is stuck awaiting ends the stream and persists the same way', async () => {
    const store = makeStore();
    const server = createChatKitServer({ store, respond: partial });
    const controller = new AbortController();
    const body = { type: 'threads.create', params: { input: userInput('hi') } };
    const result = await server.process(body, undefined, { signal: controller.signal });
    if (result.kind !== 'stream') throw new Error('expected a stream');
    const { threadId, rest } = await readUntil(result.events, 7);
    const next = rest.next();
    controller.abort();
    expect(await next).toEqual({ done: true, value: undefined });
    await expectCancelledState(store, threadId);
    const thread = jsonOf(await server.process({ type: 'threads.get_by_id', params: { thread_id: threadId } }));
    expect(thread.body.items.data.map((i: Json) => i.type)).toEqual(['user_message', 'assistant_message']);
  });
});
