import { describe, expect, it } from 'vitest';
import {
  parseAttachment,
  parseItem,
  parseItemPage,
  parseStoredItem,
  parseSyncActionResult,
  parseThread,
  parseThreadPage,
  parseTranscription,
} from '../../../src/protocol/index.ts';

const base = { thread_id: 'T', created_at: '2026-11-22T01:19:19.322067' };
const endOfTurn = { ...base, id: 'E1', type: 'end_of_turn' };
const hidden = { ...base, id: 'H1', type: 'sdk_hidden_context', content: 'The user cancelled the stream.' };
const unknown = { ...base, id: 'V1', type: 'video' };
const broken = { ...base, id: 'A1', type: 'assistant_message' };

describe('pages and threads', () => {
  it('drops unknown, hidden and malformed items from a page and reports each one', () => {
    const reasons: string[] = [];
    const page = { data: [unknown, endOfTurn, hidden, broken, 5], has_more: true, after: 'E1' };
    expect(parseItemPage(page, (reason) => reasons.push(reason))).toEqual({
      ok: true,
      value: { data: [endOfTurn], has_more: true, after: 'E1' },
    });
    expect(reasons).toEqual([
      'data[0].type: unknown item type "video"',
      'data[2].type: hidden item type "sdk_hidden_context" is never shown to clients',
      'data[3].content: expected array, received nothing',
      'data[4]: expected object, received 5',
    ]);
  });

  it('filters the items of a thread and keeps its metadata', () => {
    const reasons: string[] = [];
    const thread = {
      id: 'T',
      title: null,
      created_at: '2026-11-22T01:19:19.322067',
      status: { type: 'closed', reason: 'Resolved' },
      metadata: {},
      items: { data: [hidden, endOfTurn], has_more: false, after: null },
    };
    expect(parseThread(thread, (reason) => reasons.push(reason))).toEqual({
      ok: true,
      value: { ...thread, title: undefined, items: { data: [endOfTurn], has_more: false } },
    });
    expect(reasons).toEqual(['items.data[0].type: hidden item type "sdk_hidden_context" is never shown to clients']);
  });

  it('fails a thread whose own fields are malformed', () => {
    expect(parseThread({ id: 'T', created_at: 'x', status: { type: 'frozen' } })).toEqual({
      ok: false,
      ignored: false,
      error: 'status.type: expected one of "active" | "locked" | "closed", received "frozen"',
    });
  });

  it('drops a malformed thread from a thread page and reports it with its path', () => {
    const reasons: string[] = [];
    const good = { id: 'T1', created_at: 'x', items: { data: [unknown] } };
    expect(parseThreadPage({ data: [{ id: 5 }, good], has_more: false }, (r) => reasons.push(r))).toEqual({
      ok: true,
      value: {
        data: [
          { id: 'T1', created_at: 'x', status: { type: 'active' }, metadata: {}, items: { data: [], has_more: false } },
        ],
        has_more: false,
      },
    });
    expect(reasons).toEqual([
      'data[0].id: expected string, received 5; data[0].created_at: expected string, received nothing',
      'data[1].items.data[0].type: unknown item type "video"',
    ]);
  });

  it('fails a page that is not a page', () => {
    expect(parseItemPage({ data: 'none' })).toEqual({
      ok: false,
      ignored: false,
      error: 'data: expected array, received "none"',
    });
  });
});

describe('single items and other responses', () => {
  it('parses hidden items only for the server store', () => {
    expect(parseItem(hidden)).toEqual({
      ok: false,
      ignored: true,
      error: 'type: hidden item type "sdk_hidden_context" is never shown to clients',
    });
    expect(parseStoredItem(hidden)).toEqual({ ok: true, value: hidden });
    expect(parseStoredItem({ ...base, id: 'H2', type: 'hidden_context_item', content: { any: ['thing'] } })).toEqual({
      ok: true,
      value: { ...base, id: 'H2', type: 'hidden_context_item', content: { any: ['thing'] } },
    });
  });

  it('turns a sync action result with an item of unknown type into an empty result', () => {
    const reasons: string[] = [];
    expect(parseSyncActionResult({ updated_item: unknown }, (r) => reasons.push(r))).toEqual({ ok: true, value: {} });
    expect(reasons).toEqual(['updated_item.type: unknown item type "video"']);
    expect(parseSyncActionResult({})).toEqual({ ok: true, value: {} });
    expect(parseSyncActionResult({ updated_item: null })).toEqual({ ok: true, value: {} });
    expect(parseSyncActionResult({ updated_item: broken })).toEqual({
      ok: false,
      ignored: false,
      error: 'updated_item.content: expected array, received nothing',
    });
  });

  it('parses attachments and transcriptions, naming what is wrong', () => {
    expect(parseAttachment({ id: 'a', name: 'x.png', mime_type: 'image/png', type: 'image' })).toEqual({
      ok: false,
      ignored: false,
      error: 'preview_url: expected string, received nothing',
    });
    expect(
      parseAttachment({
        id: 'a',
        name: 'x.bin',
        mime_type: 'application/octet-stream',
        type: 'file',
        upload_descriptor: { url: 'https://u', method: 'PATCH' },
      }),
    ).toEqual({
      ok: false,
      ignored: false,
      error: 'upload_descriptor.method: expected one of "POST" | "PUT", received "PATCH"',
    });
    expect(parseTranscription({ text: 'hello' })).toEqual({ ok: true, value: { text: 'hello' } });
    expect(parseTranscription({})).toEqual({
      ok: false,
      ignored: false,
      error: 'text: expected string, received nothing',
    });
  });
});
