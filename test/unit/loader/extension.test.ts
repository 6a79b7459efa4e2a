import { describe, expect, it, vi } from 'vitest';
import { encode, serve } from '../../../loader/extension.ts';
import type { HostFn } from '../../../loader/widget.ts';
import type { CallMessage, FnHandle } from '../../../src/bridge/messages.ts';
import { defer } from '../bridge/ports.ts';

const call = (id: number, method: string, args: unknown[]): CallMessage => ({ ns: 'chatkit', v: 1, type: 'call', id, method, args });

/** Runs `serve` and resolves with the one message it posts. */
function served(msg: CallMessage, fns: Map<number, HostFn>): Promise<unknown> {
  const posted = defer<unknown>();
  serve(msg, (m) => posted.resolve(m), fns);
  return posted.promise;
}

const idOf = (x: unknown): number => (x as FnHandle).$fn;

describe('encode', () => {
  it('replaces functions at any depth with { $fn } handles registered in fns', () => {
    const fetchFn = () => 'fetch';
    const onAction = () => 'action';
    const onClick = () => 'click';
    const fns = new Map<number, HostFn>();
    const input = { api: { url: '/chatkit', fetch: fetchFn }, widgets: { onAction }, header: { rightAction: { icon: 'x', onClick } }, list: [1, [onClick]] };
    const out = encode(input, fns) as typeof input & { list: [number, [unknown]] };
    expect(Object.keys(out.api)).toEqual(['url', 'fetch']);
    expect(out.api.url).toBe('/chatkit');
    expect(Object.keys(out.api.fetch)).toEqual(['$fn']);
    expect(fns.get(idOf(out.api.fetch))).toBe(fetchFn);
    expect(fns.get(idOf(out.widgets.onAction))).toBe(onAction);
    expect(fns.get(idOf(out.header.rightAction.onClick))).toBe(onClick);
    expect(out.header.rightAction.icon).toBe('x');
    expect(Array.isArray(out.list) && Array.isArray(out.list[1])).toBe(true);
    expect(out.list[0]).toBe(1);
    expect(fns.get(idOf(out.list[1][0]))).toBe(onClick);
    expect(fns.size).toBe(4);
    expect(new Set([...fns.keys()]).size).toBe(4);
    // The result is cloneable: exactly what postMessage needs.
    expect(() => structuredClone(out)).not.toThrow();
    expect(input.api.fetch).toBe(fetchFn);
  });

  it('keeps Files, Blobs, Dates and other non-plain objects as the same instances', () => {
    const file = new File(['a'], 'a.txt');
    const blob = new Blob(['b']);
    const date = new Date(5);
    const map = new Map([[1, 2]]);
    const out = encode({ file, nested: [blob, { date, map }] }, new Map()) as { file: File; nested: [Blob, { date: Date; map: Map<number, number> }] };
    expect(out.file).toBe(file);
    expect(out.nested[0]).toBe(blob);
    expect(out.nested[1].date).toBe(date);
    expect(out.nested[1].map).toBe(map);
  });

  it('skips "__proto__" keys, registering nothing found under them', () => {
    const input = JSON.parse('{"__proto__":{"polluted":true},"theme":{"__proto__":{"x":1},"radius":"pill"}}') as Record<string, Record<string, unknown>>;
    input['__proto__']!.cb = () => 'hidden';
    const fns = new Map<number, HostFn>();
    const out = encode(input, fns) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['theme']);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(out.theme).toEqual({ radius: 'pill' });
    expect(Object.getPrototypeOf(out.theme)).toBe(Object.prototype);
    expect(fns.size).toBe(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('copies a shared (non-cyclic) object at each place it appears', () => {
    const shared = { f: () => 1 };
    const fns = new Map<number, HostFn>();
    const out = encode({ a: shared, b: shared }, fns) as { a: { f: unknown }; b: { f: unknown } };
    expect(fns.size).toBe(2);
    expect(fns.get(idOf(out.a.f))).toBe(shared.f);
    expect(fns.get(idOf(out.b.f))).toBe(shared.f);
  });

  it('throws TypeError on a cycle and keeps the handles registered before', () => {
    const fns = new Map<number, HostFn>();
    const keep = () => 'keep';
    const before = encode({ keep }, fns);
    const cyclic: Record<string, unknown> = { f: () => 'new' };
    cyclic.self = { again: cyclic };
    expect(() => encode(cyclic, fns)).toThrow(new TypeError('ChatKit options contain a cycle'));
    const list: unknown[] = [() => 'x'];
    list.push(list);
    expect(() => encode({ list }, fns)).toThrow(TypeError);
    expect([...fns.entries()]).toEqual([[idOf((before as { keep: unknown }).keep), keep]]);
  });

  it('invalidates earlier handles on a second encode', async () => {
    const fns = new Map<number, HostFn>();
    const first = encode({ cb: () => 'old' }, fns) as { cb: FnHandle };
    const second = encode({ cb: () => 'new' }, fns) as { cb: FnHandle };
    expect(second.cb.$fn).not.toBe(first.cb.$fn);
    expect(fns.size).toBe(1);
    expect(await served(call(1, 'fn', [first.cb.$fn, []]), fns)).toEqual({
      type: 'reply', id: 1, ok: false, error: { name: 'Error', message: 'Callback no longer registered: options were replaced', code: 'FAILED' },
    });
    expect(await served(call(2, 'fn', [second.cb.$fn, []]), fns)).toEqual({ type: 'reply', id: 2, ok: true, value: 'new' });
  });
});

describe('serve', () => {
  it('runs fn with the given args and replies with its value', async () => {
    const fns = new Map<number, HostFn>();
    const sum = vi.fn((a: unknown, b: unknown) => (a as number) + (b as number));
    const slow = async (x: unknown) => ({ echoed: x });
    const out = encode({ sum, slow, none: () => undefined }, fns) as Record<string, FnHandle>;
    expect(await served(call(3, 'fn', [out.sum!.$fn, [2, 40]]), fns)).toEqual({ type: 'reply', id: 3, ok: true, value: 42 });
    expect(sum.mock.calls).toEqual([[2, 40]]);
    expect(await served(call(4, 'fn', [out.slow!.$fn, [{ a: 1 }]]), fns)).toEqual({ type: 'reply', id: 4, ok: true, value: { echoed: { a: 1 } } });
    expect(await served(call(5, 'fn', [out.none!.$fn]), fns)).toEqual({ type: 'reply', id: 5, ok: true, value: undefined });
  });

  it('reports errors thrown or rejected by the function', async () => {
    const fns = new Map<number, HostFn>();
    const out = encode({
      sync: () => { throw new TypeError('bad input'); },
      async: async () => { throw Object.assign(new Error('denied'), { code: 'BUSY' }); },
    }, fns) as Record<string, FnHandle>;
    expect(await served(call(1, 'fn', [out.sync!.$fn, []]), fns)).toEqual({ type: 'reply', id: 1, ok: false, error: { name: 'TypeError', message: 'bad input', code: 'FAILED' } });
    expect(await served(call(2, 'fn', [out.async!.$fn, []]), fns)).toEqual({ type: 'reply', id: 2, ok: false, error: { name: 'Error', message: 'denied', code: 'BUSY' } });
  });

  it('rejects unknown methods with NO_METHOD and unknown handle ids with the replaced-options error', async () => {
    const fns = new Map<number, HostFn>();
    expect(await served(call(1, 'eval', ['1+1']), fns)).toEqual({ type: 'reply', id: 1, ok: false, error: { name: 'Error', message: 'eval', code: 'NO_METHOD' } });
    expect(await served(call(2, 'fn', ['__proto__', []]), fns)).toEqual({
      type: 'reply', id: 2, ok: false, error: { name: 'Error', message: 'Callback no longer registered: options were replaced', code: 'FAILED' },
    });
  });
});
