import { describe, expect, it } from 'vitest';
import { createSseDecoder, readSse } from '../../../src/client/sse.ts';
import { loadFixtures, sseLines } from '../protocol/load-fixtures.ts';

const encoder = new TextEncoder();

/** Decodes `bytes` delivered as the given chunks (split positions), then ends the stream. */
function decodeSplit(bytes: Uint8Array, splits: number[]): string[] {
  const decoder = createSseDecoder();
  const out: string[] = [];
  let start = 0;
  for (const end of [...splits, bytes.length]) {
    out.push(...decoder.push(bytes.subarray(start, end)));
    start = end;
  }
  out.push(...decoder.end());
  return out;
}

function decodeText(text: string): string[] {
  return decodeSplit(encoder.encode(text), []);
}

/** Every two-chunk split, plus one byte at a time. */
function expectSameAtEverySplit(bytes: Uint8Array, expected: string[]): void {
  for (let k = 0; k <= bytes.length; k++) {
    const got = decodeSplit(bytes, [k]);
    if (JSON.stringify(got) !== JSON.stringify(expected)) {
      expect({ split: k, got }).toEqual({ split: k, got: expected });
    }
  }
  expect(decodeSplit(bytes, Array.from({ length: bytes.length }, (_, i) => i))).toEqual(expected);
}

const streams = loadFixtures().flatMap((fixture) =>
  fixture.exchanges.flatMap(({ response }) => (response.kind === 'sse' ? [{ fixture, raw: response.raw }] : [])),
);

describe('createSseDecoder on the captured streams', () => {
  it('has streaming fixtures to replay', () => {
    expect(streams.length).toBe(14);
  });

  for (const { fixture, raw } of streams) {
    it(`yields exactly the data lines of ${fixture.file} at every byte split`, () => {
      const expected = sseLines(raw);
      expect(decodeText(raw)).toEqual(expected);
      expectSameAtEverySplit(encoder.encode(raw), expected);
    });

    it(`yields the same events for ${fixture.file} with CRLF and with lone CR line ends`, () => {
      const expected = sseLines(raw);
      for (const eol of ['\r\n', '\r']) {
        const variant = encoder.encode(raw.replaceAll('\n', eol));
        expectSameAtEverySplit(variant, expected);
      }
    });
  }
});

describe('createSseDecoder edge cases', () => {
  it('joins multi-line data with newlines', () => {
    expect(decodeText('data: first\ndata: second\ndata:third\n\n')).toEqual(['first\nsecond\nthird']);
  });

  it('ignores comments and the event, id and retry fields', () => {
    expect(decodeText(': heartbeat\nevent: message\nid: 7\nretry: 1000\ndata: x\n\n:bye\n\n')).toEqual(['x']);
  });

  it('does not dispatch an event that has no data lines', () => {
    expect(decodeText('event: ping\n\nid: 1\n\n\n\ndata: y\n\n')).toEqual(['y']);
  });

  it('strips exactly one space after the colon and treats a bare "data" line as empty data', () => {
    expect(decodeText('data:  two\n\ndata\n\ndata:\n\n')).toEqual([' two', '', '']);
  });

  it('keeps colons inside the value', () => {
    expect(decodeText('data: {"a":"b:c"}\n\n')).toEqual(['{"a":"b:c"}']);
  });

  it('decodes multi-byte UTF-8 split at every byte', () => {
    const bytes = encoder.encode('data: héllo 👋\n\ndata: 日本\n\n');
    expectSameAtEverySplit(bytes, ['héllo 👋', '日本']);
  });

  it('strips a leading byte order mark, even split across chunks, but only at the start', () => {
    const bytes = encoder.encode('\uFEFFdata: x\n\ndata: \uFEFFy\n\n');
    expectSameAtEverySplit(bytes, ['x', '\uFEFFy']);
  });

  it('handles a CR at the end of a chunk followed by another line end', () => {
    const decoder = createSseDecoder();
    expect(decoder.push(encoder.encode('data: a\r'))).toEqual([]);
    expect(decoder.push(encoder.encode('\r'))).toEqual(['a']);
    expect(decoder.push(encoder.encode('\ndata: b\r'))).toEqual([]);
    expect(decoder.push(encoder.encode('\n'))).toEqual([]);
    expect(decoder.push(encoder.encode('\n'))).toEqual(['b']);
  });

  it('discards a final event without its blank line', () => {
    expect(decodeText('data: complete\n\ndata: partial\n')).toEqual(['complete']);
    expect(decodeText('data: complete\n\ndata: partial')).toEqual(['complete']);
  });

  it('dispatches an event as soon as its blank line arrives', () => {
    const decoder = createSseDecoder();
    expect(decoder.push(encoder.encode('data: a\n'))).toEqual([]);
    expect(decoder.push(encoder.encode('\n'))).toEqual(['a']);
    expect(decoder.end()).toEqual([]);
  });
});

/** A body that delivers `chunks` then closes, and records whether it was cancelled. */
function bodyOf(chunks: string[], { hang = false } = {}) {
  const state = { cancelled: false as boolean, reason: undefined as unknown };
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[i++];
      if (chunk !== undefined) controller.enqueue(encoder.encode(chunk));
      else if (!hang) controller.close();
      else return new Promise<void>(() => undefined);
    },
    cancel(reason) {
      state.cancelled = true;
      state.reason = reason;
    },
  });
  return { body, state };
}

describe('readSse', () => {
  it('yields every event of the body in order and releases the reader', async () => {
    const { body, state } = bodyOf(['data: 1\n', '\ndata: 2\n\nda', 'ta: 3\n\n', 'data: cut']);
    const seen: string[] = [];
    for await (const data of readSse(body)) seen.push(data);
    expect(seen).toEqual(['1', '2', '3']);
    expect(body.locked).toBe(false);
    expect(state.cancelled).toBe(false);
  });

  it('cancels the body when the consumer stops early', async () => {
    const { body, state } = bodyOf(['data: 1\n\ndata: 2\n\n', 'data: 3\n\n'], { hang: true });
    for await (const data of readSse(body)) {
      expect(data).toBe('1');
      break;
    }
    expect(state.cancelled).toBe(true);
    expect(body.locked).toBe(false);
  });

  it('cancels the body and rejects with the reason when the signal aborts mid-stream', async () => {
    const { body, state } = bodyOf(['data: 1\n\n'], { hang: true });
    const controller = new AbortController();
    const seen: string[] = [];
    const reason = new Error('stopped by user');
    const run = (async () => {
      for await (const data of readSse(body, controller.signal)) {
        seen.push(data);
        setTimeout(() => controller.abort(reason), 0);
      }
    })();
    await expect(run).rejects.toBe(reason);
    expect(seen).toEqual(['1']);
    expect(state.cancelled).toBe(true);
    expect(body.locked).toBe(false);
  });

  it('rejects at once for an already aborted signal and cancels the body', async () => {
    const { body, state } = bodyOf(['data: 1\n\n'], { hang: true });
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    const iterator = readSse(body, controller.signal);
    await expect(iterator.next()).rejects.toThrow('gone');
    expect(state.cancelled).toBe(true);
  });

  it('stops yielding when the signal aborts while the consumer holds an event', async () => {
    const { body, state } = bodyOf(['data: 1\n\ndata: 2\n\n'], { hang: true });
    const controller = new AbortController();
    const iterator = readSse(body, controller.signal);
    expect(await iterator.next()).toEqual({ done: false, value: '1' });
    controller.abort(new Error('later'));
    await expect(iterator.next()).rejects.toThrow('later');
    expect(state.cancelled).toBe(true);
  });
});
