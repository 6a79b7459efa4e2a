/**
 * chatkit.js — the only script a host page includes. Reads its own `data-*` once, creates one floating widget,
 * exposes `window.ChatKit`, registers `<openai-chatkit>`, and replays calls the page queued through the stub
 * snippet before it loaded. Including it twice (or an SPA re-injecting it) attaches to the existing instance.
 */
import { createApi } from './api.ts';
import { defineElement } from './element.ts';
import type { Extension } from './widget.ts';
import { createWidget } from './widget.ts';

declare const __EXTENSION__: string;

type Queued = [string, ArrayLike<unknown>, ((v: unknown) => void)?, ((e: unknown) => void)?];
type Global = { ChatKit?: { __chatkit?: boolean; q?: Queued[] } };

(() => {
  const w = window as unknown as Global;
  const stub = w.ChatKit;
  const script = document.currentScript as HTMLScriptElement | null;
  if (stub?.__chatkit || !script?.src) return;
  let loading: Promise<Extension> | undefined;
  // A dynamic import inherits this script's CSP nonce, so strict-CSP pages need nothing extra.
  const m = { src: script.src, ext: () => (loading ??= import(new URL(__EXTENSION__, script.src).href) as Promise<Extension>) };
  defineElement(m);
  const api = createApi(createWidget({ ...m, data: { ...script.dataset } as Record<string, string> }), () => {
    if (w.ChatKit === api) delete w.ChatKit;
  });
  w.ChatKit = api;
  // Replay the stub's queue in order; each queued promise settles when the real call does (an unknown
  // method rejects with a TypeError).
  for (const [method, args, ok, no] of stub?.q ?? []) {
    Promise.resolve()
      .then(() => (api as unknown as Record<string, (...a: unknown[]) => unknown>)[method]!(...Array.from(args)))
      .then(ok, no);
  }
})();
