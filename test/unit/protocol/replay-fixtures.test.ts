import { describe, expect, it } from 'vitest';
import {
  parseAttachment,
  parseItemPage,
  parseRequest,
  parseStreamEvent,
  parseSyncActionResult,
  parseThread,
  parseThreadPage,
  parseTranscription,
  type ParseResult,
} from '../../../src/protocol/index.ts';
import { loadFixtures, sseLines } from './load-fixtures.ts';

const fixtures = loadFixtures();

const RESPONSE_PARSERS: Record<string, (body: unknown) => ParseResult<unknown>> = {
  'threads.get_by_id': (body) => parseThread(body, failOnIgnored),
  'threads.update': (body) => parseThread(body, failOnIgnored),
  'threads.list': (body) => parseThreadPage(body, failOnIgnored),
  'items.list': (body) => parseItemPage(body, failOnIgnored),
  'attachments.create': parseAttachment,
  'threads.sync_custom_action': (body) => parseSyncActionResult(body, failOnIgnored),
  'input.transcribe': parseTranscription,
};

function failOnIgnored(reason: string): never {
  throw new Error(`unexpectedly ignored: ${reason}`);
}

describe('every captured chatkit-python exchange', () => {
  it('covers every fixture file', () => {
    expect(fixtures.length).toBe(25);
  });

  for (const fixture of fixtures) {
    describe(fixture.file, () => {
      fixture.exchanges.forEach((exchange, n) => {
        it(`parses request ${n} and keeps every field exactly`, () => {
          const result = parseRequest(exchange.request);
          expect(result).toEqual({ ok: true, value: expect.anything() });
          if (result.ok) expect(result.value).toStrictEqual(exchange.request);
        });

        const response = exchange.response;
        if (response.kind === 'sse') {
          it(`parses every SSE event of response ${n} into exactly the captured JSON`, () => {
            const lines = sseLines(response.raw);
            expect(lines.length).toBeGreaterThan(0);
            for (const line of lines) {
              const raw = JSON.parse(line) as unknown;
              const result = parseStreamEvent(raw);
              if (!result.ok) throw new Error(`${result.error} in ${line}`);
              expect(result.value).toStrictEqual(raw);
            }
          });
        } else {
          it(`parses JSON response ${n} into exactly the captured body`, () => {
            const parse = RESPONSE_PARSERS[exchange.request.type];
            if (!parse) {
              expect(response.body).toEqual({});
              return;
            }
            const result = parse(response.body);
            if (!result.ok) throw new Error(result.error);
            expect(result.value).toStrictEqual(response.body);
          });
        }
      });
    });
  }
});
