// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Handler } from '../../../src/bridge/endpoint.ts';
import { errorFields, tick, track, waitFor } from '../bridge/ports.ts';
import { METHODS } from '../../../loader/api.ts';
import { SRC, installVisualViewport, runFrame, stubIframes } from './harness.ts';

type Stub = Record<string, (...args: unknown[]) => unknown> & { q?: unknown[][]; __chatkit?: true };
const global = window as unknown as { ChatKit?: Stub };

/** The stub snippet from examples/api.html (README "Calling ChatKit before it loads"), verbatim but for types. */
function installStub(): void {
  (function(w: any){if(w.ChatKit)return;var q: unknown[]=[],k: any=w.ChatKit={q:q};
  "open close toggle setOptions off destroy focusComposer setThreadId sendUserMessage setComposerValue fetchUpdates sendCustomAction showHistory hideHistory setStorage".split(" ").forEach(function(m){k[m]=function(){var a=arguments;return new Promise(function(r,j){q.push([m,a,r,j])})}});
  k.on=function(n: string,f: unknown){q.push(["on",[n,f]]);return function(){return w.ChatKit.off(n,f)}}})(window);
}

/** Makes `document.currentScript` the loader's script tag, as while chatkit.js runs. */
function setCurrentScript(attributes: Record<string, string>): HTMLScriptElement {
  const script = document.createElement('script');
  script.src = SRC;
  for (const [k, v] of Object.entries(attributes)) script.setAttribute(k, v);
  Object.defineProperty(document, 'currentScript', { configurable: true, get: () => script });
  return script;
}

const importMain = async (): Promise<void> => {
  await import('../../../loader/main.ts');
};

beforeEach(() => {
  installVisualViewport();
  stubIframes();
  vi.resetModules();
});
afterEach(async () => {
  if (global.ChatKit?.__chatkit) await global.ChatKit.destroy!();
  delete global.ChatKit;
  for (const f of document.querySelectorAll('iframe')) f.remove();
  Reflect.deleteProperty(document, 'currentScript');
  delete (globalThis as { visualViewport?: unknown }).visualViewport;
  vi.restoreAllMocks();
});

