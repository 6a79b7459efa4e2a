/**
 * Conformance replay: the captured chatkit-python session (fixtures s1…s10, n1…n7) is re-run against our server,
 * in order, in one thread, with a scripted integration that yields exactly what the Python integration yielded
 * (everything in the captured stream that the framework did not add itself). Our full output must equal the
 * captured output, modulo ids and timestamps. Steps the capture did not record (an upload, the structured input
 * round trip, the lock) are re-created from CHATKIT.md §7 so that the final reads see the same thread.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { createChatKitServer } from '../../../src/server/chatkit-server.ts';
import { CustomStreamError, StreamError } from '../../../src/server/errors.ts';
import type { ChatKitServer, ServerEvent } from '../../../src/server/server-types.ts';
import type { Store } from '../../../src/server/store.ts';
import { loadFixture, sseLines, sseRaw } from '../protocol/load-fixtures.ts';
import { jsonOf, STORE_KINDS, streamEvents, userInput, type Json } from './helpers.ts';

type Step = { kind: 'yield'; event: Json } | { kind: 'mutate'; thread: Json } | { kind: 'throw'; error: Error };

const ID = /^(thr|msg|tc|wf|atc|hcx|shcx)_[0-9a-f]+$/;

/** Ids renamed by first appearance; timestamps and attachment URLs (integration-defined) blanked. */
function normalize(value: Json, ids = new Map<string, string>()): Json {
  if (typeof value === 'string' && ID.test(value)) {
    if (!ids.has(value)) ids.set(value, `<id${ids.size + 1}>`);
    return ids.get(value);
  }
  if (Array.isArray(value)) return value.map((v) => normalize(v, ids));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => {
      if (key === 'created_at') return [key, '<timestamp>'];
      if (key === 'preview_url' || key === 'upload_descriptor') return [key, `<${key}>`];
      return [key, normalize(v, ids)];
    }),
  );
}

/** Records which of our ids stands for which captured id (the two values have the same shape). */
function pairIds(captured: Json, ours: Json, map: Map<string, string>): void {
  if (typeof captured === 'string' && typeof ours === 'string' && ID.test(captured) && ID.test(ours)) {
    map.set(captured, ours);
  } else if (captured && ours && typeof captured === 'object' && typeof ours === 'object') {
    for (const key of Object.keys(captured)) pairIds(captured[key], ours[key], map);
  }
}

function translate(value: Json, map: Map<string, string>): Json {
  return JSON.parse(JSON.stringify(value), (_key, v: unknown) => (typeof v === 'string' ? (map.get(v) ?? v) : v));
}

function errorFor(event: Json): Error {
  if (event.code === 'custom') return new CustomStreamError(event.message, event.allow_retry);
  if (event.code === 'stream.error' && event.allow_retry) return new Error('integration failure');
  return new StreamError(event.code, event.allow_retry);
}

/** What the integration yielded, reconstructed from a captured stream. */
function scriptOf(events: Json[], requestType: string): Step[] {
  let start = 0;
  if (events[start]?.type === 'thread.created') start++;
  const echoesInput = requestType === 'threads.create' || requestType === 'threads.add_user_message';
  if (echoesInput && events[start]?.type === 'thread.item.done') start++;
  if (events[start]?.type === 'stream_options') start++;
  const steps: Step[] = [];
  for (const event of events.slice(start)) {
    if (event.type === 'thread.updated') {
      // The framework reports a change right after the event during which the integration made it.
      const previous = steps.findLastIndex((s) => s.kind === 'yield');
      steps.splice(Math.max(previous, 0), 0, { kind: 'mutate', thread: event.thread });
    } else if (event.type === 'error') {
      steps.push({ kind: 'throw', error: errorFor(event) });
    } else {
      steps.push({ kind: 'yield', event });
    }
  }
  return steps;
}

function capturedEvents(prefix: string): Json[] {
  return sseLines(sseRaw(loadFixture(prefix))).map((line) => JSON.parse(line) as Json);
}

