/**
 * chatkit.js — the only script a host page includes, and all that runs before the chat is needed: it reads its own
 * `data-*` once, exposes `window.ChatKit`, registers `<openai-chatkit>`, and replays calls the page queued through
 * the stub snippet. Everything else (iframe, handshake, RPC, host callbacks, the host's storage for the frame) is
 * the host chunk (./host.ts), imported on first need.
 *
 * The floating widget exists only when asked for: widget `data-*` on the script tag (`data-api-url`, …), or a call
 * that needs it (`setOptions`, `open`, any method). A page that includes the script for `<openai-chatkit>` alone
 * (a React app on `@openai/chatkit-react`) gets the element and nothing else: no launcher, no extra iframe.
 * Including the script twice (or an SPA re-injecting it) attaches to the existing instance.
 */
import { defineElement } from './element.ts';
import { METHODS, type ChatKitApi } from './api.ts';
import type { Extension as Host, Listener, Widget } from './widget.ts';

declare const __HOST__: string;
declare const __VERSION__: string;

type Queued = [string, ArrayLike<unknown>, ((v: unknown) => void)?, ((e: unknown) => void)?];
type Global = { ChatKit?: { __chatkit?: boolean; q?: Queued[] } };

/** `data-*` keys that configure the floating widget (README's attribute table); other tools' (`data-cfasync`,
 * `data-nscript`, `data-wp-strategy`…) do not create one. */
const WIDGET_DATA = /^(api|domain|upload|color|accent|radius|density|font|greeting|placeholder|locale|title|frame|initial|disclaimer|history|attach|dictation|feedback|retry|auto|options|side|z|offset|open|launcher|load|instance|storage)/;

/** `chatkit.x` or bare `x` → `chatkit.x`. */
const eventName = (name: string): string => (name.startsWith('chatkit.') ? name : 'chatkit.' + name);

(() => {
  const w = window as unknown as Global;
  const stub = w.ChatKit;
  const script = document.currentScript as HTMLScriptElement | null;
  if (stub?.__chatkit || !script?.src) return;
  const src = script.src;
  const data = { ...script.dataset } as Record<string, string>;
  const listeners = new Map<string, Set<Listener>>();
  let loading: Promise<Host> | undefined;
  let widget: Promise<Widget> | undefined;
  // A dynamic import inherits this script's CSP nonce, so strict-CSP pages need nothing extra. A failed import
  // (offline, a CDN hiccup) is not cached: the next need tries again.
  const host = (): Promise<Host> =>
    (loading ??= (import(new URL(__HOST__, src).href) as Promise<Host>).catch((e: unknown) => {
      loading = undefined;
      throw e;
    }));
  const floating = (): Promise<Widget> =>
    (widget ??= host().then(
      (h) =>
        h.createWidget({
          src,
          data,
          ext: host,
          // Each listener in its own microtask: one that throws is reported and cannot silence the others.
          dispatch: (name, detail) => listeners.get(name)?.forEach((fn) => queueMicrotask(() => fn(detail))),
        }),
      (e: unknown) => {
        widget = undefined;
        throw e;
      },
    ));
  // A host whose customElements throws (a broken polyfill, a registry of its own) still gets the floating widget.
  try {
    defineElement({ src, ext: host });
  } catch (e) {
    console.error(e);
  }
  const api = {
    __chatkit: true,
    version: __VERSION__,
    setOptions: (options: unknown) => floating().then((x) => x.setOptions(options)),
    on(name: string, fn: Listener) {
      const key = eventName(name);
      listeners.set(key, (listeners.get(key) ?? new Set()).add(fn));
      return () => void listeners.get(key)?.delete(fn);
    },
    off: async (name: string, fn: Listener) => void listeners.get(eventName(name))?.delete(fn),
    async destroy() {
      listeners.clear();
      if (w.ChatKit === (api as unknown)) delete w.ChatKit;
      await widget?.then((x) => x.destroy(), () => undefined);
    },
  } as Record<string, unknown>;
  for (const m of METHODS) api[m] = (...args: unknown[]) => floating().then((x) => x.call(m, args));
  w.ChatKit = api as unknown as ChatKitApi;
  if (Object.keys(data).some((k) => WIDGET_DATA.test(k))) void floating();
  // Replay the stub's queue in order; each queued promise settles when the real call does (an unknown
  // method rejects with a TypeError).
  for (const [method, args, ok, no] of stub?.q ?? []) {
    (async () => undefined)()
      .then(() => (api as Record<string, (...a: unknown[]) => unknown>)[method]!(...Array.from(args)))
      .then(ok, no);
  }
})();
