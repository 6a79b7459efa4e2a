import { describe, expect, it } from 'vitest';
import { z } from '../../src/protocol/zod.ts';

describe('zod wrapper', () => {
  it('parses with jitless mini schemas', () => {
    const schema = z.object({ a: z.string() });
    expect(schema.safeParse({ a: 1 }).success).toBe(false);
    expect(schema.parse({ a: 'x' })).toEqual({ a: 'x' });
  });
});
