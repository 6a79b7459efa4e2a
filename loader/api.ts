/**
 * `window.ChatKit`: the page-facing API of the floating widget. Every method returns a promise that settles
 * once the frame has done the work; `on` returns an unsubscribe function, as event emitters do.
 */
import type { Widget } from './widget.ts';

/** Frame methods exposed one-to-one (ChatKit's element methods plus the floating shell's open/close/toggle). */
export const METHODS = 'open close toggle focusComposer setThreadId sendUserMessage setComposerValue fetchUpdates sendCustomAction showHistory hideHistory'.split(' ') as readonly MethodName[];

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
  | 'hideHistory';

/** The global's shape. */
export type ChatKitApi = {
  [K in MethodName]: (...args: unknown[]) => Promise<unknown>;
} & {
  setOptions(options: unknown): Promise<unknown>;
  on(name: string, fn: (detail: unknown) => void): () => void;
  off(name: string, fn: (detail: unknown) => void): Promise<void>;
  destroy(): Promise<void>;
  /** Marks a real instance, so a second copy of the script attaches instead of creating another widget. */
  readonly __chatkit: true;
};

/** Builds the API over a widget; `onDestroy` lets the caller clear the global. */
export function createApi(widget: Widget, onDestroy: () => void): ChatKitApi {
  const api: Record<string, unknown> = {
    __chatkit: true,
    setOptions: widget.setOptions,
    on: widget.on,
    off: async (name: string, fn: (detail: unknown) => void) => widget.off(name, fn),
    destroy: async () => (widget.destroy(), onDestroy()),
  };
  for (const m of METHODS) api[m] = (...args: unknown[]) => widget.call(m, args);
  return api as ChatKitApi;
}
