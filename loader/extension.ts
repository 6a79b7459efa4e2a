/**
 * The host chunk (`chatkit-host-[hash].js`), imported by chatkit.js when a widget is first needed: the widget
 * itself (./widget.ts), host callbacks, the host's first-party storage kept for the frame, and `<openai-chatkit>`
 * mounting. Host callbacks: Functions inside options (`api.fetch`, `onClientTool`, `entities.*`, `header.*.onClick`,
 * `widgets.onAction`, `commands.*`, `api.getClientSecret`) never leave the host page: each becomes a `{ $fn }`
 * handle and the frame calls it back through `fn`, or through `fetch` for `api.fetch`, whose response body is
 * relayed chunk by chunk on a MessagePort of its own so SSE through a custom fetch still streams.
 * A page that never needs a widget never downloads this.
 */
import { bridgeError, toErrorData } from '../src/bridge/errors.ts';
import type { CallMessage } from '../src/bridge/messages.ts';
import type { ChatKitElement } from './element.ts';
import { createWidget, type Extension, type HostFn } from './widget.ts';

export { createWidget };

/** The platform's Promise, whatever the host did to `window.Promise`. */
const Promise = (async () => undefined)().constructor as PromiseConstructor;

let ids = 0;

function walk(value: unknown, fns: Map<number, HostFn>, seen: object[]): unknown {
  if (typeof value === 'function') {
    fns.set(++ids, value as HostFn);
    return { $fn: ids };
  }
  const proto = Object(value) === value ? (Object.getPrototypeOf(value) as unknown) : 0;
  // Only plain objects and arrays are walked; Files, Blobs, Dates… are cloned by postMessage as they are.
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return value;
  if (seen.includes(value as object)) throw new TypeError('ChatKit options contain a cycle');
  const out: Record<string, unknown> = Array.isArray(value) ? ([] as never) : {};
  seen.push(value as object);
  for (const k of Object.keys(value as object)) {
    if (k !== '__proto__') out[k] = walk((value as Record<string, unknown>)[k], fns, seen);
  }
  seen.pop();
  return out;
}

/** Options replaced as a whole: every earlier handle stops working, the new ones are registered. */
export const encode: Extension['encode'] = (value, fns) => {
  const fresh = new Map<number, HostFn>();
  const out = walk(value, fresh, []);
  fns.clear();
  for (const [id, fn] of fresh) fns.set(id, fn);
  return out;
};

const lookup = (fns: Map<number, HostFn>, id: unknown): HostFn => {
  const fn = fns.get(id as number);
  if (!fn) throw new Error('Callback no longer registered: options were replaced');
  return fn;
};

/** `fetch`: `init` arrives cloneable (a multipart body as a Blob with its boundary header); the body goes back on
 * `port`, and any message from the frame on that port aborts the fetch, which errors the body and ends the pump. */
async function relayFetch(fns: Map<number, HostFn>, [id, target, init, port]: unknown[]): Promise<unknown> {
  const p = port as MessagePort;
  const ctl = new AbortController();
  p.onmessage = () => ctl.abort();
  const res = (await lookup(fns, id)(target, { ...(init as object), signal: ctl.signal })) as Response;
  void (async () => {
    const reader = (res.body ?? new Blob().stream()).getReader();
    // A host fetch that ignores its signal is still stopped: the reader is cancelled too, at once when the frame
    // cancelled while the host was still waiting for the response head.
    const stop = (): void => void reader.cancel().catch(() => undefined);
    if (ctl.signal.aborted) stop();
    else ctl.signal.addEventListener('abort', stop);
    try {
      for (let c; !(c = await reader.read()).done; ) p.postMessage(c.value);
      p.postMessage(null);
    } catch (e) {
      p.postMessage({ error: toErrorData(e) });
    }
  })();
  return { status: res.status, statusText: res.statusText, headers: [...res.headers] };
}

/**
 * `storage`: the frame's persistent state (thread id) kept in the host page's first-party storage, because the
 * frame's own storage is third-party and browsers deny it (Chromium with third-party cookies blocked, Safari,
 * Firefox, Brave) or partition it. Only `chatkit:` keys, in `localStorage` or `sessionStorage`; `value` undefined
 * reads, null removes, a string writes.
 */
function storage([area, key, value]: unknown[]): string | null {
  if (typeof key !== 'string' || !key.startsWith('chatkit:')) throw bridgeError('INVALID', 'storage: only chatkit: keys');
  const s = area === 'session' ? sessionStorage : localStorage;
  if (value === undefined) return s.getItem(key);
  if (value === null) s.removeItem(key);
  else s.setItem(key, String(value));
  return null;
}

/** Runs a frame → host call and posts the reply. */
export const serve: Extension['serve'] = (msg: CallMessage, post, fns) => {
  const { id, method, args } = msg;
  new Promise((ok) =>
    ok(
      method === 'fn'
        ? lookup(fns, args[0])(...((args[1] as unknown[]) ?? []))
        : method === 'fetch'
          ? relayFetch(fns, args)
          : method === 'storage'
            ? storage(args)
            : Promise.reject(bridgeError('NO_METHOD', method)),
    ),
  ).then(
    (value) => post({ type: 'reply', id, ok: true, value }),
    (e) => post({ type: 'reply', id, ok: false, error: toErrorData(e) }),
  );
};

/**
 * Mounts an inline widget into an `<openai-chatkit>` element: the iframe fills the element's box, inside a shadow
 * root whose `:host { display: block }` comes from a constructed stylesheet (strict CSPs allow it; a `<style>`
 * element would not be). The element re-applies its last options, so a re-attached element keeps them.
 */
export const mount: Extension['mount'] = (el: ChatKitElement, m) => {
  const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(':host{display:block;position:relative}');
  root.adoptedStyleSheets = [sheet];
  el.w = createWidget({ ...m, data: { ...el.dataset } as Record<string, string>, host: root, dispatch: (type, detail) => el.dispatchEvent(new CustomEvent(type, { detail })) });
  // Removed again before the frame answered (a React unmount during load): nothing to report.
  if (el.o) el.w.setOptions(el.o).catch(() => undefined);
};
