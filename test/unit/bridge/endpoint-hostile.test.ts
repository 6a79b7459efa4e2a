/** The endpoint (src/bridge/endpoint.ts) against a peer that posts garbage, replays ids and answers the wrong calls. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorFields, facingRaw, runCleanups, tick, track, waitFor } from './ports.ts';

afterEach(() => {
  runCleanups();
  vi.restoreAllMocks();
});

const env = { ns: 'chatkit', v: 1 } as const;

describe('createEndpoint against hostile input', () => {
  const call = { ...env, type: 'call', id: 1, method: 'open', args: [] };
  const BAD: unknown[] = [
    null, undefined, 'open', 42, true, [], [call], {},
    { ...call, ns: undefined }, { ...call, ns: 'other' }, { ...call, v: 2 }, { ...call, v: '1' },
    { ...call, type: 'Call' }, { ...call, type: undefined },
    { ...call, id: 0 }, { ...call, id: -1 }, { ...call, id: 1.5 }, { ...call, id: '1' }, { ...call, id: NaN }, { ...call, id: Infinity },
    { ...call, args: 'x' }, { ...call, args: { 0: 1, length: 1 } }, { ...call, args: null }, { ...call, method: 5 }, { ...call, method: null },
    JSON.parse(`{"__proto__":${JSON.stringify(call)}}`),
    JSON.parse(`{"__proto__":${JSON.stringify({ ...env, type: 'event', name: 'evil' })}}`),
    { ...env, type: 'event', name: 5 }, { ...env, type: 'event' }, { type: 'event', name: 'no-envelope' },
    { ...env, type: 'reply', id: 1, ok: 'yes', value: 'bad' }, { ...env, type: 'reply', id: '1', ok: true, value: 'bad' },
    { ...env, type: 'reply', id: 0, ok: true, value: 'bad' }, { ...env, type: 'reply', ok: true, value: 'bad' },
    { ns: 'chatkit', v: 2, type: 'reply', id: 1, ok: true, value: 'bad' },
  ];

  it('drops every malformed message: no handler, no listener, no settled call, nothing thrown', async () => {
    const open = vi.fn(() => 'opened');
    const onEvent = vi.fn();
    const { ep, raw } = facingRaw(new Map([['open', open]]), onEvent);
    const pending = track(ep.call('x', []));
    expect(await raw.nth(0)).toEqual({ ...env, type: 'call', id: 1, method: 'x', args: [] });
    for (const m of BAD) raw.port.postMessage(m);
    // Messages on a port arrive in order, so once this call is answered every bad one has been handled.
    raw.port.postMessage({ ...env, type: 'call', id: 7, method: 'open', args: [] });
    expect(await raw.nth(1)).toEqual({ ...env, type: 'reply', id: 7, ok: true, value: 'opened' });
    expect(open).toHaveBeenCalledTimes(1);
    expect(onEvent).not.toHaveBeenCalled();
    expect(pending.state).toBe('pending');
    raw.port.postMessage({ ...env, type: 'reply', id: 1, ok: true, value: 'good' });
    await waitFor(() => pending.state !== 'pending');
    expect(pending).toEqual({ state: 'resolved', value: 'good' });
    expect(raw.received).toHaveLength(2);
  });

  it('runs a replayed call id, or an older id after a newer one, no more than once', async () => {
    const open = vi.fn((args: unknown[]) => `opened ${String(args[0])}`);
    const { raw } = facingRaw(new Map([['open', open]]));
    const send = (id: number) => raw.port.postMessage({ ...env, type: 'call', id, method: 'open', args: [id] });
    send(1);
    send(1);
    send(5);
    send(3);
    send(5);
    send(6);
    send(2);
    send(8);
    await raw.nth(3);
    for (let i = 0; i < 10; i++) await tick();
    expect(open.mock.calls.map((c) => c[0])).toEqual([[1], [5], [6], [8]]);
    expect(raw.received).toEqual([1, 5, 6, 8].map((id) => ({ ...env, type: 'reply', id, ok: true, value: `opened ${id}` })));
  });

  it('ignores replies for unknown or settled ids and settles a call only from its own reply', async () => {
    const { ep, raw } = facingRaw();
    const first = track(ep.call('first', []));
    await raw.nth(0);
    raw.port.postMessage({ ...env, type: 'reply', id: 2, ok: true, value: 'not yours' });
    raw.port.postMessage({ ...env, type: 'reply', id: 99, ok: false, error: { name: 'Error', message: 'x', code: 'FAILED' } });
    raw.port.postMessage({ ...env, type: 'reply', id: 1, ok: true, value: 'first answer' });
    raw.port.postMessage({ ...env, type: 'reply', id: 1, ok: false, error: { name: 'Error', message: 'again', code: 'FAILED' } });
    await waitFor(() => first.state !== 'pending');
    expect(first).toEqual({ state: 'resolved', value: 'first answer' });
    const second = track(ep.call('second', []));
    expect(await raw.nth(1)).toEqual({ ...env, type: 'call', id: 2, method: 'second', args: [] });
    raw.port.postMessage({ ...env, type: 'reply', id: 1, ok: true, value: 'stale' });
    raw.port.postMessage({ ...env, type: 'reply', id: 2, ok: true, value: 'fresh' });
    await waitFor(() => second.state !== 'pending');
    expect(second).toEqual({ state: 'resolved', value: 'fresh' });
  });

  it('re-validates error replies: unknown codes become FAILED and a missing error still rejects', async () => {
    const { ep, raw } = facingRaw();
    const a = ep.call('a', []);
    const b = ep.call('b', []);
    await raw.nth(1);
    raw.port.postMessage({ ...env, type: 'reply', id: 1, ok: false, error: { name: 'Evil', message: 'm', code: 'ROOT' } });
    raw.port.postMessage({ ...env, type: 'reply', id: 2, ok: false });
    expect(errorFields(await a.catch((e: unknown) => e))).toEqual({ name: 'Evil', message: 'm', code: 'FAILED' });
    expect(errorFields(await b.catch((e: unknown) => e))).toEqual({ name: 'Error', message: 'undefined', code: 'FAILED' });
  });
});
