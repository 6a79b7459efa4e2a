import { describe, expect, it, vi } from 'vitest';
import { METHODS, createApi } from '../../../loader/api.ts';
import { eventName, type Widget } from '../../../loader/widget.ts';

/** A widget whose every method is a spy. */
function fakeWidget() {
  return {
    call: vi.fn(async (method: string, args: unknown[]) => ({ method, args })),
    setOptions: vi.fn(async () => 'set'),
    on: vi.fn(() => () => {}),
    off: vi.fn(),
    destroy: vi.fn(),
  } satisfies Widget;
}

describe('createApi', () => {
  it('exposes exactly the documented frame methods, each forwarding its args to widget.call', async () => {
    expect(METHODS).toEqual([
      'open', 'close', 'toggle', 'focusComposer', 'setThreadId', 'sendUserMessage', 'setComposerValue',
      'fetchUpdates', 'sendCustomAction', 'showHistory', 'hideHistory',
    ]);
    const widget = fakeWidget();
    const api = createApi(widget, () => {});
    await expect(api.sendCustomAction({ type: 'x' }, 'item_1')).resolves.toEqual({ method: 'sendCustomAction', args: [{ type: 'x' }, 'item_1'] });
    for (const m of METHODS) await api[m]();
    expect(widget.call.mock.calls.map((c) => c[0])).toEqual(['sendCustomAction', ...METHODS]);
    expect(api.__chatkit).toBe(true);
  });

  it('passes setOptions and on straight through, and returns promises from off and destroy', async () => {
    const widget = fakeWidget();
    const onDestroy = vi.fn();
    const api = createApi(widget, onDestroy);
    const fn = () => {};
    await expect(api.setOptions({ a: 1 })).resolves.toBe('set');
    expect(widget.setOptions.mock.calls).toEqual([[{ a: 1 }]]);
    expect(typeof api.on('open', fn)).toBe('function');
    expect(widget.on.mock.calls).toEqual([['open', fn]]);
    await expect(api.off('open', fn)).resolves.toBeUndefined();
    expect(widget.off.mock.calls).toEqual([['open', fn]]);
    expect(onDestroy).not.toHaveBeenCalled();
    await expect(api.destroy()).resolves.toBeUndefined();
    expect(widget.destroy).toHaveBeenCalledTimes(1);
    expect(onDestroy).toHaveBeenCalledTimes(1);
  });
});

describe('eventName', () => {
  it('prefixes bare names with "chatkit." and keeps prefixed ones', () => {
    expect(eventName('open')).toBe('chatkit.open');
    expect(eventName('chatkit.open')).toBe('chatkit.open');
  });
});
