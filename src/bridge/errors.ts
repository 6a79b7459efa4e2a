/**
 * Errors as they cross the bridge: `{ name, message, code }` with a closed list of codes. Shared by the loader
 * and the frame; kept tiny for the loader. The frame re-validates what it receives (`fromErrorData`).
 */
import type { BridgeErrorCode, BridgeErrorData } from './messages.ts';

/** An Error that crossed (or failed to cross) the bridge. */
export type ChatKitBridgeError = Error & { code: BridgeErrorCode };

/** Default per-call timeout; host callbacks that wait on people get longer ones. */
export const DEFAULT_TIMEOUT_MS = 30_000;

const CODES: readonly string[] = ['TIMEOUT', 'DESTROYED', 'NO_METHOD', 'FAILED', 'INVALID', 'BUSY', 'LOAD_FAILED'];

/** Serialises a thrown value as bridge error data; a code outside the closed list becomes FAILED. */
export const toErrorData = (e: unknown, x = Object(e) as Partial<BridgeErrorData>): BridgeErrorData => ({
  name: String(x.name || 'Error'),
  message: String(x.message ?? e),
  code: CODES.includes(x.code as string) ? (x.code as BridgeErrorCode) : 'FAILED',
});

/** Creates a bridge error with the given code. */
export const bridgeError = (code: BridgeErrorCode, message: string, name = 'Error'): ChatKitBridgeError =>
  Object.assign(Error(message), { name, code });

/** An Error from received error data, re-validated: strings only, and a code from the closed list. */
export const fromErrorData = (data: unknown): ChatKitBridgeError => {
  const d = toErrorData(data);
  return bridgeError(d.code, d.message, d.name);
};
