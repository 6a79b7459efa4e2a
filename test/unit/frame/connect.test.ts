// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Handler } from '../../../src/bridge/endpoint.ts';
import { connectToHost, readNonce } from '../../../src/frame/connect.ts';
import { rawPort, tick, track } from '../bridge/ports.ts';

const NONCE = '1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b';
const HOST = 'https://host.example';
const boot = { baseUrl: `${HOST}/page`, data: { apiUrl: '/chatkit' }, inline: false, metrics: [1280, 800, 0, 0, 1280, 800] };
const welcome = { ns: 'chatkit', v: 1, type: 'welcome', nonce: NONCE, boot };
const NOT_EMBEDDED = 'This page is the chat frame; include chatkit.js on a page to use it.';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanups.splice(0)) f();
});

/** A stand-in frame window: an EventTarget with a location hash and a parent whose postMessage is a spy. */
function frameWindow(hash = `#nonce=${NONCE}`) {
  const parent = { postMessage: vi.fn() };
  const win = Object.assign(new EventTarget(), { location: { hash }, parent: parent as unknown });
  return { win, parent, asWindow: win as unknown as Window };
}

/** Delivers a message event to `win` as the browser would. */
function deliver(win: EventTarget, data: unknown, source: unknown, ports: MessagePort[] = [], origin = HOST): void {
  win.dispatchEvent(new MessageEvent('message', { data, source: source as MessageEventSource, origin, ports }));
}

/** A fresh channel; the frame gets port2, the test keeps port1. */
function channel() {
  const c = new MessageChannel();
  cleanups.push(() => (c.port1.close(), c.port2.close()));
  return c;
}

describe('readNonce', () => {
  it('reads a lowercase UUID from the fragment, with or without "#" and among other parameters', () => {
    expect(readNonce(`#nonce=${NONCE}`)).toBe(NONCE);
    expect(readNonce(`nonce=${NONCE}`)).toBe(NONCE);
    expect(readNonce(`#a=1&nonce=${NONCE}&b=2`)).toBe(NONCE);
  });

  it('rejects a missing, empty, short, long, uppercase or non-hex nonce', () => {
    for (const hash of ['', '#', '#nonce=', '#nonce=abc', `#nonce=${NONCE}0`, `#nonce=${NONCE.slice(1)}`, `#nonce=${NONCE.toUpperCase()}`,
      `#nonce=${NONCE.replace('b', 'g')}`, `#nonce=${NONCE.replace('1', '<')}`, '#nonce=%3Cscript%3Ealert(1)%3C/script%3E', `#other=${NONCE}`]) {
      expect([hash, readNonce(hash)]).toEqual([hash, null]);
    }
  });
});

describe('connectToHost', () => {
  it('refuses to run when the page is not embedded, without posting anything', async () => {
    const { win, asWindow } = frameWindow();
    win.parent = win;
    const post = vi.fn();
    Object.assign(win, { postMessage: post });
    await expect(connectToHost(new Map(), () => {}, asWindow)).rejects.toThrow(NOT_EMBEDDED);
    expect(post).not.toHaveBeenCalled();
  });

  it('refuses to run without a nonce in the fragment, without posting anything', async () => {
    const { parent, asWindow } = frameWindow('#nonce=nope');
    await expect(connectToHost(new Map(), () => {}, asWindow)).rejects.toThrow(NOT_EMBEDDED);
    expect(parent.postMessage).not.toHaveBeenCalled();
  });

  it('posts hello with its nonce to the parent, as the only message ever sent to "*"', () => {
    const { parent, asWindow } = frameWindow();
    void connectToHost(new Map(), () => {}, asWindow);
    expect(parent.postMessage.mock.calls).toEqual([[{ ns: 'chatkit', v: 1, type: 'hello', nonce: NONCE }, '*']]);
  });

  it('ignores welcomes from another window, with another nonce, without a port or malformed; connects on the right one', async () => {
    const { win, parent, asWindow } = frameWindow();
    const events: [string, unknown][] = [];
    const handlers = new Map<string, Handler>();
    const result = track(connectToHost(handlers, (n, d) => void events.push([n, d]), asWindow));
    const wrong: [unknown, unknown][] = [
      [welcome, {}],
      [welcome, win],
      [welcome, null],
      [{ ...welcome, nonce: '2b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b' }, parent],
      [{ ...welcome, nonce: NONCE.toUpperCase() }, parent],
      [{ ...welcome, v: 2 }, parent],
      [{ ...welcome, ns: 'other' }, parent],
      [{ ...welcome, type: 'hello' }, parent],
      [{ ...welcome, boot: undefined }, parent],
      [{ ...welcome, boot: 'boot' }, parent],
      [JSON.parse(`{"__proto__":${JSON.stringify(welcome)}}`), parent],
      [JSON.stringify(welcome), parent],
      [null, parent],
    ];
    for (const [data, source] of wrong) expect(() => deliver(win, data, source, [channel().port2])).not.toThrow();
    expect(() => deliver(win, welcome, parent, [])).not.toThrow();
    for (let i = 0; i < 5; i++) await tick();
    expect(result.state).toBe('pending');

    const c = channel();
    deliver(win, welcome, parent, [c.port2], HOST);
    for (let i = 0; i < 5; i++) await tick();
    expect(result.state).toBe('resolved');
    const conn = result.value!;
    cleanups.push(() => conn.host.destroy());
    expect(conn.boot).toEqual(boot);
    expect(conn.hostOrigin).toBe(HOST);

    // The endpoint runs on the transferred port; handlers added after connecting are found.
    handlers.set('open', (args) => `opened ${JSON.stringify(args)}`);
    const host = rawPort(c.port1);
    host.port.postMessage({ ns: 'chatkit', v: 1, type: 'call', id: 1, method: 'open', args: [true] });
    expect(await host.nth(0)).toEqual({ ns: 'chatkit', v: 1, type: 'reply', id: 1, ok: true, value: 'opened [true]' });
    host.port.postMessage({ ns: 'chatkit', v: 1, type: 'event', name: 'viewport', detail: [1, 2, 3, 4, 5, 6] });
    conn.host.emit('chatkit.ready');
    expect(await host.nth(1)).toEqual({ ns: 'chatkit', v: 1, type: 'event', name: 'chatkit.ready', detail: undefined });
    expect(events).toEqual([['viewport', [1, 2, 3, 4, 5, 6]]]);
  });

  it('stops listening once connected: a later welcome starts nothing', async () => {
    const { win, parent, asWindow } = frameWindow();
    const remove = vi.spyOn(win, 'removeEventListener');
    const handlers = new Map<string, Handler>([['open', () => 'from the first port']]);
    const first = channel();
    const p = connectToHost(handlers, () => {}, asWindow);
    deliver(win, welcome, parent, [first.port2], HOST);
    const conn = await p;
    cleanups.push(() => conn.host.destroy());
    expect(remove.mock.calls.map((c) => c[0])).toEqual(['message']);
    const second = channel();
    deliver(win, welcome, parent, [second.port2], 'https://other.example');
    const late = rawPort(second.port1);
    late.port.postMessage({ ns: 'chatkit', v: 1, type: 'call', id: 1, method: 'open', args: [] });
    for (let i = 0; i < 10; i++) await tick();
    expect(late.received).toEqual([]);
    expect(conn.hostOrigin).toBe(HOST);
  });
});
