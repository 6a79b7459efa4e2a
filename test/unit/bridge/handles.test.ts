import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEndpoint, type Handler } from '../../../src/bridge/endpoint.ts';
import { CALLBACK_TIMEOUT_MS, decodeHandles, handleIdOf } from '../../../src/bridge/handles.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanups.splice(0)) f();
});

/** A host stand-in that records `call`s and answers each with `answer`. */
function fakeHost(answer: unknown = 'answered') {
  const call = vi.fn((..._args: unknown[]) => Promise.resolve(answer));
  return { call: call as unknown as (method: string, args: unknown[], timeoutMs?: number) => Promise<unknown>, calls: call.mock.calls };
}

describe('decodeHandles', () => {
  it('turns a handle into a function that calls the host fn method with its id and args', async () => {
    const host = fakeHost('result');
    const fn = decodeHandles({ $fn: 7 }, host) as (...a: unknown[]) => Promise<unknown>;
    expect(typeof fn).toBe('function');
    expect(handleIdOf(fn)).toBe(7);
    await expect(fn('a', { b: 1 })).resolves.toBe('result');
    expect(host.calls).toEqual([['fn', [7, ['a', { b: 1 }]], CALLBACK_TIMEOUT_MS]]);
    expect(CALLBACK_TIMEOUT_MS).toBe(600_000);
  });

  it('decodes handles at any depth of plain objects and arrays and copies the rest', async () => {
    const host = fakeHost();
    const input = { api: { url: '/x', fetch: { $fn: 1 } }, list: [{ $fn: 2 }, 3, 'four', null], flag: true };
    const out = decodeHandles(input, host) as { api: { url: string; fetch: () => Promise<unknown> }; list: unknown[]; flag: boolean };
    expect(out).not.toBe(input);
    expect(out.api.url).toBe('/x');
    expect(handleIdOf(out.api.fetch)).toBe(1);
    expect(handleIdOf(out.list[0])).toBe(2);
    expect(out.list.slice(1)).toEqual([3, 'four', null]);
    expect(out.flag).toBe(true);
    expect(input.api.fetch).toEqual({ $fn: 1 });
    await (out.list[0] as () => Promise<unknown>)();
    expect(host.calls).toEqual([['fn', [2, []], CALLBACK_TIMEOUT_MS]]);
  });

  it('leaves look-alikes with extra keys or bad ids as data', () => {
    const host = fakeHost();
    const out = decodeHandles({ a: { $fn: 1, label: 'x' }, b: { $fn: 0 }, c: { $fn: '2' }, d: { $fn: 1.5 } }, host);
    expect(out).toEqual({ a: { $fn: 1, label: 'x' }, b: { $fn: 0 }, c: { $fn: '2' }, d: { $fn: 1.5 } });
    expect(handleIdOf((out as { a: unknown }).a)).toBeUndefined();
    expect(host.calls).toEqual([]);
  });

  it('skips "__proto__" keys so nothing reaches a prototype', () => {
    const host = fakeHost();
    const input = JSON.parse('{"__proto__":{"$fn":1,"polluted":true},"nested":{"__proto__":{"$fn":2}},"ok":1}') as object;
    const out = decodeHandles(input, host) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['nested', 'ok']);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(out.nested)).toBe(Object.prototype);
    expect(Object.keys(out.nested as object)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(host.calls).toEqual([]);
  });

  it('returns non-plain objects (Dates, Blobs, Files) as the same instances', () => {
    const date = new Date(0);
    const blob = new Blob(['x']);
    const file = new File(['y'], 'y.txt');
    const out = decodeHandles({ date, blob, file }, fakeHost()) as Record<string, unknown>;
    expect(out.date).toBe(date);
    expect(out.blob).toBe(blob);
    expect(out.file).toBe(file);
  });

  it('reports no handle id for ordinary functions and non-functions', () => {
    expect(handleIdOf(() => 1)).toBeUndefined();
    expect(handleIdOf({ $fn: 1 })).toBeUndefined();
  });

  it('calls reach a host endpoint over a real MessageChannel with the right id and args', async () => {
    const { port1, port2 } = new MessageChannel();
    const fnCalls: unknown[] = [];
    const hostHandlers = new Map<string, Handler>([['fn', (args) => (fnCalls.push(args), `host ran ${String(args[0])}`)]]);
    const hostSide = createEndpoint(port2, hostHandlers, () => {});
    const frameSide = createEndpoint(port1, new Map(), () => {});
    cleanups.push(() => (hostSide.destroy(), frameSide.destroy()));
    const options = decodeHandles({ onClientTool: { $fn: 3 } }, frameSide) as { onClientTool: (x: unknown) => Promise<unknown> };
    await expect(options.onClientTool({ name: 'tool', params: { a: 1 } })).resolves.toBe('host ran 3');
    expect(fnCalls).toEqual([[3, [{ name: 'tool', params: { a: 1 } }]]]);
  });
});
