/**
 * Errors as they cross the bridge: `{ name, message, code }` with a closed list of codes. Shared by the loader
 * and the frame; kept tiny for the loader. The frame re-validates what it receives (`fromErrorData`).
 */
import type { BridgeErrorCode, BridgeErrorData } from './messages.ts';

/** An Error that crossed (or failed to cross) the bridge. */
export type ChatKitBridgeError = Error & { code: BridgeErrorCode };

/** Default per-call timeout; host callbacks that wait on people get longer ones. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** Serialises a thrown value as bridge error data, keeping its code when it has one. */
export const toErrorData = (e: unknown, x = Object(e) as Partial<BridgeErrorData>): BridgeErrorData => ({
  name: String(x.name || 'Error'),
  message: String(x.message ?? e),
  code: x.code || 'FAILED',
});

/** Creates a bridge error with the given code. */
export const bridgeError = (code: BridgeErrorCode, message: string, name = 'Error'): ChatKitBridgeError =>
  Object.assign(Error(message), { name, code });

const CODES = ['TIMEOUT', 'DESTROYED', 'NO_METHOD', 'FAILED', 'INVALID', 'BUSY', 'LOAD_FAILED'];

/** An Error from received error data, re-validated: strings only, and a code from the closed list. */
export const fromErrorData = (data: unknown): ChatKitBridgeError => {
  const d = toErrorData(data);
  return bridgeError(CODES.includes(d.code) ? d.code : 'FAILED', d.message, d.name);
};
