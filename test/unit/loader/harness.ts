/**
 * happy-dom harness for the loader: a stand-in `visualViewport` (happy-dom 21 has none), iframes that get a
 * content window without loading a page (a `srcdoc` attribute added at creation; the loader never reads it), and
 * a simulated frame that runs the real frame half of the handshake (src/frame/connect.ts) against the loader.
 */
import { vi } from 'vitest';
import * as extension from '../../../loader/extension.ts';
import { createWidget, type Extension, type Mount } from '../../../loader/widget.ts';
import type { Handler } from '../../../src/bridge/endpoint.ts';
import { connectToHost, type Connection } from '../../../src/frame/connect.ts';
import { cleanups, runCleanups, waitFor } from '../bridge/ports.ts';

/** The widget origin every loader test serves from. */
export const ORIGIN = 'https://widget.example';
/** The loader script URL; the frame is `frame.html` next to it. */
export const SRC = `${ORIGIN}/v1/chatkit.js`;
/** The frame URL without its fragment. */
export const FRAME_URL = `${ORIGIN}/v1/frame.html`;

/** happy-dom has no VisualViewport; the loader only needs these fields and its events. */
export class FakeVisualViewport extends EventTarget {
  offsetLeft = 3;
  offsetTop = 4;
  width = 500;
  height = 300;
}

/** Installs a fresh fake `visualViewport` global and returns it. */
export function installVisualViewport(): FakeVisualViewport {
  const vv = new FakeVisualViewport();
  (globalThis as { visualViewport?: unknown }).visualViewport = vv;
  return vv;
}

/** Gives every iframe created from now on a content window that loads no page. */
export function stubIframes(): void {
  const create = document.createElement.bind(document);
  vi.spyOn(document, 'createElement').mockImplementation(((tag: string, options?: ElementCreationOptions) => {
    const el = create(tag, options);
    if (tag.toLowerCase() === 'iframe') el.setAttribute('srcdoc', '');
    return el;
  }) as typeof document.createElement);
}

/** The nonce the loader put in the iframe URL. */
export const nonceOf = (frame: HTMLIFrameElement): string => new URL(frame.src).hash.replace(/^#nonce=/, '');

/** A message the loader posted into the iframe: data, target origin, transferred objects. */
export type Posted = [data: unknown, targetOrigin: string, transfer: Transferable[]];

/** Records what the loader posts to the iframe's window; `deliver` (optional) receives it too. */
export function capturePosts(frame: HTMLIFrameElement, deliver?: (p: Posted) => void): Posted[] {
  const posted: Posted[] = [];
  const win = frame.contentWindow!;
  vi.spyOn(win, 'postMessage').mockImplementation(((data: unknown, targetOrigin: string, transfer: Transferable[] = []) => {
    posted.push([data, targetOrigin, transfer]);
    deliver?.([data, targetOrigin, transfer]);
  }) as typeof win.postMessage);
  return posted;
}

/** Dispatches a window message as if `source` posted it from `origin`. */
export function postToHost(data: unknown, source: unknown, origin = ORIGIN): void {
  window.dispatchEvent(new MessageEvent('message', { data, source: source as MessageEventSource, origin }));
}

/** The simulated frame: its window, the posts the loader made into it, and its connection once made. */
export interface SimulatedFrame {
  posted: Posted[];
  events: [string, unknown][];
  connection: Promise<Connection>;
}

/**
 * Runs `connectToHost` in a stand-in frame window whose parent is the host page: its `hello` arrives on the host
 * window from the iframe's content window and the widget origin; the loader's welcome (delivered only when posted
 * to the widget origin, as a browser would) arrives from that parent.
 */
export function runFrame(frame: HTMLIFrameElement, handlers: Map<string, Handler>): SimulatedFrame {
  const events: [string, unknown][] = [];
  const parent = { postMessage: (data: unknown) => postToHost(data, frame.contentWindow) };
  const win = Object.assign(new EventTarget(), { location: { hash: `#nonce=${nonceOf(frame)}` }, parent });
  const posted = capturePosts(frame, ([data, targetOrigin, transfer]) => {
    if (targetOrigin !== ORIGIN) return;
    win.dispatchEvent(new MessageEvent('message', { data, origin: location.origin, source: parent as unknown as MessageEventSource, ports: transfer as MessagePort[] }));
  });
  const connection = connectToHost(handlers, (name, detail) => void events.push([name, detail]), win as unknown as Window);
  return { posted, events, connection };
}

/** Per-test setup for loader tests: a fresh fake visualViewport and page-less iframes. */
export function setUpLoaderTest(): FakeVisualViewport {
  const vv = installVisualViewport();
  stubIframes();
  return vv;
}

/** Per-test teardown: destroys what the helpers created, removes iframes and the fake viewport, restores mocks. */
export function tearDownLoaderTest(): void {
  runCleanups();
  for (const f of document.querySelectorAll('iframe')) f.remove();
  delete (globalThis as { visualViewport?: unknown }).visualViewport;
  vi.useRealTimers();
  vi.restoreAllMocks();
}

/** An extension loader that records how often it was asked for, backed by the real extension. */
export function extensionLoader(x: Partial<Extension> = {}) {
  return vi.fn(async (): Promise<Extension> => ({ createWidget, encode: extension.encode, serve: extension.serve, mount: extension.mount, ...x }));
}

/** Creates a widget and waits for its iframe (created when the host is idle). */
export async function startWidget(data: Record<string, string> = {}, extra: Partial<Mount> = {}) {
  const ext = extensionLoader();
  const widget = createWidget({ src: SRC, data, ext, ...extra });
  cleanups.push(() => widget.destroy());
  await waitFor(() => document.querySelector('iframe') !== null);
  return { widget, ext, frame: document.querySelector('iframe')! };
}

/** Creates a widget and connects the simulated frame (running src/frame/connect.ts) to it. */
export async function connectWidget(handlers = new Map<string, Handler>(), data: Record<string, string> = {}, extra: Partial<Mount> = {}) {
  const s = await startWidget(data, extra);
  const sim = runFrame(s.frame, handlers);
  const conn: Connection = await sim.connection;
  cleanups.push(() => conn.host.destroy());
  return { ...s, ...sim, conn };
}

/** Connects and lets the frame announce `chatkit.ready`, which releases calls. */
export async function readyWidget(handlers = new Map<string, Handler>(), data: Record<string, string> = {}, extra: Partial<Mount> = {}) {
  const c = await connectWidget(handlers, data, extra);
  c.conn.host.emit('chatkit.ready', { version: 1 });
  return c;
}
