/**
 * Server-sent events decoding, per the WHATWG "event stream interpretation" rules, reduced to what ChatKit uses:
 * only `data` is kept (`event`, `id`, `retry` and comments are ignored). Chunks may split anywhere, even inside
 * a UTF-8 sequence or between the `\r` and `\n` of a line break.
 */

/** An incremental decoder: feed it bytes, get back the `data` of every event completed so far. */
export interface SseDecoder {
  /** Decodes one chunk; returns the data of each event whose terminating blank line arrived. */
  push(chunk: Uint8Array): string[];
  /** Flushes the decoder at end of stream; an event without its blank line is discarded, as the spec says. */
  end(): string[];
}

/** Creates an SSE decoder (one per response body). */
export function createSseDecoder(): SseDecoder {
  // One streaming decoder keeps partial multi-byte sequences between chunks; it also drops a leading BOM.
  let text = new TextDecoder('utf-8');
  let line = '';
  let data: string[] = [];
  let skipLineFeed = false;

  function takeLine(out: string[]): void {
    const current = line;
    line = '';
    if (current === '') {
      if (data.length > 0) out.push(data.join('\n'));
      data = [];
      return;
    }
    if (current.charCodeAt(0) === 58 /* ':' comment */) return;
    const colon = current.indexOf(':');
    const field = colon === -1 ? current : current.slice(0, colon);
    if (field !== 'data') return;
    let value = colon === -1 ? '' : current.slice(colon + 1);
    if (value.charCodeAt(0) === 32) value = value.slice(1);
    data.push(value);
  }

  function feed(chunk: string): string[] {
    const out: string[] = [];
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      if (c === 10 && skipLineFeed && i === start && line === '') {
        // The `\n` of a `\r\n` whose `\r` ended the previous chunk (or the previous line).
        skipLineFeed = false;
        start = i + 1;
        continue;
      }
      line += chunk.slice(start, i);
      takeLine(out);
      skipLineFeed = c === 13;
      start = i + 1;
    }
    if (start < chunk.length) {
      line += chunk.slice(start);
      skipLineFeed = false;
    }
    return out;
  }

  return {
    push(chunk) {
      return feed(text.decode(chunk, { stream: true }));
    },
    end() {
      const out = feed(text.decode());
      line = '';
      data = [];
      skipLineFeed = false;
      text = new TextDecoder('utf-8');
      return out;
    },
  };
}

/**
 * Yields the `data` of each event of an SSE body. Stopping early (`break`, `return`) cancels the body; an abort
 * of `signal` cancels it too and rejects with the signal's reason, as `fetch` does.
 */
export async function* readSse(body: ReadableStream<Uint8Array>, signal?: AbortSignal): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = createSseDecoder();
  // An abort cancels the body, which settles a pending read; the reason is then thrown after it. (Not a race
  // against a never-settling promise: each race would leave a reaction on it holding that read's chunk.)
  const onAbort = (): void => void reader.cancel(signal?.reason).catch(() => undefined);
  signal?.addEventListener('abort', onAbort, { once: true });
  let done = false;
  try {
    signal?.throwIfAborted();
    while (!done) {
      const result = await reader.read().catch((e: unknown) => {
        signal?.throwIfAborted();
        throw e;
      });
      signal?.throwIfAborted();
      done = result.done;
      const events = result.done ? decoder.end() : decoder.push(result.value);
      for (const event of events) {
        // An abort while the consumer held the previous event stops the rest of this chunk too.
        signal?.throwIfAborted();
        yield event;
      }
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    // When the body ended normally this is a no-op; otherwise it tells the server to stop streaming.
    if (!done) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
