// @vitest-environment happy-dom
/** The loader's iframe, its side of the handshake, its port hardening and its load timeout (loader/widget.ts). */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as extension from '../../../loader/extension.ts';
import { createWidget, type Extension, type Widget } from '../../../loader/widget.ts';
import { readNonce } from '../../../src/frame/connect.ts';
import { cleanups, errorFields, tick, track, waitFor } from '../bridge/ports.ts';
import {
  FRAME_URL, ORIGIN, SRC, capturePosts, connectWidget, extensionLoader, nonceOf, postToHost, runFrame, setUpLoaderTest, startWidget, tearDownLoaderTest,
} from './harness.ts';

/** The shape the frame accepts (src/frame/connect.ts readNonce). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

beforeEach(() => void setUpLoaderTest());
afterEach(tearDownLoaderTest);

describe('createWidget iframe', () => {
  it('creates a zero-sized, sandboxed iframe for frame.html with a UUID nonce in its fragment', async () => {
    const { frame } = await startWidget({ frameTitle: 'Support chat' });
    expect(frame.parentNode).toBe(document.body);
    expect(frame.src).toBe(`${FRAME_URL}#nonce=${nonceOf(frame)}`);
    expect(nonceOf(frame)).toMatch(UUID);
    expect(frame.title).toBe('Support chat');
    expect(frame.getAttribute('sandbox')).toBe('allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-downloads');
    expect(frame.allow).toBe('clipboard-write');
    expect(frame.referrerPolicy).toBe('strict-origin');
    // CSSOM serialises a zero length as "0px", in browsers and in happy-dom alike.
    for (const [k, v] of [['width', '0px'], ['height', '0px'], ['position', 'fixed']]) {
      expect([k, frame.style.getPropertyValue(k!), frame.style.getPropertyPriority(k!)]).toEqual([k, v, 'important']);
    }
  });

  it('works on plain-http pages, where crypto.randomUUID does not exist (not a secure context)', async () => {
    const randomUUID = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { configurable: true, value: undefined });
    try {
      const { frame } = await startWidget();
      expect(nonceOf(frame)).toMatch(UUID);
      expect(readNonce(`#nonce=${nonceOf(frame)}`)).toBe(nonceOf(frame));
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { configurable: true, value: randomUUID });
    }
  });

  it('places an inline iframe absolutely inside its host node and titles it "Chat" by default', async () => {
    const host = document.createElement('div');
    document.body.appendChild(host);
    cleanups.push(() => host.remove());
    const { frame } = await startWidget({}, { host });
    expect(frame.parentNode).toBe(host);
    expect(frame.title).toBe('Chat');
    expect(frame.style.getPropertyValue('position')).toBe('absolute');
  });

  it('creates no iframe when destroyed before the host was idle', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const widget = createWidget({ src: SRC, data: {}, ext: extensionLoader() });
    widget.destroy();
    vi.advanceTimersByTime(60_000);
    expect(document.querySelector('iframe')).toBeNull();
  });
});

describe('createWidget handshake', () => {
  it('answers the iframe hello with one welcome to the widget origin carrying boot info and a port', async () => {
    const { frame, posted, conn } = await connectWidget(new Map(), { apiUrl: '/chatkit', side: 'left' });
    expect(posted).toHaveLength(1);
    const [data, targetOrigin, transfer] = posted[0]!;
    expect(targetOrigin).toBe(ORIGIN);
    expect(data).toEqual({
      ns: 'chatkit', v: 1, type: 'welcome', nonce: nonceOf(frame),
      boot: { baseUrl: 'http://localhost:3000/', data: { apiUrl: '/chatkit', side: 'left' }, inline: false, metrics: [1024, 768, 3, 4, 500, 300] },
    });
    expect(transfer).toHaveLength(1);
    expect(typeof (transfer[0] as MessagePort).postMessage).toBe('function');
    expect(conn.boot).toEqual((data as { boot: unknown }).boot);
    expect(conn.hostOrigin).toBe('http://localhost:3000');
  });

  it('reports mode "inline" to a frame mounted in a host node', async () => {
    const host = document.createElement('div');
    document.body.appendChild(host);
    cleanups.push(() => host.remove());
    const { conn } = await connectWidget(new Map(), {}, { host });
    expect(conn.boot.inline).toBe(true);
  });

  it('posts no welcome and throws nothing for a hello from the wrong window, origin, nonce or shape', async () => {
    const { frame } = await startWidget();
    const posted = capturePosts(frame);
    const nonce = nonceOf(frame);
    const other = document.createElement('iframe');
    document.body.appendChild(other);
    const hello = { ns: 'chatkit', v: 1, type: 'hello', nonce };
    const wrong: [unknown, unknown, string][] = [
      [hello, window, ORIGIN],
      [hello, other.contentWindow, ORIGIN],
      [hello, null, ORIGIN],
      [hello, frame.contentWindow, 'https://evil.example'],
      [hello, frame.contentWindow, 'http://widget.example'],
      [hello, frame.contentWindow, 'https://widget.example:8443'],
      [hello, frame.contentWindow, 'null'],
      [hello, frame.contentWindow, 'http://localhost:3000'],
      [{ ...hello, nonce: crypto.randomUUID() }, frame.contentWindow, ORIGIN],
      [{ ...hello, nonce: nonce.toUpperCase() }, frame.contentWindow, ORIGIN],
      [{ ...hello, nonce: '' }, frame.contentWindow, ORIGIN],
      [{ ...hello, nonce: undefined }, frame.contentWindow, ORIGIN],
      [{ ...hello, v: 2 }, frame.contentWindow, ORIGIN],
      [{ ...hello, ns: undefined }, frame.contentWindow, ORIGIN],
      [{ ...hello, type: 'welcome' }, frame.contentWindow, ORIGIN],
      [JSON.stringify(hello), frame.contentWindow, ORIGIN],
      [[hello], frame.contentWindow, ORIGIN],
      [null, frame.contentWindow, ORIGIN],
      [undefined, frame.contentWindow, ORIGIN],
      [JSON.parse(`{"__proto__":${JSON.stringify(hello)}}`), frame.contentWindow, ORIGIN],
    ];
    for (const [data, source, origin] of wrong) expect(() => postToHost(data, source, origin)).not.toThrow();
    expect(posted).toEqual([]);
    // The right hello is accepted once; a second one after connecting is ignored.
    postToHost(hello, frame.contentWindow);
    postToHost(hello, frame.contentWindow);
    expect(posted).toHaveLength(1);
    expect((posted[0]![0] as { type: string }).type).toBe('welcome');
    expect(posted[0]![1]).toBe(ORIGIN);
    for (const p of posted[0]![2]) (p as MessagePort).close();
  });
});

describe('createWidget port hardening', () => {
  /** Connects by hand, keeping the raw frame end of the port. */
  async function rawConnection(x: Partial<Extension> = {}) {
    const ext = extensionLoader(x);
    const widget = createWidget({ src: SRC, data: {}, ext });
    cleanups.push(() => widget.destroy());
    await waitFor(() => document.querySelector('iframe') !== null);
    const frame = document.querySelector('iframe')!;
    const posted = capturePosts(frame);
    postToHost({ ns: 'chatkit', v: 1, type: 'hello', nonce: nonceOf(frame) }, frame.contentWindow);
    const port = posted[0]![2][0] as MessagePort;
    const received: unknown[] = [];
    port.onmessage = (e) => void received.push(e.data);
    cleanups.push(() => port.close());
    return { widget, ext, port, received };
  }

  it('runs a replayed frame call id once and an older id after a newer one not at all', async () => {
    const serve = vi.fn(extension.serve);
    const { port, received } = await rawConnection({ serve });
    const send = (id: number) => port.postMessage({ ns: 'chatkit', v: 1, type: 'call', id, method: 'fn', args: [999, [id]] });
    send(1);
    send(1);
    send(4);
    send(2);
    send(5);
    await waitFor(() => received.filter((m) => (m as { type: string }).type === 'reply').length === 3);
    for (let i = 0; i < 10; i++) await tick();
    expect(serve.mock.calls.map((c) => c[0].id)).toEqual([1, 4, 5]);
    expect(received.filter((m) => (m as { type: string }).type === 'reply').map((m) => (m as { id: number }).id)).toEqual([1, 4, 5]);
  });

  it('drops malformed port messages and replies for unknown ids without settling anything', async () => {
    const { widget, port, received } = await rawConnection();
    port.postMessage({ ns: 'chatkit', v: 1, type: 'event', name: 'chatkit.ready' });
    const pending = track(widget.call('open', []));
    await waitFor(() => received.length === 1);
    expect(received[0]).toEqual({ ns: 'chatkit', v: 1, type: 'call', id: 1, method: 'open', args: [] });
    const env = { ns: 'chatkit', v: 1 };
    for (const m of [
      null, 'reply', [], { ...env, type: 'reply', id: 2, ok: true, value: 'not yours' }, { ...env, type: 'reply', id: '1', ok: true, value: 'bad' },
      { ...env, type: 'reply', id: 1, ok: 'yes', value: 'bad' }, { ns: 'chatkit', v: 2, type: 'reply', id: 1, ok: true, value: 'bad' },
      JSON.parse('{"__proto__":{"ns":"chatkit","v":1,"type":"reply","id":1,"ok":true,"value":"bad"}}'),
      { ...env, type: 'call', id: 0, method: 'fn', args: [] }, { ...env, type: 'event', name: 7 },
    ]) port.postMessage(m);
    for (let i = 0; i < 20; i++) await tick();
    expect(pending.state).toBe('pending');
    port.postMessage({ ...env, type: 'reply', id: 1, ok: true, value: 'opened' });
    await waitFor(() => pending.state !== 'pending');
    expect(pending).toEqual({ state: 'resolved', value: 'opened' });
  });
});

