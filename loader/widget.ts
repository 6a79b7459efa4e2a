/**
 * One widget instance on the host page: its iframe, the handshake, and the host end of the private port.
 * Part of the host chunk (./extension.ts is its entry), imported by chatkit.js when a widget is needed. It is one
 * closure rather than the frame's layered endpoint (src/bridge/endpoint.ts); both speak src/bridge/messages.ts
 * and the unit tests run them against each other. Host callbacks (`{ $fn }` handles, the streamed `api.fetch`
 * relay) and the host's storage for the frame are served by ./extension.ts.
 *
 * Threats handled here: the handshake passes three gates in order (sender window, origin, shape + nonce);
 * after it only the private port is listened to and every message on it must pass `isPortMessage`; inbound
 * call ids must increase (a replayed call runs nothing); replies for ids not pending are dropped. The frame
 * decides the iframe's geometry (src/frame/geometry.ts) from the viewport metrics we send and we apply it with
 * CSSOM `setProperty(…, 'important')`, which strict CSPs allow and host CSS cannot override.
 * `destroy()` removes the iframe, every listener and the timer, and rejects what is pending.
 */
import { bridgeError, DEFAULT_TIMEOUT_MS } from '../src/bridge/errors.ts';
import { NS, VERSION, isHello, isPortMessage, type CallMessage, type LayoutRequest, type Metrics } from '../src/bridge/messages.ts';

/** The platform's Promise, whatever the host did to `window.Promise` (an async function always returns a real one). */
// eslint-disable-next-line no-shadow-restricted-names
const Promise = (async () => undefined)().constructor as PromiseConstructor;

/** Properties host CSS could use to hide or disable the iframe (`iframe { opacity: 0 !important }`…); pinned inline
 * with priority, which no stylesheet rule outranks. Layout (position, size, clip-path, visibility) is the frame's. */
const PINNED: readonly [string, string][] = [
  ['display', 'block'], ['opacity', '1'], ['pointer-events', 'auto'], ['transform', 'none'], ['translate', 'none'],
  ['rotate', 'none'], ['scale', 'none'], ['filter', 'none'], ['backdrop-filter', 'none'], ['mask', 'none'],
  ['mix-blend-mode', 'normal'], ['margin', '0'], ['padding', '0'], ['min-width', '0'], ['min-height', '0'],
  ['max-width', 'none'], ['max-height', 'none'], ['top', 'auto'], ['box-shadow', 'none'], ['background', 'none'],
];

/** An event listener. */
export type Listener = (detail: unknown) => void;
/** A host function registered under a handle id. */
export type HostFn = (...args: unknown[]) => unknown;

/** What the lazily loaded host chunk provides (see ./extension.ts). */
export interface Extension {
  /** Creates a widget (floating, or inline in `m.host`). */
  createWidget(m: Mount): Widget;
  /** Copies options, registering each function in `fns` and putting a `{ $fn }` handle in its place. */
  encode(value: unknown, fns: Map<number, HostFn>): unknown;
  /** Runs a frame → host call (`fn` or `fetch`) and posts its reply. */
  serve(msg: CallMessage, post: (msg: object) => void, fns: Map<number, HostFn>): void;
  /** Mounts an inline widget into an `<openai-chatkit>` element. */
  mount(el: HTMLElement & { w?: Widget; o?: unknown }, m: Pick<Mount, 'src' | 'ext'>): void;
}

/** The instance surface the public API and the custom element are built on. */
export interface Widget {
  /** Calls a frame method once the frame is ready. */
  call(method: string, args: unknown[]): Promise<unknown>;
  /** Replaces the options; functions stay here and the frame gets handles. */
  setOptions(options: unknown): Promise<unknown>;
  destroy(): void;
}

/** How an instance is created. */
export interface Mount {
  /** Script URL the widget origin and frame URL derive from. */
  src: string;
  /** Raw `data-*` of the script (the frame maps them to options and reports bad values). */
  data: Record<string, string>;
  /** Loads the extension (a dynamic import in the bundle; a direct import in tests). */
  ext: () => Promise<Extension>;
  /** Parent for an inline iframe; absent = floating on document.body. */
  host?: Node;
  /** Receives every event (`ChatKit.on` listeners; the custom element dispatches DOM events). */
  dispatch?: (name: string, detail: unknown) => void;
}

