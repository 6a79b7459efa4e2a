import { describe, expect, it } from 'vitest';
import { NS, VERSION, envelope, isFnHandle, isHello, isPortMessage, isWelcome } from '../../../src/bridge/messages.ts';

const env = { ns: 'chatkit', v: 1 } as const;
const boot = { baseUrl: 'https://host.example/', data: {}, inline: false, metrics: [1, 2, 3, 4, 5, 6] };

/** Values that are not messages at all. */
const NOT_OBJECTS: unknown[] = [null, undefined, 0, 1, true, 'chatkit', '{"ns":"chatkit","v":1}', Symbol('x'), 10n];

describe('envelope', () => {
  it('returns the message itself when it carries ns "chatkit" and v 1', () => {
    const m = { ...env, type: 'anything' };
    expect(NS).toBe('chatkit');
    expect(VERSION).toBe(1);
    expect(envelope(m)).toBe(m);
  });

  it('rejects a missing ns, another ns, a missing version and another version', () => {
    expect(envelope({ v: 1, type: 'hello' })).toBeUndefined();
    expect(envelope({ ns: 'other', v: 1 })).toBeUndefined();
    expect(envelope({ ns: 'CHATKIT', v: 1 })).toBeUndefined();
    expect(envelope({ ns: 'chatkit' })).toBeUndefined();
    expect(envelope({ ns: 'chatkit', v: 2 })).toBeUndefined();
    expect(envelope({ ns: 'chatkit', v: '1' })).toBeUndefined();
    expect(envelope({ ns: 'chatkit', v: 0 })).toBeUndefined();
  });

  it('rejects null, primitives, strings holding JSON and plain arrays', () => {
    for (const x of NOT_OBJECTS) expect(envelope(x)).toBeUndefined();
    expect(envelope([])).toBeUndefined();
    expect(envelope(['chatkit', 1, 'hello'])).toBeUndefined();
    expect(envelope([{ ...env, type: 'hello', nonce: 'n' }])).toBeUndefined();
  });

  it('does not read the envelope through a JSON "__proto__" key', () => {
    const m = JSON.parse('{"__proto__":{"ns":"chatkit","v":1,"type":"hello","nonce":"n"}}') as unknown;
    expect(envelope(m)).toBeUndefined();
    expect(isHello(m)).toBe(false);
  });
});

describe('isHello', () => {
  it('accepts a hello with a string nonce', () => {
    expect(isHello({ ...env, type: 'hello', nonce: '1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b' })).toBe(true);
    expect(isHello({ ...env, type: 'hello', nonce: '' })).toBe(true);
  });

  it('rejects a wrong type, a missing or non-string nonce, and a missing envelope', () => {
    expect(isHello({ ...env, type: 'welcome', nonce: 'n' })).toBe(false);
    expect(isHello({ ...env, type: 'HELLO', nonce: 'n' })).toBe(false);
    expect(isHello({ ...env, type: 'hello' })).toBe(false);
    expect(isHello({ ...env, type: 'hello', nonce: 5 })).toBe(false);
    expect(isHello({ ...env, type: 'hello', nonce: null })).toBe(false);
    expect(isHello({ ...env, type: 'hello', nonce: ['n'] })).toBe(false);
    expect(isHello({ v: 1, type: 'hello', nonce: 'n' })).toBe(false);
    expect(isHello({ ns: 'chatkit', v: 2, type: 'hello', nonce: 'n' })).toBe(false);
    for (const x of NOT_OBJECTS) expect(isHello(x)).toBe(false);
  });
});

describe('isWelcome', () => {
  it('accepts a welcome with a string nonce and an object boot', () => {
    expect(isWelcome({ ...env, type: 'welcome', nonce: 'n', boot })).toBe(true);
  });

  it('rejects a missing or non-object boot, a non-string nonce, a wrong type and a wrong version', () => {
    expect(isWelcome({ ...env, type: 'welcome', nonce: 'n' })).toBe(false);
    expect(isWelcome({ ...env, type: 'welcome', nonce: 'n', boot: null })).toBe(false);
    expect(isWelcome({ ...env, type: 'welcome', nonce: 'n', boot: 'boot' })).toBe(false);
    expect(isWelcome({ ...env, type: 'welcome', nonce: 'n', boot: 1 })).toBe(false);
    expect(isWelcome({ ...env, type: 'welcome', nonce: 1, boot })).toBe(false);
    expect(isWelcome({ ...env, type: 'hello', nonce: 'n', boot })).toBe(false);
    expect(isWelcome({ ns: 'chatkit', v: 2, type: 'welcome', nonce: 'n', boot })).toBe(false);
    expect(isWelcome(JSON.parse('{"__proto__":{"ns":"chatkit","v":1,"type":"welcome","nonce":"n","boot":{}}}'))).toBe(false);
    for (const x of NOT_OBJECTS) expect(isWelcome(x)).toBe(false);
  });
});

