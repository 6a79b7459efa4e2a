/**
 * One end of the RPC channel on the private MessagePort after the handshake; the loader and the frame both use
 * it, and the loader's budget is 2 KB brotli, so it stays terse: calls with ids and per-call timeouts, replies,
 * events. (A relayed fetch body streams on a port of its own: see `StreamChunk` in messages.ts.)
 *
 * Threats handled here (the port is private, but a bug on either side must not become an exploit): inbound
 * messages must pass `isPortMessage`; methods are looked up in a Map, so `__proto__` or `constructor` reach no
 * handler; inbound call ids must increase, so a replayed call runs nothing; replies for ids that are not
 * pending are dropped; handler errors go back as `{name, message, code}`.
 */
import { bridgeError, DEFAULT_TIMEOUT_MS, fromErrorData, toErrorData } from './errors.ts';
import { NS, VERSION, isPortMessage, type PortMessage } from './messages.ts';

/** Minimal port surface (a MessagePort, or a fake in tests). */
export interface PortLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
  start?(): void;
  close(): void;
}

/** A method the other side may call. */
export type Handler = (args: unknown[]) => unknown;

/** The RPC surface of one side. */
export interface Endpoint {
  /** Calls `method` on the other side; rejects with a ChatKitBridgeError on error, timeout or destroy.
   * `transfer` lists MessagePorts inside `args` to hand over. */
  call(method: string, args: unknown[], timeoutMs?: number, transfer?: Transferable[]): Promise<unknown>;
  /** Sends an event to the other side. */
  emit(name: string, detail?: unknown): void;
  /** Rejects every pending call and closes the port. Idempotent. */
  destroy(): void;
}

type Bare<T> = T extends unknown ? Omit<T, 'ns' | 'v'> : never;

/** Starts an endpoint on `port`. Events from the other side go to `onEvent`. */
export function createEndpoint(
  port: PortLike,
  handlers: Map<string, Handler>,
  onEvent: (name: string, detail: unknown) => void,
): Endpoint {
  let nextId = 0;
  let lastIn = 0;
  let dead = false;
  const pending = new Map<number, [(v: unknown) => void, (e: unknown) => void, ReturnType<typeof setTimeout>?]>();
  const post = (m: Bare<PortMessage>, transfer: Transferable[] = []): void => {
    if (!dead) port.postMessage({ ns: NS, v: VERSION, ...m }, transfer);
  };
  const settle = (id: number, ok: boolean, value: unknown): void => {
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    clearTimeout(p[2]);
    p[ok ? 0 : 1](value);
  };

  const serve = async (id: number, method: string, args: unknown[]): Promise<void> => {
    try {
      const handler = handlers.get(method);
      if (!handler) throw bridgeError('NO_METHOD', method);
      post({ type: 'reply', id, ok: true, value: await handler(args) });
    } catch (e) {
      post({ type: 'reply', id, ok: false, error: toErrorData(e) });
    }
  };

  port.onmessage = ({ data: m }: MessageEvent): void => {
    if (dead || !isPortMessage(m)) return;
    if (m.type === 'event') {
      try {
        onEvent(m.name, m.detail);
      } catch (e) {
        console.error(e);
      }
      // Ids only ever increase on a port, so an id we have seen (a replay) runs nothing.
    } else if (m.type === 'call') m.id > lastIn && void serve((lastIn = m.id), m.method, m.args);
    else settle(m.id, m.ok, m.ok ? m.value : fromErrorData(m.error));
  };
  port.start?.();

  return {
    call: (method, args, timeoutMs = DEFAULT_TIMEOUT_MS, transfer) =>
      new Promise((ok, no) => {
        if (dead) return no(bridgeError('DESTROYED', 'ChatKit was destroyed'));
        const id = ++nextId;
        pending.set(id, [ok, no, timeoutMs > 0 ? setTimeout(() => settle(id, false, bridgeError('TIMEOUT', method, 'TimeoutError')), timeoutMs) : undefined]);
        post({ type: 'call', id, method, args }, transfer);
      }),
    emit: (name, detail) => post({ type: 'event', name, detail }),
    destroy() {
      for (const id of [...pending.keys()]) settle(id, false, bridgeError('DESTROYED', 'ChatKit was destroyed'));
      dead = true;
      port.onmessage = null;
      port.close();
    },
  };
}