describe('createWidget load timeout', () => {
  it('after 15 s without a hello removes the iframe, emits chatkit.error with LOAD_FAILED and rejects calls', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const dispatched: [string, unknown][] = [];
    const onError = vi.fn();
    const widget: Widget = createWidget({ src: SRC, data: {}, ext: extensionLoader(), dispatch: (n, d) => void (dispatched.push([n, d]), n === 'chatkit.error' && onError(d)) });
    cleanups.push(() => widget.destroy());
    vi.advanceTimersByTime(1);
    const frame = document.querySelector('iframe')!;
    expect(frame).not.toBeNull();
    const posted = capturePosts(frame);
    const early = track(widget.call('open', []));
    vi.advanceTimersByTime(14_998);
    await tick();
    expect([frame.isConnected, early.state, onError.mock.calls.length]).toEqual([true, 'pending', 0]);
    vi.advanceTimersByTime(1);
    await tick();
    const message = `Chat frame did not load: ${FRAME_URL}`;
    expect(frame.isConnected).toBe(false);
    expect(document.querySelector('iframe')).toBeNull();
    expect(onError).toHaveBeenCalledTimes(1);
    const { error } = onError.mock.calls[0]![0] as { error: unknown };
    expect(error).toBeInstanceOf(Error);
    expect(errorFields(error)).toEqual({ name: 'Error', message, code: 'LOAD_FAILED' });
    expect(dispatched).toEqual([['chatkit.error', { error }]]);
    expect(consoleError.mock.calls).toEqual([[error]]);
    expect(early).toEqual({ state: 'rejected', error });
    await expect(widget.call('close', [])).rejects.toBe(error);
    await expect(widget.setOptions({})).rejects.toBe(error);
    // A hello that arrives too late finds nobody listening.
    postToHost({ ns: 'chatkit', v: 1, type: 'hello', nonce: nonceOf(frame) }, frame.contentWindow);
    expect(posted).toEqual([]);
  });

  it('uses data-load-timeout when it is a positive number and 15 s otherwise', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const firesAt = async (loadTimeout: string): Promise<number> => {
      const onError = vi.fn();
      const widget = createWidget({ src: SRC, data: { loadTimeout }, ext: extensionLoader(), dispatch: (n) => n === 'chatkit.error' && onError() });
      cleanups.push(() => widget.destroy());
      let elapsed = 0;
      while (!onError.mock.calls.length && elapsed < 60_000) {
        vi.advanceTimersByTime(500);
        elapsed += 500;
        await tick();
      }
      return elapsed;
    };
    expect(await firesAt('2500')).toBe(2500);
    expect(await firesAt('-5')).toBe(15_000);
    expect(await firesAt('soon')).toBe(15_000);
    expect(await firesAt('0')).toBe(15_000);
  });

  it('is cancelled by the handshake', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const onError = vi.fn();
    const widget = createWidget({ src: SRC, data: {}, ext: extensionLoader(), dispatch: (n) => n === 'chatkit.error' && onError() });
    cleanups.push(() => widget.destroy());
    vi.advanceTimersByTime(1);
    const frame = document.querySelector('iframe')!;
    const sim = runFrame(frame, new Map());
    const conn = await sim.connection;
    cleanups.push(() => conn.host.destroy());
    vi.advanceTimersByTime(60_000);
    await tick();
    expect(onError).not.toHaveBeenCalled();
    expect(consoleError).not.toHaveBeenCalled();
    expect(frame.isConnected).toBe(true);
  });
});