describe('isPortMessage', () => {
  const call = { ...env, type: 'call', id: 1, method: 'open', args: [] };
  const reply = { ...env, type: 'reply', id: 1, ok: true, value: 1 };
  const event = { ...env, type: 'event', name: 'chatkit.ready' };

  it('accepts a call, a reply (ok or not) and an event', () => {
    expect(isPortMessage(call)).toBe(true);
    expect(isPortMessage({ ...call, id: Number.MAX_SAFE_INTEGER, args: [1, 'a', null] })).toBe(true);
    expect(isPortMessage(reply)).toBe(true);
    expect(isPortMessage({ ...env, type: 'reply', id: 2, ok: false, error: { name: 'Error', message: 'x', code: 'FAILED' } })).toBe(true);
    expect(isPortMessage(event)).toBe(true);
    expect(isPortMessage({ ...event, detail: { count: 1 } })).toBe(true);
  });

  it('rejects call and reply ids that are not positive safe integers', () => {
    for (const id of [0, -1, 1.5, '1', NaN, Infinity, Number.MAX_SAFE_INTEGER + 1, null, undefined, [1]]) {
      expect(isPortMessage({ ...call, id })).toBe(false);
      expect(isPortMessage({ ...reply, id })).toBe(false);
    }
  });

  it('rejects a call whose method is not a string or whose args is not an array', () => {
    expect(isPortMessage({ ...call, method: undefined })).toBe(false);
    expect(isPortMessage({ ...call, method: 1 })).toBe(false);
    for (const args of [undefined, null, 'a', { 0: 'a', length: 1 }, 1]) expect(isPortMessage({ ...call, args })).toBe(false);
  });

  it('rejects a reply whose ok is not a boolean and an event whose name is not a string', () => {
    for (const ok of [undefined, 1, 'true', null]) expect(isPortMessage({ ...reply, ok })).toBe(false);
    for (const name of [undefined, 1, null, ['chatkit.ready']]) expect(isPortMessage({ ...event, name })).toBe(false);
  });

  it('rejects unknown types, missing envelopes, wrong versions and non-objects', () => {
    expect(isPortMessage({ ...call, type: 'hello' })).toBe(false);
    expect(isPortMessage({ ...call, type: 'Call' })).toBe(false);
    expect(isPortMessage({ ...call, type: undefined })).toBe(false);
    expect(isPortMessage({ type: 'call', id: 1, method: 'open', args: [] })).toBe(false);
    expect(isPortMessage({ ...call, ns: 'other' })).toBe(false);
    expect(isPortMessage({ ...call, v: 2 })).toBe(false);
    expect(isPortMessage([call])).toBe(false);
    expect(isPortMessage(JSON.stringify(call))).toBe(false);
    expect(isPortMessage(JSON.parse(`{"__proto__":${JSON.stringify(call)}}`))).toBe(false);
    expect(isPortMessage(JSON.parse(`{"__proto__":${JSON.stringify(event)}}`))).toBe(false);
    for (const x of NOT_OBJECTS) expect(isPortMessage(x)).toBe(false);
  });
});

describe('isFnHandle', () => {
  it('accepts an object whose only key is a positive integer $fn', () => {
    expect(isFnHandle({ $fn: 1 })).toBe(true);
    expect(isFnHandle(JSON.parse('{"$fn":42}'))).toBe(true);
  });

  it('rejects look-alikes: extra keys, bad ids, null, arrays and primitives', () => {
    expect(isFnHandle({ $fn: 1, extra: true })).toBe(false);
    for (const $fn of [0, -1, 1.5, '1', NaN, null, undefined]) expect(isFnHandle({ $fn })).toBe(false);
    expect(isFnHandle({})).toBe(false);
    expect(isFnHandle([1])).toBe(false);
    for (const x of NOT_OBJECTS) expect(isFnHandle(x)).toBe(false);
    expect(isFnHandle(JSON.parse('{"__proto__":{"$fn":1}}'))).toBe(false);
  });
});
