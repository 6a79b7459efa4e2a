/**
 * The frame's half of the handshake (see src/bridge/messages.ts): post `hello` with our nonce to the parent,
 * accept `welcome` only from the parent window with the same nonce and a port, pin the host origin, and start
 * the endpoint on that port. Any other window message is ignored.
 */
import { createEndpoint, type Endpoint, type Handler } from '../bridge/endpoint.ts';
import { NS, VERSION, isWelcome, type BootInfo } from '../bridge/messages.ts';

/** What the handshake yields. */
export interface Connection {
  host: Endpoint;
  boot: BootInfo;
  /** The host page's origin, pinned from the handshake event. */
  hostOrigin: string;
}

/** Reads the one-time nonce the loader put in our URL fragment. */
export function readNonce(hash: string): string | null {
  const nonce = new URLSearchParams(hash.replace(/^#/, '')).get('nonce');
  return nonce && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(nonce) ? nonce : null;
}

/** Connects to the parent page; `handlers` may be filled in later (the Map is read per call). */
export function connectToHost(
  handlers: Map<string, Handler>,
  onEvent: (name: string, detail: unknown) => void,
  win: Window = window,
): Promise<Connection> {
  const nonce = readNonce(win.location.hash);
  if (!nonce || win.parent === win) {
    return Promise.reject(new Error('This page is the chat frame; include chatkit.js on a page to use it.'));
  }
  return new Promise((resolve) => {
    const onMessage = (e: MessageEvent): void => {
      if (e.source !== win.parent || !isWelcome(e.data) || e.data.nonce !== nonce || !e.ports[0]) return;
      win.removeEventListener('message', onMessage);
      const host = createEndpoint(e.ports[0], handlers, onEvent);
      resolve({ host, boot: e.data.boot, hostOrigin: e.origin });
    };
    win.addEventListener('message', onMessage);
    // The only message ever posted to "*": the parent generated this nonce, so it learns nothing from it.
    win.parent.postMessage({ ns: NS, v: VERSION, type: 'hello', nonce }, '*');
  });
}
