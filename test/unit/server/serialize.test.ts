/** Output shaping: pydantic's exclude_none, SSE framing, and the client's view of a thread. */
import { describe, expect, test } from 'vitest';
import { encodeSseEvent, toJson, toThreadResponse } from '../../../src/server/serialize.ts';

describe('serialisation', () => {
  test('drops null and undefined object members at every depth but keeps nulls inside arrays', () => {
    expect(toJson({ a: null, b: undefined, c: { d: null, e: [null, { f: null, g: 1 }] }, h: 0, i: '', j: false })).toBe(
      '{"c":{"e":[null,{"g":1}]},"h":0,"i":"","j":false}',
    );
    expect(toJson(null)).toBe('null');
  });

  test('frames an event exactly as the Python SDK does', () => {
    expect(encodeSseEvent({ type: 'progress_update', text: 'a\nb', icon: undefined })).toBe(
      'data: {"type":"progress_update","text":"a\\nb"}\n\n',
    );
  });

  test('a thread response never forwards integration metadata or hidden items', () => {
    const thread = { id: 't', created_at: 'now', status: { type: 'active' as const }, metadata: { secret: 1 } };
    const hidden = { id: 'h', thread_id: 't', created_at: 'now', type: 'sdk_hidden_context' as const, content: 'x' };
    expect(toThreadResponse(thread, { data: [hidden], has_more: true, after: 'h' })).toEqual({
      id: 't',
      created_at: 'now',
      status: { type: 'active' },
      metadata: {},
      items: { data: [], has_more: true, after: 'h' },
      title: undefined,
      allowed_image_domains: undefined,
    });
  });
});
