/**
 * Maps the loader script's `data-*` attributes (received raw in the handshake) to ChatKit options and to the
 * floating shell's placement, with one exact message per bad value. A bad value is reported and replaced by
 * its default; nothing else is affected. The option values themselves are validated again by
 * `resolveOptions` (e.g. a bad `data-accent` colour is reported there, by its option path).
 *
 * `data-options` holds a JSON object of any options; the scalar attributes below override its keys.
 */import { STORAGE_MODES, parseStorageMode, type StorageMode } from '../store/kept-state.ts';


/** Placement of the floating shell (documented defaults in the README). */
export interface Placement {
  /** `start`/`end` follow the UI direction (`end` is the right in English, the left in Arabic). */
  side: 'start' | 'end' | 'left' | 'right';
  zIndex: number;
  launcher: boolean;
  open: boolean;
  offsetX: number;
  offsetY: number;
}

/** What the attributes yield. */
export interface DataConfig {
  /** ChatKit options, or null when the script carries none (options then come from `setOptions`). */
  options: Record<string, unknown> | null;
  placement: Placement;
  /** `data-storage`: where the thread id is kept (src/store/kept-state.ts). */
  storage: StorageMode;
  errors: string[];
}

/** Documented defaults. */
export const PLACEMENT_DEFAULTS: Placement = {
  side: 'end',
  zIndex: 2147483000,
  launcher: true,
  open: false,
  offsetX: 20,
  offsetY: 20,
};

/** dataset key → option path, for string-valued options. */
const STRING_OPTIONS: Record<string, string> = {
  apiUrl: 'api.url',
  domainKey: 'api.domainKey',
  greeting: 'startScreen.greeting',
  placeholder: 'composer.placeholder',
  locale: 'locale',
  title: 'header.title.text',
  frameTitle: 'frameTitle',
  initialThread: 'initialThread',
  disclaimer: 'disclaimer.text',
  colorScheme: 'theme.colorScheme',
  radius: 'theme.radius',
  density: 'theme.density',
};

/** dataset key → option path, for boolean options. */
const BOOLEAN_OPTIONS: Record<string, string> = {
  history: 'history.enabled',
  attachments: 'composer.attachments.enabled',
  feedback: 'threadItemActions.feedback',
  retry: 'threadItemActions.retry',
  autoScroll: 'thread.autoScroll',
  dictation: 'composer.dictation.enabled',
};

/** `apiUrl` → `data-api-url`. */
export const attributeName = (key: string): string => 'data-' + key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());

const quote = (v: string): string => JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/** Sets `path` ("a.b.c") in `target`, creating (or replacing non-object values with) plain objects. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let cur = target;
  for (const k of keys) {
    if (!isPlainObject(cur[k])) cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  }
  cur[last] = value;
}

/** Parses every supported attribute; never throws. */
export function readDataAttributes(data: Readonly<Record<string, string | undefined>>): DataConfig {
  const errors: string[] = [];
  const placement = { ...PLACEMENT_DEFAULTS };
  let options: Record<string, unknown> = {};
  let hasOptions = false;
  const get = (key: string): string | undefined => {
    const v = Object.prototype.hasOwnProperty.call(data, key) ? data[key] : undefined;
    return typeof v === 'string' ? v.trim() : undefined;
  };
  const bad = (key: string, expected: string, got: string): void => {
    errors.push(`${attributeName(key)}: expected ${expected}, received ${quote(got)}`);
  };
  const bool = (key: string): boolean | undefined => {
    const v = get(key);
    if (v === undefined) return undefined;
    if (v === '' || v === 'true') return true;
    if (v === 'false') return false;
    bad(key, '"true" | "false"', v);
    return undefined;
  };
  const int = (key: 'zIndex' | 'offsetX' | 'offsetY', min: number, max: number): void => {
    const v = get(key);
    if (v === undefined) return;
    const n = Number(v);
    if (/^-?\d+$/.test(v) && n >= min && n <= max) placement[key] = n;
    else bad(key, `an integer from ${min} to ${max}`, v);
  };

  const json = get('options');
  if (json !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      parsed = undefined;
    }
    if (isPlainObject(parsed)) {
      options = parsed;
      hasOptions = true;
    } else bad('options', 'a JSON object', json);
  }
  for (const [key, path] of Object.entries(STRING_OPTIONS)) {
    const v = get(key);
    if (v) {
      setPath(options, path, v);
      hasOptions = true;
    }
  }
  for (const [key, path] of Object.entries(BOOLEAN_OPTIONS)) {
    const v = bool(key);
    if (v !== undefined) {
      setPath(options, path, v);
      hasOptions = true;
    }
  }
  const accent = get('accent');
  if (accent) {
    setPath(options, 'theme.color.accent', { primary: accent, level: 1 });
    hasOptions = true;
  }
  const fontSize = get('fontSize');
  if (fontSize !== undefined) {
    if (/^1[4-8]$/.test(fontSize)) {
      setPath(options, 'theme.typography.baseSize', Number(fontSize));
      hasOptions = true;
    } else bad('fontSize', 'an integer from 14 to 18', fontSize);
  }
  const uploadUrl = get('uploadUrl');
  const strategy = get('uploadStrategy');
  if (strategy !== undefined && strategy !== 'direct' && strategy !== 'two_phase') bad('uploadStrategy', '"direct" | "two_phase"', strategy);
  else if (strategy === 'direct' && !uploadUrl) errors.push('data-upload-strategy: "direct" needs data-upload-url');
  else if (strategy === 'two_phase' || uploadUrl) {
    setPath(options, 'api.uploadStrategy', strategy === 'two_phase' ? { type: 'two_phase' } : { type: 'direct', uploadUrl });
    hasOptions = true;
  }

  const side = get('side');
  if (side !== undefined) {
    if (side === 'start' || side === 'end' || side === 'left' || side === 'right') placement.side = side;
    else bad('side', '"start" | "end" | "left" | "right"', side);
  }
  placement.open = bool('open') ?? placement.open;
  placement.launcher = bool('launcher') ?? placement.launcher;
  int('zIndex', -2147483648, 2147483647);
  int('offsetX', 0, 10000);
  int('offsetY', 0, 10000);
  const storageAttr = get('storage');
  const storage = storageAttr === undefined ? 'local' : parseStorageMode(storageAttr);
  if (!storage) bad('storage', STORAGE_MODES.map((m) => `"${m}"`).join(' | '), storageAttr!);
  const timeout = get('loadTimeout');
  // The loader reads this one itself (it must act before we exist); this only reports a bad value.
  if (timeout !== undefined && !(/^\d+$/.test(timeout) && Number(timeout) > 0)) bad('loadTimeout', 'a positive integer (milliseconds)', timeout);

  return { options: hasOptions ? options : null, placement, storage: storage ?? 'local', errors };
}