/** The host viewport as the frame needs it for placement. */
export const readMetrics = (v = visualViewport as VisualViewport): Metrics => [innerWidth, innerHeight, v.offsetLeft, v.offsetTop, v.width, v.height];

/** Creates the iframe (once the host is idle) and connects to it. */
export function createWidget(m: Mount): Widget {
  const url = new URL('frame.html', m.src);
  // crypto.randomUUID exists only in secure contexts; plain-http sites still get a widget. (UUID-shaped: 8-4-4-4-12.)
  const nonce = [...crypto.getRandomValues(new Uint8Array(16))].map((b, i) => (i % 2 || i < 4 || i > 10 ? '' : '-') + (b | 256).toString(16).slice(1)).join('');
  const frame = document.createElement('iframe');
  const pending = new Map<number, [(v: unknown) => void, (e: unknown) => void, ReturnType<typeof setTimeout>]>();
  const offs: (() => void)[] = [];
  const timeout = Math.max(+m.data.loadTimeout!, 0) || 15000;
  const fns = new Map<number, HostFn>();
  let port: MessagePort | undefined;
  let ids = 0;
  let lastIn = 0;
  let returnFocus: Element | null = null;
  // `microphone` only when dictation is on; a permission policy applies when the iframe navigates, so it is
  // decided from data-dictation or from options set before the frame is created (queued calls, the element).
  let allow = 'clipboard-write' + (/^(true)?$/.test(m.data.dictation ?? '-') ? ';microphone' : '');
  let ready!: () => void;
  let failed!: (e: Error) => void;
  let whenReady = new Promise<void>((ok, no) => ((ready = ok), (failed = no)));
  whenReady.catch(() => 0);

  const style = (k: string, v: string): void => frame.style.setProperty(k, v, 'important');
  const post = (msg: object, transfer: Transferable[] = []): void => port?.postMessage({ ns: NS, v: VERSION, ...msg }, transfer);
  const listen = (t: EventTarget | null, type: string, fn: EventListener): void => {
    t?.addEventListener(type, fn);
    offs.push(() => t?.removeEventListener(type, fn));
  };
  const settle = (id: number, ok: boolean, value: unknown): void => {
    const p = pending.get(id);
    pending.delete(id);
    clearTimeout(p?.[2]);
    p?.[ok ? 0 : 1](value);
  };
  const emit = (name: string, detail?: unknown): void => {
    m.dispatch?.(name, detail);
    if (name === 'chatkit.ready') ready();
  };
  // The frame lays the iframe out (open/closed, its colour scheme, the host viewport we sent it).
  const layout = ({ styles, open, restoreFocus, title }: LayoutRequest = {} as LayoutRequest): void => {
    if (!Array.isArray(styles)) return;
    // The frame's title: frameTitle when given, else "Chat" in the UI language.
    if (typeof title == 'string') frame.title = title;
    if (open) returnFocus ??= document.activeElement;
    for (const [k, v] of styles) style(k, v);
    // Without our launcher, focus goes back to whatever the host used to open us.
    if (!open && restoreFocus) (returnFocus as HTMLElement | null)?.focus?.();
    if (!open) returnFocus = null;
  };
  const teardown = (error: Error): void => {
    clearTimeout(timer);
    for (const off of offs.splice(0)) off();
    for (const id of [...pending.keys()]) settle(id, false, error);
    port?.close();
    port = undefined;
    frame.remove();
    failed(error);
    // Calls made from now on reject with the same error (DESTROYED, LOAD_FAILED) instead of waiting.
    (whenReady = Promise.reject(error)).catch(() => 0);
  };

  const onPort = ({ data: msg }: MessageEvent): void => {
    if (!isPortMessage(msg)) return;
    if (msg.type === 'reply') settle(msg.id, msg.ok, msg.ok ? msg.value : Object.assign(Error(), msg.error));
    else if (msg.type === 'event') msg.name === 'layout' ? layout(msg.detail as LayoutRequest) : emit(msg.name, msg.detail);
    // Ids only ever increase on a port, so an id we have seen (a replay) runs nothing.
    else if (msg.id > lastIn) (lastIn = msg.id), void m.ext().then((x) => x.serve(msg, post, fns));
  };

  const timer = setTimeout(() => {
    const error = bridgeError('LOAD_FAILED', `Chat frame did not load: ${url}`);
    console.error(error);
    emit('chatkit.error', { error });
    teardown(error);
  }, timeout);

  listen(window, 'message', ((e: MessageEvent) => {
    // Three gates, in order: the sender window, the origin, the shape (with our nonce).
    if (e.source !== frame.contentWindow || e.origin !== url.origin || !isHello(e.data) || e.data.nonce !== nonce || port) return;
    clearTimeout(timer);
    const channel = new MessageChannel();
    port = channel.port1;
    port.onmessage = onPort;
    const boot = { baseUrl: document.baseURI, data: m.data, inline: !!m.host, metrics: readMetrics() };
    frame.contentWindow!.postMessage({ ns: NS, v: VERSION, type: 'welcome', nonce, boot }, url.origin, [channel.port2]);
  }) as EventListener);
  // visualViewport fires on window resizes too, and on pinch-zoom and on-screen keyboard changes.
  for (const type of ['resize', 'scroll']) listen(visualViewport, type, () => post({ type: 'event', name: 'viewport', detail: readMetrics() }));

  // Nothing competes with the host's own load: the iframe is created when the page is idle.
  // (Safari has no requestIdleCallback; setTimeout ignores the options object.)
  (window.requestIdleCallback ?? setTimeout)(() => {
    // Torn down meanwhile (destroyed, or the load timeout fired first): no frame.
    if (!offs.length) return;
    frame.title = m.data.frameTitle || 'Chat';
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-downloads');
    frame.allow = allow;
    frame.referrerPolicy = 'strict-origin';
    frame.src = `${url}#nonce=${nonce}`;
    // Zero-sized until the frame lays itself out: never an invisible layer over the host.
    for (const [k, v] of PINNED) style(k, v);
    for (const k of ['width', 'height', 'border']) style(k, '0');
    style('position', m.host ? 'absolute' : 'fixed');
    (m.host ?? document.body).appendChild(frame);
    // The floating frame goes to the top layer where browsers have it (popover): above any host z-index or overlay,
    // and out of reach of host CSS on its ancestors (`body { opacity; transform; filter }` would carry over to it).
    if (!m.host && frame.showPopover) {
      frame.popover = 'manual';
      frame.showPopover();
    }
  }, { timeout: 1500 });

  const call = (method: string, args: unknown[]): Promise<unknown> =>
    whenReady.then(
      () =>
        new Promise((ok, no) => {
          const id = ++ids;
          pending.set(id, [ok, no, setTimeout(() => settle(id, false, bridgeError('TIMEOUT', method)), DEFAULT_TIMEOUT_MS)]);
          post({ type: 'call', id, method, args });
        }),
    );

  return {
    call,
    async setOptions(options) {
      const o = options as { composer?: { dictation?: { enabled?: unknown } } } | null;
      // (The frame validates frameTitle and sends the iframe's title back with its layout.)
      if (o?.composer?.dictation?.enabled) allow = 'clipboard-write;microphone';
      // The call's place in line: one that waited for the extension must not overtake a later one.
      const n = ++ids;
      let clone: unknown;
      try {
        // Succeeds exactly when postMessage would: no functions inside, so no extension needed.
        clone = structuredClone(options);
        fns.clear();
      } catch {
        clone = (await m.ext()).encode(options, fns);
      }
      return call('setOptions', [clone, n]);
    },
    destroy() {
      teardown(bridgeError('DESTROYED', 'ChatKit was destroyed'));
    },
  };
}
