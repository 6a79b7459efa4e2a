import { describe, expect, it } from 'vitest';
import { bridgeError, DEFAULT_TIMEOUT_MS, fromErrorData, toErrorData } from '../../../src/bridge/errors.ts';

describe('toErrorData', () => {
  it('keeps the name, message and code of an error', () => {
    const e = Object.assign(new TypeError('bad'), { code: 'INVALID' });
    expect(toErrorData(e)).toEqual({ name: 'TypeError', message: 'bad', code: 'INVALID' });
  });

  it('serialises thrown non-errors as strings with name "Error" and code FAILED', () => {
    expect(toErrorData('oops')).toEqual({ name: 'Error', message: 'oops', code: 'FAILED' });
    expect(toErrorData(null)).toEqual({ name: 'Error', message: 'null', code: 'FAILED' });
    expect(toErrorData(undefined)).toEqual({ name: 'Error', message: 'undefined', code: 'FAILED' });
    expect(toErrorData(42)).toEqual({ name: 'Error', message: '42', code: 'FAILED' });
  });

  it('replaces a code outside the closed list (an ECONNRESET, a DOMException number) with FAILED', () => {
    expect(toErrorData(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))).toEqual({ name: 'Error', message: 'reset', code: 'FAILED' });
    expect(toErrorData({ name: 'AbortError', message: 'stopped', code: 20 })).toEqual({ name: 'AbortError', message: 'stopped', code: 'FAILED' });
  });
});

describe('fromErrorData', () => {
  it('rebuilds an Error with the name, message and a code from the closed list', () => {
    const e = fromErrorData({ name: 'TimeoutError', message: 'open', code: 'TIMEOUT' });
    expect(e).toBeInstanceOf(Error);
    expect([e.name, e.message, e.code]).toEqual(['TimeoutError', 'open', 'TIMEOUT']);
  });

  it('replaces codes outside the closed list with FAILED', () => {
    expect(fromErrorData({ name: 'Error', message: 'x', code: 'ROOT' }).code).toBe('FAILED');
    expect(fromErrorData({ name: 'Error', message: 'x', code: 20 }).code).toBe('FAILED');
    expect(fromErrorData({ name: 'Error', message: 'x', code: 'constructor' }).code).toBe('FAILED');
  });

  it('turns hostile shapes into strings', () => {
    const e = fromErrorData({ name: { toString: () => 'Evil' }, message: ['a', 'b'] });
    expect([e.name, e.message, e.code]).toEqual(['Evil', 'a,b', 'FAILED']);
    const none = fromErrorData(undefined);
    expect([none.name, none.message, none.code]).toEqual(['Error', 'undefined', 'FAILED']);
  });
});

describe('bridgeError', () => {
  it('creates an Error with the given code, message and name', () => {
    const e = bridgeError('BUSY', 'busy now', 'BusyError');
    expect(e).toBeInstanceOf(Error);
    expect([e.name, e.message, e.code]).toEqual(['BusyError', 'busy now', 'BUSY']);
    expect(bridgeError('FAILED', 'x').name).toBe('Error');
    expect(DEFAULT_TIMEOUT_MS).toBe(30_000);
  });
});
