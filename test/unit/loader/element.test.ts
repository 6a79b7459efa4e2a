// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineElement, type ChatKitElement } from '../../../loader/element.ts';
import * as extension from '../../../loader/extension.ts';
import type { Extension } from '../../../loader/widget.ts';
import { tick, waitFor } from '../bridge/ports.ts';
import { SRC, installVisualViewport, runFrame, stubIframes } from './harness.ts';

type Element = ChatKitElement & Record<string, (...args: unknown[]) => Promise<unknown> | undefined>;

const ext = vi.fn(async (): Promise<Extension> => extension);

beforeEach(() => {
  installVisualViewport();
  stubIframes();
  defineElement({ src: SRC, ext });
});
afterEach(() => {
  for (const el of document.querySelectorAll('openai-chatkit')) el.remove();
  delete (globalThis as { visualViewport?: unknown }).visualViewport;
  vi.restoreAllMocks();
});

describe('<openai-chatkit>', () => {
  it('removed before its frame answered (a React unmount during load), it leaves no unhandled rejection', async () => {
    const rejections: unknown[] = [];
    const onRejection = (e: unknown): void => void rejections.push(e);
    process.on('unhandledRejection', onRejection);
    try {
      const el = document.createElement('openai-chatkit') as Element;
      el.setOptions!({ locale: 'de' });
      document.body.appendChild(el);
      await waitFor(() => el.shadowRoot?.querySelector('iframe') != null);
      el.remove();
      for (let i = 0; i < 20; i++) await tick();
      expect(el.w).toBeUndefined();
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });

  it('is defined once, with setOptions and every method before it connects', async () => {
    const Defined = customElements.get('openai-chatkit')!;
    defineElement({ src: SRC, ext });
    expect(customElements.get('openai-chatkit')).toBe(Defined);
    const el = document.createElement('openai-chatkit') as Element;
    expect(el.setOptions!({ locale: 'de' })).toBeUndefined();
    expect(el.o).toEqual({ locale: 'de' });
    await expect(el.open!()).rejects.toThrow('openai-chatkit is not connected');
    await expect(el.sendUserMessage!({ text: 'hi' })).rejects.toThrow('openai-chatkit is not connected');
  });

  it('mounts an inline iframe in its shadow root on connect, re-applies its options and dispatches chatkit events', async () => {
    const el = document.createElement('openai-chatkit') as Element;
    el.dataset.apiUrl = '/inline';
    el.setOptions!({ locale: 'de' });
    const events: [string, unknown][] = [];
    el.addEventListener('chatkit.thread.change', (e) => void events.push([e.type, (e as CustomEvent).detail]));
    document.body.appendChild(el);
    await waitFor(() => el.shadowRoot?.querySelector('iframe') != null);
    const frame = el.shadowRoot!.querySelector('iframe')!;
    expect(frame.style.getPropertyValue('position')).toBe('absolute');
    const got: unknown[] = [];
    const sim = runFrame(frame, new Map([['setOptions', (args: unknown[]) => (got.push(args[0]), null)]]));
    const conn = await sim.connection;
    expect(conn.boot.inline).toBe(true);
    expect(conn.boot.data).toEqual({ apiUrl: '/inline' });
    conn.host.emit('chatkit.ready');
    conn.host.emit('chatkit.thread.change', { threadId: 'thr_9' });
    await waitFor(() => got.length === 1 && events.length === 1);
    expect(got).toEqual([{ locale: 'de' }]);
    expect(events).toEqual([['chatkit.thread.change', { threadId: 'thr_9' }]]);
    // Let the setOptions reply reach the host before the element goes away.
    for (let i = 0; i < 10; i++) await tick();
    el.remove();
    expect(frame.isConnected).toBe(false);
    expect(el.w).toBeUndefined();
    conn.host.destroy();
  });
});
