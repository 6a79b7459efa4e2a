import { describe, expect, it } from 'vitest';
import * as z from '../../../src/protocol/zod.ts';
import { formatIssue, formatPath } from '../../../src/protocol/format-issue.ts';

function messages(schema: z.ZodMiniType, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => formatIssue(issue, input));
}

describe('formatIssue', () => {
  it('names the path, the allowed values and the received value', () => {
    const schema = z.object({ theme: z.object({ radius: z.enum(['pill', 'round']) }) });
    expect(messages(schema, { theme: { radius: 'huge' } })).toEqual([
      'theme.radius: expected one of "pill" | "round", received "huge"',
    ]);
  });

  it('describes types, integers, array indices and missing values', () => {
    const schema = z.object({ n: z.int(), list: z.array(z.object({ id: z.string() })) });
    expect(messages(schema, { n: 1.5, list: [{ id: 'a' }, {}] })).toEqual([
      'n: expected an integer, received 1.5',
      'list[1].id: expected string, received nothing',
    ]);
  });

  it('lists discriminator options for a discriminated union', () => {
    const schema = z.discriminatedUnion('type', [
      z.object({ type: z.literal('a') }),
      z.object({ type: z.literal('b') }),
    ]);
    expect(messages(schema, { type: 'c' })).toEqual(['type: expected one of "a" | "b", received "c"']);
  });

  it('does not read inherited properties such as __proto__ when reporting the value', () => {
    const input = JSON.parse('{"__proto__": {"polluted": 1}}') as unknown;
    expect(messages(z.object({ polluted: z.string() }), input)).toEqual([
      'polluted: expected string, received nothing',
    ]);
    expect(formatPath([])).toBe('(root)');
  });
});
