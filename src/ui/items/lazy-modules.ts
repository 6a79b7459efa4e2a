/**
 * Views that plain text chat never needs, loaded on first use so the first open stays small: the rich items
 * (workflows, widgets, images, structured input…), citations, entity previews and the widget renderer, all in
 * one chunk (rich-views.ts) with one stylesheet (items + widgets) linked alongside. Each loader runs once;
 * a failed load is retried on the next call.
 */
import { useEffect, useState } from 'preact/hooks';

declare const __RICH_CSS__: string;

/** A loader made by `once`. */
export type Loader<T> = () => Promise<T>;

const loaded = new Map<Loader<unknown>, unknown>();

function once<T>(load: () => Promise<T>): Loader<T> {
  let pending: Promise<T> | undefined;
  const get: Loader<T> = () =>
    (pending ??= load().then(
      (m) => {
        loaded.set(get, m);
        return m;
      },
      (e: unknown) => {
        pending = undefined;
        throw e;
      },
    ));
  return get;
}

/** Links the rich-items + widgets stylesheet (hashed name injected by the build); resolves when it applies or fails. */
function loadRichStyles(): Promise<void> {
  return new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL(__RICH_CSS__, document.baseURI).href;
    link.onload = () => resolve();
    link.onerror = () => resolve();
    document.head.appendChild(link);
  });
}

/** Every item view other than messages, citations with the Sources list, entity previews — with their styles. */
export const loadRichViews = once(() => Promise.all([import('./rich-views.ts'), loadRichStyles()]).then(([m]) => m));
/** The history view: a first open shows the chat, so the thread list loads when History is first opened. */
export const loadHistory = once(() => import('../history.tsx'));
/** The widget renderer. */
export const loadWidgets = once(() => loadRichViews().then((m) => m.widgets));

/**
 * The module `load` resolves to, or null while it loads (the component re-renders once it is there). Already
 * loaded modules are returned synchronously, so a remounted view never flashes empty. `null` loads nothing.
 */
export function useLazy<T>(load: Loader<T> | null, onError?: (e: Error) => void): T | null {
  const ready = load && loaded.has(load) ? (loaded.get(load) as T) : null;
  const [, rerender] = useState(0);
  useEffect(() => {
    if (!load || ready) return undefined;
    let live = true;
    load().then(
      () => live && rerender((n) => n + 1),
      (e: Error) => live && onError?.(e),
    );
    return () => void (live = false);
  }, [load, ready]);
  return ready;
}