describe('chatkit.js (loader/main.ts)', () => {
  it('replays the stub queue in order once the frame is ready and settles each queued promise with its answer', async () => {
    installStub();
    const stub = global.ChatKit!;
    const onReady = vi.fn();
    const stopListening = stub.on!('chatkit.ready', onReady) as () => Promise<void>;
    const setOptions = stub.setOptions!({ locale: 'fr', theme: { colorScheme: 'dark' } }) as Promise<unknown>;
    const open = stub.open!() as Promise<unknown>;
    const setThreadId = stub.setThreadId!('thr_1') as Promise<unknown>;
    const unknown = new Promise((r, j) => stub.q!.push(['explode', [1], r, j]));
    const unknownState = track(unknown);
    setCurrentScript({ 'data-api-url': '/chatkit', 'data-launcher': 'false' });

    await importMain();
    expect(global.ChatKit).not.toBe(stub);
    expect(global.ChatKit!.__chatkit).toBe(true);
    await waitFor(() => document.querySelector('iframe') !== null);

    const reached: [string, unknown[]][] = [];
    const answer = (name: string, value: unknown): [string, Handler] => [name, (args) => (reached.push([name, args]), value)];
    const sim = runFrame(document.querySelector('iframe')!, new Map([answer('setOptions', 'options applied'), answer('open', 'opened'), answer('setThreadId', 'thread set')]));
    const conn = await sim.connection;
    expect(conn.boot.data).toEqual({ apiUrl: '/chatkit', launcher: 'false' });
    for (let i = 0; i < 10; i++) await tick();
    expect(reached).toEqual([]);
    expect(unknownState.state).toBe('rejected');
    expect(unknownState.error).toBeInstanceOf(TypeError);

    conn.host.emit('chatkit.ready', { version: 1 });
    await expect(setOptions).resolves.toBe('options applied');
    await expect(open).resolves.toBe('opened');
    await expect(setThreadId).resolves.toBe('thread set');
    expect(reached).toEqual([
      ['setOptions', [{ locale: 'fr', theme: { colorScheme: 'dark' } }, 1]],
      ['open', []],
      ['setThreadId', ['thr_1']],
    ]);
    await waitFor(() => onReady.mock.calls.length > 0);
    expect(onReady.mock.calls).toEqual([[{ version: 1 }]]);

    // The unsubscribe the stub handed out works against the real instance.
    await stopListening();
    conn.host.emit('chatkit.ready', { version: 2 });
    await expect(global.ChatKit!.close!()).rejects.toMatchObject({ code: 'NO_METHOD' });
    expect(onReady).toHaveBeenCalledTimes(1);
    conn.host.destroy();
  });

  it('attaches to the existing instance when included twice: one global, one iframe', async () => {
    const script = setCurrentScript({ 'data-api-url': '/chatkit' });
    const reads = vi.fn(() => script);
    Object.defineProperty(document, 'currentScript', { configurable: true, get: reads });
    await importMain();
    const first = global.ChatKit;
    await waitFor(() => document.querySelector('iframe') !== null);
    vi.resetModules();
    await importMain();
    await new Promise((r) => setTimeout(r, 20));
    // The second copy really ran (it read its script tag) and found the instance.
    expect(reads).toHaveBeenCalledTimes(2);
    expect(global.ChatKit).toBe(first);
    expect(document.querySelectorAll('iframe')).toHaveLength(1);
  });

  it('does nothing without a current script with a src', async () => {
    Object.defineProperty(document, 'currentScript', { configurable: true, get: () => null });
    await importMain();
    await new Promise((r) => setTimeout(r, 20));
    expect(global.ChatKit).toBeUndefined();
    expect(document.querySelector('iframe')).toBeNull();
  });

  it('removes the global and the iframe on destroy', async () => {
    setCurrentScript({ 'data-api-url': '/chatkit' });
    await importMain();
    await waitFor(() => document.querySelector('iframe') !== null);
    const api = global.ChatKit!;
    await api.destroy!();
    expect(global.ChatKit).toBeUndefined();
    expect(document.querySelector('iframe')).toBeNull();
    expect(errorFields(await (api.open!() as Promise<unknown>).catch((e: unknown) => e)).code).toBe('DESTROYED');
  });

  it('creates no floating widget for a script tag without widget data-* (the <openai-chatkit> path), until a call needs one', async () => {
    // What bundlers and frameworks add (Cloudflare, Next.js, WordPress) is not widget configuration.
    setCurrentScript({ 'data-cfasync': 'false', 'data-nscript': 'afterInteractive', 'data-wp-strategy': 'async' });
    await importMain();
    await new Promise((r) => setTimeout(r, 50));
    expect(document.querySelector('iframe')).toBeNull();
    expect(customElements.get('openai-chatkit')).toBeDefined();
    expect(global.ChatKit!.__chatkit).toBe(true);
    // The page asks for the floating widget: now it exists.
    void (global.ChatKit!.open!() as Promise<unknown>).catch(() => undefined);
    await waitFor(() => document.querySelector('iframe') !== null);
    expect(document.querySelectorAll('iframe')).toHaveLength(1);
  });

  it('exposes the documented methods (with setStorage) and the package version', async () => {
    setCurrentScript({});
    await importMain();
    const api = global.ChatKit!;
    for (const m of METHODS) expect(typeof api[m]).toBe('function');
    expect(METHODS).toContain('setStorage');
    expect((api as unknown as { version: string }).version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('delivers frame events to on() listeners with or without the prefix; off() and the unsubscribe stop them', async () => {
    setCurrentScript({ 'data-api-url': '/chatkit' });
    await importMain();
    await waitFor(() => document.querySelector('iframe') !== null);
    const conn = await runFrame(document.querySelector('iframe')!, new Map()).connection;
    const api = global.ChatKit! as unknown as { on(n: string, f: (d: unknown) => void): () => void; off(n: string, f: (d: unknown) => void): Promise<void> };
    const bare = vi.fn();
    const prefixed = vi.fn();
    const other = vi.fn();
    const stays = vi.fn();
    api.on('thread.change', bare);
    const unsubscribe = api.on('chatkit.thread.change', prefixed);
    api.on('chatkit.log', other);
    api.on('thread.change', stays);
    conn.host.emit('chatkit.thread.change', { threadId: 'thr_1' });
    await waitFor(() => stays.mock.calls.length === 1);
    await api.off('chatkit.thread.change', bare);
    unsubscribe();
    conn.host.emit('chatkit.thread.change', { threadId: 'thr_2' });
    await waitFor(() => stays.mock.calls.length === 2);
    expect(bare.mock.calls).toEqual([[{ threadId: 'thr_1' }]]);
    expect(prefixed.mock.calls).toEqual([[{ threadId: 'thr_1' }]]);
    expect(stays.mock.calls).toEqual([[{ threadId: 'thr_1' }], [{ threadId: 'thr_2' }]]);
    expect(other).not.toHaveBeenCalled();
    conn.host.destroy();
  });
});
