import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Handler } from '../../../src/bridge/endpoint.ts';
import { cleanups, connectPair, defer, errorFields, facingRaw, runCleanups, tick, track, waitFor } from './ports.ts';

afterEach(() => {
  runCleanups();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const env = { ns: 'chatkit', v: 1 } as const;

describe('createEndpoint calls', () => {
  it('delivers a call with its args to the handler and resolves with the handler value', async () => {
    const add = vi.fn((args: unknown[]) => (args[0] as number) + (args[1] as number));
    const { a } = connectPair(new Map(), new Map([['add', add]]));
    await expect(a.call('add', [2, 3])).resolves.toBe(5);
    expect(add.mock.calls).toEqual([[[2, 3]]]);
  });

  it('calls in both directions and awaits async handlers', async () => {
    const { a, b } = connectPair(
      new Map([['ping', async () => 'pong-from-a']]),
      new Map([['ping', async (args: unknown[]) => ({ echo: args })]]),
    );
    const [fromB, fromA] = await Promise.all([a.call('ping', ['x', { y: [1] }]), b.call('ping', [])]);
    expect(fromB).toEqual({ echo: ['x', { y: [1] }] });
    expect(fromA).toBe('pong-from-a');
  });

  it('hands a transferred MessagePort inside args to the handler', async () => {
    const got = defer<unknown>();
    const { a } = connectPair(new Map(), new Map([['take', (args: unknown[]) => ((args[0] as MessagePort).postMessage('via-port'), 'taken')]]));
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = (e) => got.resolve(e.data);
    cleanups.push(() => port1.close());
    await expect(a.call('take', [port2], 1000, [port2])).resolves.toBe('taken');
    await expect(got.promise).resolves.toBe('via-port');
  });

  it('rejects with the handler error as an Error carrying name, message and a closed-list code', async () => {
    const { a } = connectPair(
      new Map(),
      new Map<string, Handler>([
        ['invalid', () => { throw Object.assign(new RangeError('too big'), { code: 'INVALID' }); }],
        ['unlisted', async () => { throw Object.assign(new Error('nope'), { code: 'ROOT_ACCESS' }); }],
        ['string', () => { throw 'plain words'; }],
      ]),
    );
    const invalid = await a.call('invalid', []).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(Error);
    expect(errorFields(invalid)).toEqual({ name: 'RangeError', message: 'too big', code: 'INVALID' });
    expect(errorFields(await a.call('unlisted', []).catch((e: unknown) => e))).toEqual({ name: 'Error', message: 'nope', code: 'FAILED' });
    expect(errorFields(await a.call('string', []).catch((e: unknown) => e))).toEqual({ name: 'Error', message: 'plain words', code: 'FAILED' });
  });

  it('rejects with DataCloneError (code FAILED) when the handler returns something postMessage cannot clone', async () => {
    const { a } = connectPair(new Map(), new Map([['fn', () => () => 1]]));
    const e = await a.call('fn', []).catch((x: unknown) => x);
    expect(errorFields(e).name).toBe('DataCloneError');
    expect(errorFields(e).code).toBe('FAILED');
  });

  it('rejects an unknown method with NO_METHOD, and prototype names reach no handler', async () => {
    const open = vi.fn(() => 'opened');
    const { a } = connectPair(new Map(), new Map([['open', open]]));
    for (const method of ['missing', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '']) {
      expect(errorFields(await a.call(method, []).catch((e: unknown) => e))).toEqual({ name: 'Error', message: method, code: 'NO_METHOD' });
    }
    expect(open).not.toHaveBeenCalled();
  });

  it('rejects a call that gets no reply within its timeout with TIMEOUT, and ignores the late reply', async () => {
    const release = defer<string>();
    const { a } = connectPair(new Map(), new Map<string, Handler>([['slow', () => release.promise], ['fast', () => 'quick']]));
    const e = await a.call('slow', [], 20).catch((x: unknown) => x);
    expect(errorFields(e)).toEqual({ name: 'TimeoutError', message: 'slow', code: 'TIMEOUT' });
    release.resolve('too late');
    await expect(a.call('fast', [])).resolves.toBe('quick');
  });

  it('times out at 30 s by default and never when the timeout is 0', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { a } = connectPair(new Map(), new Map([['slow', () => new Promise(() => {})]]));
    const byDefault = track(a.call('slow', []));
    const never = track(a.call('slow', [], 0));
    vi.advanceTimersByTime(29_999);
    await tick();
    expect(byDefault.state).toBe('pending');
    vi.advanceTimersByTime(1);
    await tick();
    expect(byDefault.state).toBe('rejected');
    expect(errorFields(byDefault.error).code).toBe('TIMEOUT');
    vi.advanceTimersByTime(24 * 3600_000);
    await tick();
    expect(never.state).toBe('pending');
  });
});

describe('createEndpoint destroy', () => {
  it('rejects every pending call with DESTROYED and later calls at once', async () => {
    const { a } = connectPair(new Map(), new Map([['hang', () => new Promise(() => {})]]));
    const one = a.call('hang', []);
    const two = a.call('hang', [], 0);
    a.destroy();
    for (const p of [one, two, a.call('hang', [])]) {
      expect(errorFields(await p.catch((e: unknown) => e))).toEqual({ name: 'Error', message: 'ChatKit was destroyed', code: 'DESTROYED' });
    }
    expect(() => a.destroy()).not.toThrow();
  });

  it('posts nothing and runs nothing once destroyed', async () => {
    const open = vi.fn(() => 'opened');
    const onEvent = vi.fn();
    const { ep, raw } = facingRaw(new Map([['open', open]]), onEvent);
    ep.destroy();
    ep.emit('chatkit.ready');
    raw.port.postMessage({ ...env, type: 'call', id: 1, method: 'open', args: [] });
    raw.port.postMessage({ ...env, type: 'event', name: 'x' });
    for (let i = 0; i < 20; i++) await tick();
    expect(raw.received).toEqual([]);
    expect(open).not.toHaveBeenCalled();
    expect(onEvent).not.toHaveBeenCalled();
  });
});

describe('createEndpoint events', () => {
  it('delivers events both ways with their detail', async () => {
    const { a, b, eventsA, eventsB } = connectPair();
    a.emit('chatkit.ready', { at: 1 });
    a.emit('bare');
    b.emit('layout', { styles: [['width', '1px']], open: true });
    await waitFor(() => eventsB.length === 2 && eventsA.length === 1);
    expect(eventsB).toEqual([['chatkit.ready', { at: 1 }], ['bare', undefined]]);
    expect(eventsA).toEqual([['layout', { styles: [['width', '1px']], open: true }]]);
  });

  it('reports a listener that throws and keeps serving events and calls', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const seen: string[] = [];
    const boom = new Error('listener broke');
    const { ep, raw } = facingRaw(new Map([['open', () => 'opened']]), (name) => {
      seen.push(name);
      if (name === 'first') throw boom;
    });
    raw.port.postMessage({ ...env, type: 'event', name: 'first' });
    raw.port.postMessage({ ...env, type: 'event', name: 'second' });
    raw.port.postMessage({ ...env, type: 'call', id: 1, method: 'open', args: [] });
    expect(await raw.nth(0)).toEqual({ ...env, type: 'reply', id: 1, ok: true, value: 'opened' });
    expect(seen).toEqual(['first', 'second']);
    expect(error.mock.calls).toEqual([[boom]]);
    ep.emit('still-alive');
  });
});