describe.each(STORE_KINDS)('the captured Python SDK session replayed with the %s', (_name, makeStore) => {
  let store: Store;
  let server: ChatKitServer;
  let script: Step[] = [];
  const ids = new Map<string, string>();
  const createdAt = new Map<string, string>();
  const reported: unknown[] = [];

  /** Re-homes a captured event into our thread, with our clock (a replaced item keeps its creation time). */
  function localize(event: Json, threadId: string): Json {
    const copy = JSON.parse(JSON.stringify(event).replace(/thr_\d{4}/g, threadId)) as Json;
    const item = copy.item ?? copy.updated_item;
    if (item) {
      if (!createdAt.has(item.id)) createdAt.set(item.id, new Date().toISOString());
      item.created_at = createdAt.get(item.id);
    }
    return copy;
  }

  async function* play(thread: Json): AsyncGenerator<ServerEvent> {
    for (const step of script) {
      if (step.kind === 'throw') throw step.error;
      if (step.kind === 'mutate') Object.assign(thread, { title: step.thread.title, status: step.thread.status });
      else yield localize(step.event, thread.id) as ServerEvent;
    }
  }

  /** Runs a captured exchange and checks our response against the capture. */
  async function replayExchange(prefix: string, extra: (steps: Step[]) => Step[] = (s) => s): Promise<void> {
    const [exchange] = loadFixture(prefix).exchanges;
    if (!exchange) throw new Error(`${prefix} has no exchange`);
    const request = translate(exchange.request, ids);
    if (exchange.response.kind === 'sse') {
      const captured = capturedEvents(prefix);
      script = extra(scriptOf(captured, exchange.request.type));
      const ours = await streamEvents(await server.process(JSON.stringify(request)));
      expect(normalize(ours)).toEqual(normalize(captured));
      pairIds(captured, ours, ids);
    } else {
      const expected = exchange.response.body as Json;
      script = expected.updated_item ? [{ kind: 'yield', event: { item: expected.updated_item } }] : [];
      const { status, body } = jsonOf(await server.process(JSON.stringify(request)));
      expect(status).toBe(200);
      expect(normalize(body)).toEqual(normalize(expected));
      pairIds(expected, body, ids);
    }
  }

  /** Runs a step the capture did not record. */
  async function perform(request: Json, steps: Step[]): Promise<Json[]> {
    script = steps;
    return streamEvents(await server.process(translate(request, ids)));
  }

  beforeAll(() => {
    store = makeStore();
    server = createChatKitServer({
      store,
      respond: (thread) => play(thread),
      action: (thread) => play(thread),
      syncAction: async (thread) => {
        const step = script[0];
        return step?.kind === 'yield' ? { updated_item: localize(step.event, thread.id).item } : undefined;
      },
      onError: (error) => reported.push(error),
      transcribe: async (audio, mimeType) => `heard ${audio.length} bytes of ${mimeType.split(';')[0]}`,
      generateId: (() => {
        const prefixes: Record<string, string> = { thread: 'thr', message: 'msg', attachment: 'atc' };
        let n = 0;
        return (kind) => `${prefixes[kind] ?? kind}_${(0xa000 + ++n).toString(16)}`;
      })(),
    });
  });

  test('s1: threads.create streams the created thread, the user message, the answer and the new title', async () => {
    await replayExchange('s1');
  });
  test('s1b: a second thread with a tag, a quote, a tool choice and a model; the answer arrives only as done', async () => {
    await replayExchange('s1b');
  });
  test('s2a, s2ap: attachments.create describes an image and a file', async () => {
    await replayExchange('s2a');
    await replayExchange('s2ap');
    const uploaded = jsonOf(await server.uploadAttachment(ids.get('atc_0001') ?? '', new Uint8Array([1, 2, 3])));
    expect(uploaded.status).toBe(200);
    expect(uploaded.body.upload_descriptor).toBe(undefined);
  });
  test('s2b: a message carries its attachments as full objects that now name the thread', async () => {
    await replayExchange('s2b');
  });
  test('s3a, s3b: a pending client tool call, then its output completes it and the response continues', async () => {
    await replayExchange('s3a');
    await replayExchange('s3b');
  });
  test('s4: workflow updates, a client effect and a notice pass through in order', async () => {
    await replayExchange('s4');
  });
  test('s5, s6a: a streamed widget and a static widget are passed through and stored', async () => {
    await replayExchange('s5');
    await replayExchange('s6a');
  });
  test('s6b, s6c, s6d: custom actions with and without a widget item, and a sync action', async () => {
    await replayExchange('s6b');
    await replayExchange('s6c');
    await replayExchange('s6d');
  });
  test('s7a, s7b, s8: an exception, a custom error, then a retry after the last user message', async () => {
    await replayExchange('s7a');
    expect(reported).toEqual([new Error('integration failure')]);
    await replayExchange('s7b');
    await replayExchange('s8');
  });
  test('(uncaptured) a structured input is asked, answered and followed by a continuation', async () => {
    const asked = loadFixture('n2').exchanges[0]?.response as { body: Json };
    const question = { ...asked.body.items.data[19], status: 'pending' } as Json;
    question.inputs = question.inputs.map(({ answer: _answer, ...input }: Json) => input);
    const thread = { thread_id: 'thr_0001' };
    const first = await perform({ type: 'threads.add_user_message', params: { ...thread, input: userInput('ask me') } }, [
      { kind: 'yield', event: { type: 'thread.item.done', item: question } },
    ]);
    expect(first.map((e) => e.type)).toEqual(['thread.item.done', 'stream_options', 'thread.item.done']);
    const reply = { id: 'msg_0025', thread_id: 'thr_0001', created_at: '', type: 'assistant_message', content: [] };
    const answer = { status: 'answered', answers: { priority: { values: ['High'] } } };
    const second = await perform(
      { type: 'threads.add_structured_input', params: { ...thread, item_id: 'msg_0024', input: answer } },
      [{ kind: 'yield', event: { type: 'thread.item.done', item: reply } }],
    );
    expect(second.map((e) => e.type)).toEqual(['stream_options', 'thread.item.replaced', 'thread.item.done']);
  });
  test('s10: a hidden context item is stored but swallowed from the stream', async () => {
    const hidden = { id: 'msg_0027', thread_id: 'thr_0001', created_at: '', type: 'hidden_context_item', content: 'x' };
    await replayExchange('s10', (steps) => [{ kind: 'yield', event: { type: 'thread.item.done', item: hidden } }, ...steps]);
    const stored = await store.loadItem(ids.get('thr_0001') ?? '', 'msg_0027');
    expect(stored.type).toBe('hidden_context_item');
  });
  test('(uncaptured) the integration locks the thread', async () => {
    const reply = { id: 'msg_0029', thread_id: 'thr_0001', created_at: '', type: 'assistant_message', content: [] };
    const events = await perform(
      { type: 'threads.add_user_message', params: { thread_id: 'thr_0001', input: userInput('escalate') } },
      [
        { kind: 'mutate', thread: { title: 'Greeting', status: { type: 'locked', reason: 'Escalated' } } },
        { kind: 'yield', event: { type: 'thread.item.done', item: reply } },
      ],
    );
    expect(events.map((e) => e.type)).toEqual([
      'thread.item.done',
      'stream_options',
      'thread.item.done',
      'thread.updated',
    ]);
    expect(events[3].thread.status).toEqual({ type: 'locked', reason: 'Escalated' });
  });
  test('n1…n7: feedback, the thread with its first 20 items, both lists, rename, transcription and delete', async () => {
    for (const prefix of ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7']) await replayExchange(prefix);
    const gone = jsonOf(await server.process({ type: 'threads.get_by_id', params: { thread_id: ids.get('thr_0001') } }));
    expect(gone.status).toBe(404);
  });
});
