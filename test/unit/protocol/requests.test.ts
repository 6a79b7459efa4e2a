import { describe, expect, it } from 'vitest';
import {
  isStreamingRequestType,
  parseRequest,
  REQUEST_TYPES,
  STREAMING_REQUEST_TYPES,
} from '../../../src/protocol/index.ts';

const input = { content: [{ type: 'input_text', text: 'Hi' }], attachments: [], inference_options: {} };
const ALL_TYPES =
  '"threads.create" | "threads.add_user_message" | "threads.add_client_tool_output" | ' +
  '"threads.add_structured_input" | "threads.retry_after_item" | "threads.custom_action" | "threads.get_by_id" | ' +
  '"threads.list" | "items.list" | "items.feedback" | "attachments.create" | "attachments.delete" | ' +
  '"threads.update" | "threads.delete" | "input.transcribe" | "threads.sync_custom_action"';

function errorOf(value: unknown): string {
  const result = parseRequest(value);
  if (result.ok) throw new Error('expected a failure');
  expect(result.ignored).toBe(false);
  return result.error;
}

describe('parseRequest', () => {
  it('knows exactly the 16 request types, six of them streaming', () => {
    expect(REQUEST_TYPES).toHaveLength(16);
    expect([...STREAMING_REQUEST_TYPES]).toEqual([
      'threads.create',
      'threads.add_user_message',
      'threads.add_client_tool_output',
      'threads.add_structured_input',
      'threads.retry_after_item',
      'threads.custom_action',
    ]);
    expect(REQUEST_TYPES.filter(isStreamingRequestType)).toEqual([...STREAMING_REQUEST_TYPES]);
    expect(isStreamingRequestType('threads.sync_custom_action')).toBe(false);
    expect(isStreamingRequestType('threads.list')).toBe(false);
    expect(isStreamingRequestType('nope')).toBe(false);
  });

  it('accepts a request whose params are all optional when params is an empty object, applying defaults', () => {
    expect(parseRequest({ type: 'threads.list', params: {} })).toEqual({
      ok: true,
      value: { type: 'threads.list', params: { order: 'desc' } },
    });
  });

  it('rejects a request without params, even when every param is optional', () => {
    expect(errorOf({ type: 'threads.list' })).toBe('params: expected object, received nothing');
    expect(errorOf({ type: 'threads.create' })).toBe('params: expected object, received nothing');
  });

  it('rejects an unknown type by listing every known type', () => {
    expect(errorOf({ type: 'threads.nope', params: {} })).toBe(
      `type: expected one of ${ALL_TYPES}, received "threads.nope"`,
    );
    expect(errorOf({ params: {} })).toBe(`type: expected one of ${ALL_TYPES}, received nothing`);
    expect(errorOf({ type: 'constructor', params: {} })).toBe(
      `type: expected one of ${ALL_TYPES}, received "constructor"`,
    );
  });

  it('rejects a body that is not an object', () => {
    expect(errorOf(null)).toBe('(root): expected object, received null');
    expect(errorOf([])).toBe('(root): expected object, received an array');
    expect(errorOf('threads.list')).toBe('(root): expected object, received "threads.list"');
  });

  it('requires attachments, inference_options and a tag\'s data in user input, naming the path', () => {
    const { attachments: _a, ...noAttachments } = input;
    expect(errorOf({ type: 'threads.create', params: { input: noAttachments } })).toBe(
      'params.input.attachments: expected array, received nothing',
    );
    const { inference_options: _i, ...noOptions } = input;
    expect(errorOf({ type: 'threads.add_user_message', params: { thread_id: 't', input: noOptions } })).toBe(
      'params.input.inference_options: expected object, received nothing',
    );
    const tag = { type: 'input_tag', id: 'doc_1', text: 'Q2 Plan' };
    expect(errorOf({ type: 'threads.create', params: { input: { ...input, content: [tag] } } })).toBe(
      'params.input.content[0].data: expected object, received nothing',
    );
  });

  it('names an unknown content part type with the allowed ones', () => {
    const content = [{ type: 'input_image', url: 'x' }];
    expect(errorOf({ type: 'threads.create', params: { input: { ...input, content } } })).toBe(
      'params.input.content[0].type: expected one of "input_text" | "input_tag", received "input_image"',
    );
  });

  it('reports every wrong field type, in order', () => {
    expect(errorOf({ type: 'threads.list', params: { limit: '5', order: 'up', after: 3 } })).toBe(
      'params.limit: expected number, received "5"; params.order: expected one of "asc" | "desc", received "up"; ' +
        'params.after: expected string, received 3',
    );
    expect(errorOf({ type: 'threads.list', params: { limit: 1.5 } })).toBe(
      'params.limit: expected an integer, received 1.5',
    );
    expect(errorOf({ type: 'items.feedback', params: { thread_id: 't', item_ids: 'x', kind: 'meh' } })).toBe(
      'params.item_ids: expected array, received "x"; ' +
        'params.kind: expected one of "positive" | "negative", received "meh"',
    );
    expect(errorOf({ type: 'threads.update', params: { thread_id: 't', title: null } })).toBe(
      'params.title: expected string, received null',
    );
  });

  it('accepts null where Python accepts None and drops it from the output', () => {
    expect(parseRequest({ type: 'threads.list', params: { limit: null, after: null } })).toEqual({
      ok: true,
      value: { type: 'threads.list', params: { order: 'desc' } },
    });
    const custom = parseRequest({
      type: 'threads.custom_action',
      params: { thread_id: 't', item_id: null, action: { type: 'x' } },
    });
    expect(custom.ok && custom.value.params).toStrictEqual({
      thread_id: 't',
      item_id: undefined,
      action: { type: 'x' },
    });
    const quoted = parseRequest({ type: 'threads.create', params: { input: { ...input, quoted_text: null } } });
    const quotedInput = quoted.ok && quoted.value.type === 'threads.create' ? quoted.value.params.input : null;
    expect(quotedInput).toStrictEqual({ ...input, quoted_text: undefined });
  });

  it('requires a client tool result to be present, though it may be null', () => {
    expect(errorOf({ type: 'threads.add_client_tool_output', params: { thread_id: 't' } })).toBe(
      'params.result: expected a value, received nothing',
    );
    expect(parseRequest({ type: 'threads.add_client_tool_output', params: { thread_id: 't', result: null } })).toEqual({
      ok: true,
      value: { type: 'threads.add_client_tool_output', params: { thread_id: 't', result: null } },
    });
  });

  it('keeps free-form metadata but rejects a metadata that is not an object', () => {
    const value = { type: 'threads.delete', params: { thread_id: 't' }, metadata: { tenant: 'a' } };
    expect(parseRequest(value)).toEqual({ ok: true, value });
    expect(errorOf({ type: 'threads.delete', params: { thread_id: 't' }, metadata: [] })).toBe(
      'metadata: expected object, received an array',
    );
  });

  it('ignores unknown extra fields and never lets a __proto__ key through', () => {
    const body = JSON.parse(
      '{"type":"threads.get_by_id","params":{"thread_id":"t","__proto__":{"admin":true}},' +
        '"__proto__":{"polluted":true},"metadata":{"__proto__":{"x":1},"k":1},"extra":1}',
    ) as unknown;
    const result = parseRequest(body);
    expect(result).toStrictEqual({
      ok: true,
      value: { type: 'threads.get_by_id', params: { thread_id: 't' }, metadata: { k: 1 } },
    });
    if (!result.ok) return;
    expect(Object.getPrototypeOf(result.value)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(result.value.params)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(result.value.metadata)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBe(undefined);
  });

  it('parses a structured input answer with the SDK defaults', () => {
    const result = parseRequest({
      type: 'threads.add_structured_input',
      params: { thread_id: 't', item_id: 'S1', input: { answers: { priority: { values: ['High'] } } } },
    });
    expect(result.ok && result.value.params).toEqual({
      thread_id: 't',
      item_id: 'S1',
      input: { status: 'answered', answers: { priority: { values: ['High'] } } },
    });
  });

  it('never throws, even for a body with a throwing getter', () => {
    const hostile = {
      type: 'threads.list',
      get params(): never {
        throw new Error('boom');
      },
    };
    expect(parseRequest(hostile)).toEqual({
      ok: false,
      ignored: false,
      error: '(root): could not be parsed (boom)',
    });
  });
});
