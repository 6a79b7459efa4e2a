/**
 * `window.ChatKit`: the page-facing API of the floating widget. Every method returns a promise that settles
 * once the frame has done the work; `on` returns an unsubscribe function, as event emitters do.
 */

/** Frame methods exposed one-to-one (ChatKit's element methods, the floating shell's open/close/toggle, and the
 * site owner's storage choice). */
export const METHODS = 'open close toggle focusComposer setThreadId sendUserMessage setComposerValue fetchUpdates sendCustomAction showHistory hideHistory setStorage'.split(' ') as readonly MethodName[];

/** A frame method exposed on the API. */
export type MethodName =
  | 'open'
  | 'close'
  | 'toggle'
  | 'focusComposer'
  | 'setThreadId'
  | 'sendUserMessage'
  | 'setComposerValue'
  | 'fetchUpdates'
  | 'sendCustomAction'
  | 'showHistory'
  | 'hideHistory'
  | 'setStorage';

/** The global's shape. */
export type ChatKitApi = {
  [K in MethodName]: (...args: unknown[]) => Promise<unknown>;
} & {
  setOptions(options: unknown): Promise<unknown>;
  on(name: string, fn: (detail: unknown) => void): () => void;
  off(name: string, fn: (detail: unknown) => void): Promise<void>;
  destroy(): Promise<void>;
  /** The package version (`chatkit-embed`'s package.json). */
  readonly version: string;
  /** Marks a real instance, so a second copy of the script attaches instead of creating another widget. */
  readonly __chatkit: true;
};
