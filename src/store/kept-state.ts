/**
 * What the widget keeps between page loads (today: the current thread id), and where.
 *
 * The frame's own storage is third-party whenever the widget is served from another site than the page (the
 * normal deployment), and browsers deny it (Chromium with third-party cookies blocked, Safari, Firefox, Brave) or
 * partition it. So values are kept by the loader in the host page's first-party storage (the `storage` host
 * call, loader/extension.ts), under keys namespaced by widget instance and API URL, so two apps or two widgets on
 * one site never share a thread. The site owner chooses the area (`data-storage`, `ChatKit.setStorage`):
 *   `local`   across page loads and tabs (the floating widget's default),
 *   `session` this tab only, until it closes,
 *   `none`    nothing at all (no consent); switching to it removes what was stored.
 * A host whose storage is blocked too (every cookie blocked) just keeps nothing: the chat works without it.
 */

import type { ResolvedApi } from '../config/resolved.ts';

/** Where kept values live. */
export type StorageMode = 'local' | 'session' | 'none';

/** `data-storage` / `setStorage` values. */
export const STORAGE_MODES: readonly StorageMode[] = ['local', 'session', 'none'];

/** A storage mode, or null when `v` is not one. */
export const parseStorageMode = (v: unknown): StorageMode | null => (STORAGE_MODES.includes(v as StorageMode) ? (v as StorageMode) : null);

/** `<instance>:<API URL>` (absolute): two widgets on one page, or two apps on one site, never share what they keep. */
export function keptNamespace(api: ResolvedApi | null, baseUrl: string, instance: string | undefined): string {
  let target = 'none';
  if (api?.type === 'custom') {
    try {
      target = new URL(api.url, baseUrl).href;
    } catch {
      target = api.url;
    }
  } else if (api) target = 'hosted';
  return `${instance?.trim() || 'default'}:${target}`;
}

/** Reads (`value` undefined), removes (null) or writes a key in the host's storage area. */
export type HostStorageCall = (area: 'local' | 'session', key: string, value?: string | null) => Promise<unknown>;

/** The chat model's view of kept values: by name, already namespaced. */
export interface KeptState {
  get(name: string): Promise<string | null>;
  set(name: string, value: string | null): Promise<void>;
  /** The current mode. */
  mode(): StorageMode;
  /** Changes the mode: values move to the new area; `none` removes them everywhere. */
  setMode(mode: StorageMode): Promise<void>;
}

/** Kept state through the host; `namespace()` is read on every access (the API URL can change with options). */
export function createKeptState(call: HostStorageCall, namespace: () => string, initial: StorageMode): KeptState {
  let mode = initial;
  const names = new Set<string>();
  const key = (name: string): string => `chatkit:${namespace()}:${name}`;
  // The host may refuse (its own storage blocked): that reads as nothing kept.
  const read = async (area: StorageMode, name: string): Promise<string | null> => {
    if (area === 'none') return null;
    const v = await call(area, key(name)).catch(() => null);
    return typeof v === 'string' ? v : null;
  };
  const write = async (area: StorageMode, name: string, value: string | null): Promise<void> => {
    if (area !== 'none') await call(area, key(name), value).catch(() => undefined);
  };
  return {
    get: (name) => (names.add(name), read(mode, name)),
    set: (name, value) => (names.add(name), write(mode, name, value)),
    mode: () => mode,
    async setMode(next) {
      const prev = mode;
      mode = next;
      if (prev === next) return;
      for (const name of names) {
        const value = await read(prev, name);
        await write(prev, name, null);
        if (value !== null) await write(next, name, value);
      }
      // `none` also clears the other area, in case an earlier page load used it.
      if (next === 'none') for (const name of names) for (const area of ['local', 'session'] as const) await write(area, name, null);
    },
  };
}
