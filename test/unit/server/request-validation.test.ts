/** Bad requests get an exact 400 JSON error naming what is wrong, and nothing is stored. */
import { describe, expect, test } from 'vitest';
import { createChatKitServer } from '../../../src/server/chatkit-server.ts';
import { createMemoryStore } from '../../../src/server/memory-store.ts';
import type { Store } from '../../../src/server/store.ts';
import { jsonOf, streamEvents, userInput, type Json } from './helpers.ts';

const TYPES =
  '"threads.create" | "threads.add_user_message" | "threads.add_client_tool_output" | ' +
  '"threads.add_structured_input" | "threads.retry_after_item" | "threads.custom_action" | "threads.get_by_id" | ' +
  '"threads.list" | "items.list" | "items.feedback" | "attachments.create" | "attachments.delete" | ' +
  '"threads.update" | "threads.delete" | "input.transcribe" | "threads.sync_custom_action"';

async function snapshot(store: Store): Promise<string> {
  const threads = (await store.loadThreads({ limit: 100, order: 'asc' })).data;
  const items = await Promise.all(threads.map((t) => store.loadThreadItems(t.id, { limit: 100, order: 'asc' })));
  return JSON.stringify({ threads, items });
}

describe('request validation', () => {
  const cases: [string, unknown, string][] = [
    ['malformed JSON text', '{"type": "threads.list", ', 'malformed JSON'],
    ['malformed JSON bytes', new TextEncoder().encode('nope'), 'malformed JSON'],
    ['a JSON array', '[]', '(root): expected object, received an array'],
    ['JSON null', 'null', '(root): expected object, received null'],
    ['an unknown type', { type: 'threads.explode', params: {} }, `type: expected one of ${TYPES}, received "threads.explode"`],
    ['a missing type', { params: {} }, `type: expected one of ${TYPES}, received nothing`],
    ['missing params', { type: 'threads.list' }, 'params: expected object, received nothing'],
    ['missing params on a streaming request', { type: 'threads.create' }, 'params: expected object, received nothing'],
    [
      'user input without attachments and inference options',
      { type: 'threads.create', params: { input: { content: [{ type: 'input_text', text: 'hi' }] } } },
      'params.input.attachments: expected array, received nothing; params.input.inference_options: expected object, received nothing',
    ],
    [
      'a tag without data',
      { type: 'threads.create', params: { input: { ...userInput('x'), content: [{ type: 'input_tag', id: 't', text: 'T' }] } } },
      'params.input.content[0].data: expected object, received nothing',
    ],
    ['a string limit', { type: 'threads.list', params: { limit: '5' } }, 'params.limit: expected number, received "5"'],
    ['a negative limit', { type: 'threads.list', params: { limit: -1 } }, 'params.limit: expected a positive integer, received -1'],
    ['a thread id that is not a string', { type: 'threads.get_by_id', params: { thread_id: 7 } }, 'params.thread_id: expected string, received 7'],
    // Bounds: one request must not store megabytes or tens of thousands of rows.
    ['a 1 MB title', { type: 'threads.update', params: { thread_id: 'thr_x', title: 't'.repeat(1_000_000) } }, `params.title: expected at most 500 characters, received "${'t'.repeat(57)}..."`],
    ['an id of 10,000 characters', { type: 'threads.get_by_id', params: { thread_id: 'i'.repeat(10_000) } }, `params.thread_id: expected at most 200 characters, received "${'i'.repeat(57)}..."`],
    ['feedback on 60,000 items', { type: 'items.feedback', params: { thread_id: 'thr_x', item_ids: Array.from({ length: 60_000 }, (_, i) => `m${i}`), kind: 'positive' } }, 'params.item_ids: expected at most 200 items, received an array'],
    ['an attachment name of 100,000 characters', { type: 'attachments.create', params: { name: 'n'.repeat(100_000), size: 1, mime_type: 'text/plain' } }, `params.name: expected at most 1000 characters, received "${'n'.repeat(57)}..."`],
  ];

  test.each(cases)('%s is rejected with 400 and a message naming the problem', async (_name, body, message) => {
    const store = createMemoryStore();
    const server = createChatKitServer({ store, respond: async function* () {} });
    await streamEvents(await server.process({ type: 'threads.create', params: { input: userInput('seed') } }));
    const before = await snapshot(store);
    const result = jsonOf(await server.process(body));
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe('invalid_request');
    if (message === 'malformed JSON') expect(result.body.error.message).toMatch(/^malformed JSON \(.+\)$/);
    else expect(result.body).toEqual({ error: { code: 'invalid_request', message } });
    expect(await snapshot(store)).toBe(before);
  });

  test('unknown extra fields are ignored, as pydantic does', async () => {
    const server = createChatKitServer({ store: createMemoryStore(), respond: async function* () {} });
    const result = jsonOf(await server.process({ type: 'threads.list', params: { extra: 1 }, metadata: { a: 1 }, more: true }));
    expect(result).toEqual({ status: 200, body: { data: [], has_more: false } });
  });

  test('a hostile __proto__ key neither pollutes prototypes nor reaches the store', async () => {
    const store = createMemoryStore();
    const server = createChatKitServer({ store, respond: async function* () {} });
    const tag = '{"type":"input_tag","id":"t","text":"T","data":{"__proto__":{"polluted":true}}}';
    const body = `{"type":"threads.create","params":{"input":{"content":[${tag}],"attachments":[],"inference_options":{}}}}`;
    const events: Json[] = await streamEvents(await server.process(body));
    expect(({} as Json).polluted).toBe(undefined);
    expect(events[1].item.content[0].data).toEqual({});
  });
});
