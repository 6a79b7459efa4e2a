import { describe, expect, it } from 'vitest';
import { parseItemUpdate, parseStreamEvent, STREAM_EVENT_TYPES } from '../../../src/protocol/index.ts';

const base = { id: 'A1', thread_id: 'T', created_at: '2026-11-22T01:19:19.322067' };

function failure(value: unknown): { ignored: boolean; error: string } {
  const result = parseStreamEvent(value);
  if (result.ok) throw new Error('expected a failure');
  return { ignored: result.ignored, error: result.error };
}

describe('parseStreamEvent', () => {
  it('knows the twelve event types of the SDK', () => {
    expect(STREAM_EVENT_TYPES).toHaveLength(12);
  });

  it('marks an unknown event type as ignored, not malformed', () => {
    expect(failure({ type: 'thread.item.reacted', emoji: '👍' })).toEqual({
      ignored: true,
      error: 'type: unknown stream event type "thread.item.reacted"',
    });
    expect(failure({ type: 'constructor' })).toEqual({
      ignored: true,
      error: 'type: unknown stream event type "constructor"',
    });
  });

  it('marks an unknown update type and an unknown item type as ignored', () => {
    expect(failure({ type: 'thread.item.updated', item_id: 'A1', update: { type: 'audio.chunk' } })).toEqual({
      ignored: true,
      error: 'update.type: unknown update type "audio.chunk"',
    });
    expect(failure({ type: 'thread.item.added', item: { ...base, type: 'video' } })).toEqual({
      ignored: true,
      error: 'item.type: unknown item type "video"',
    });
  });

  it('marks hidden item types as ignored: they never reach a client', () => {
    for (const type of ['hidden_context_item', 'sdk_hidden_context']) {
      expect(failure({ type: 'thread.item.done', item: { ...base, type, content: 'secret' } })).toEqual({
        ignored: true,
        error: `item.type: hidden item type "${type}" is never shown to clients`,
      });
    }
  });

  it('reports a malformed known event with the path of the bad field', () => {
    expect(failure({ type: 'thread.item.done', item: { ...base, type: 'assistant_message', content: [{ text: 5 }] } }))
      .toEqual({ ignored: false, error: 'item.content[0].text: expected string, received 5' });
    expect(failure({ type: 'thread.item.done' })).toEqual({
      ignored: false,
      error: 'item: expected object, received nothing',
    });
    expect(failure({ type: 'thread.item.updated', update: {} })).toEqual({
      ignored: false,
      error: 'item_id: expected string, received nothing',
    });
    expect(failure({ type: 'notice', level: 'loud', message: 'x' })).toEqual({
      ignored: false,
      error: 'level: expected one of "info" | "warning" | "danger", received "loud"',
    });
    expect(failure({ type: 'thread.created', thread: { id: 'T' } })).toEqual({
      ignored: false,
      error: 'thread.created_at: expected string, received nothing',
    });
    expect(failure('data')).toEqual({ ignored: false, error: '(root): expected object, received "data"' });
    expect(failure({ type: 7 })).toEqual({ ignored: false, error: 'type: expected string, received 7' });
  });

  it('rejects negative indexes in updates', () => {
    const update = { type: 'assistant_message.content_part.text_delta', content_index: -1, delta: 'x' };
    expect(failure({ type: 'thread.item.updated', item_id: 'A1', update })).toEqual({
      ignored: false,
      error: 'update.content_index: expected a number >= 0, received -1',
    });
  });

  it('keeps unknown error codes as strings and applies the SDK defaults', () => {
    expect(parseStreamEvent({ type: 'error', code: 'rate_limited', message: 'Slow down' })).toEqual({
      ok: true,
      value: { type: 'error', code: 'rate_limited', message: 'Slow down', allow_retry: false },
    });
    expect(parseStreamEvent({ type: 'error' })).toEqual({
      ok: true,
      value: { type: 'error', code: 'custom', allow_retry: false },
    });
    expect(parseStreamEvent({ type: 'client_effect', name: 'confetti' })).toEqual({
      ok: true,
      value: { type: 'client_effect', name: 'confetti', data: {} },
    });
  });

  it('treats null optional fields as absent', () => {
    expect(parseStreamEvent({ type: 'progress_update', icon: null, text: 'Searching' })).toStrictEqual({
      ok: true,
      value: { type: 'progress_update', icon: undefined, text: 'Searching' },
    });
  });

  it('drops unknown and hidden items from the empty items page a thread event carries', () => {
    const thread = {
      id: 'T',
      created_at: '2026-11-22T01:19:19Z',
      items: { data: [{ ...base, type: 'video' }, { ...base, type: 'sdk_hidden_context', content: 'x' }] },
    };
    expect(parseStreamEvent({ type: 'thread.updated', thread })).toEqual({
      ok: true,
      value: {
        type: 'thread.updated',
        thread: {
          id: 'T',
          created_at: '2026-11-22T01:19:19Z',
          status: { type: 'active' },
          metadata: {},
          items: { data: [], has_more: false },
        },
      },
    });
  });

  it('drops __proto__ keys from free-form event data', () => {
    const json = '{"type":"client_effect","name":"x","data":{"__proto__":{"polluted":1},"a":1}}';
    const event = JSON.parse(json) as unknown;
    const result = parseStreamEvent(event);
    expect(result).toStrictEqual({ ok: true, value: { type: 'client_effect', name: 'x', data: { a: 1 } } });
    expect(result.ok && Object.getPrototypeOf(result.value.type === 'client_effect' && result.value.data)).toBe(
      Object.prototype,
    );
  });

  it('accepts naive, Z and offset timestamps on items', () => {
    for (const created_at of ['2026-11-22T01:19:19.322067', '2026-11-22T01:19:19Z', '2026-11-22T03:19:19+02:00']) {
      const item = { ...base, created_at, type: 'end_of_turn' };
      expect(parseStreamEvent({ type: 'thread.item.done', item })).toEqual({
        ok: true,
        value: { type: 'thread.item.done', item },
      });
    }
  });

  it('parses a generated image update and item', () => {
    const update = { type: 'generated_image.updated', image: { id: 'ig_1', url: 'https://x/p0.png' }, progress: 0.33 };
    expect(parseItemUpdate(update)).toEqual({ ok: true, value: update });
    const item = { ...base, type: 'generated_image' };
    expect(parseStreamEvent({ type: 'thread.item.added', item })).toEqual({
      ok: true,
      value: { type: 'thread.item.added', item },
    });
  });
});
