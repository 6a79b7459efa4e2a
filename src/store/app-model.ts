/**
 * The frame shell's state: open/closed phase, placement, host viewport, options, locale, unread count, and the
 * current view. State is signals; writes go through the actions returned here; the effects this model owns (the
 * iframe layout sent to the host, locale loading) are disposed by `dispose()`.
 */
import { batch, computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import { decodeHandles } from '../bridge/handles.ts';
import type { BootInfo, Metrics } from '../bridge/messages.ts';
import { resolveOptions } from '../config/resolve.ts';
import type { ResolvedOptions } from '../config/resolved.ts';
import { readDataAttributes, type Placement } from '../frame/data-attributes.ts';
import { frameStyles, INLINE_STYLES, isCompact } from '../frame/geometry.ts';
import { en, type Strings } from '../i18n/en.ts';
import { resolveLocale, type ResolvedLocale } from '../i18n/resolve-locale.ts';

/** Open/close lifecycle; `opening`/`closing` exist so the panel can animate while the iframe is large. */
export type Phase = 'closed' | 'opening' | 'open' | 'closing';

/** What the shell needs from the bridge. */
export interface HostLink {
  call(method: string, args: unknown[], timeoutMs?: number, transfer?: Transferable[]): Promise<unknown>;
  emit(name: string, detail?: unknown): void;
}

/** Environment seams (real browser APIs in the frame, fakes in tests). */
export interface AppEnv {
  host: HostLink;
  boot: BootInfo;
  /** True when the user asked for reduced motion. */
  reducedMotion(): boolean;
  /** Waits for the next frame(s) so a CSS transition can start from the pre-state. */
  nextFrame(): Promise<void>;
  navigatorLanguages: readonly string[];
}

/** How long the close animation runs before the iframe shrinks (matches styles/panel.css). */
export const CLOSE_MS = 180;

const EMPTY_OPTIONS = resolveOptions({}).options;

/** Creates the shell model. */
export function createAppModel(env: AppEnv) {
  const { host, boot } = env;
  const inline = boot.inline === true;
  const data = readDataAttributes(boot.data);
  const placement: Placement = data.placement;
  const metrics = signal<Metrics>(boot.metrics);
  const phase = signal<Phase>(inline ? 'open' : 'closed');
  const options = signal<ResolvedOptions>(EMPTY_OPTIONS);
  /** False until options arrive (from data-* or setOptions): the UI says the chat is not configured. */
  const configured = signal(false);
  const unread = signal(0);
  const view = signal<'chat' | 'history'>('chat');
  const locale: ReadonlySignal<ResolvedLocale> = computed(() => resolveLocale(options.value.locale, env.navigatorLanguages));
  const strings = signal<Strings>(en);
  /** The launcher's physical side: `start`/`end` read in the UI direction, `left`/`right` as given. */
  const side = computed((): 'left' | 'right' => {
    const { side: wanted } = placement;
    if (wanted === 'left' || wanted === 'right') return wanted;
    return (wanted === 'end') === (locale.value.dir === 'ltr') ? 'right' : 'left';
  });
  /** The iframe's accessible title: `frameTitle` (or data-frame-title) when given, else "Chat" translated. */
  const frameTitle = computed(() => options.value.frameTitle ?? strings.value.chat);
  const compact = computed(() => !inline && isCompact(metrics.value, placement));
  const isOpen = computed(() => phase.value === 'open' || phase.value === 'opening');
  let restoreFocus = false;
  let seq = 0;

  const emit = (name: string, detail?: unknown): void => host.emit(name, detail);
  /** Reports a problem to the host (`chatkit.error`, with an Error the host receives as an Error) and the console. */
  const reportError = (error: Error | string): void => {
    const e = typeof error === 'string' ? new Error(error) : error;
    console.warn(`[chatkit] ${e.message}`);
    emit('chatkit.error', { error: e });
  };

  const disposers = [
    // The iframe's geometry follows the phase, the host viewport and the colour scheme.
    effect(() => {
      const open = phase.value !== 'closed';
      const scheme = options.value.theme.colorScheme;
      const styles = inline ? INLINE_STYLES : frameStyles({ ...placement, side: side.value, open, scheme }, metrics.value).styles;
      emit('layout', { styles, open, restoreFocus: !open && restoreFocus, title: frameTitle.value });
    }),
    effect(() => {
      const resolved = locale.value;
      strings.value = resolved.strings;
      void resolved.load().then((table) => {
        if (locale.peek() === resolved) strings.value = table;
      });
    }),
  ];

  /** Applies options as `setOptions` does: the whole object is replaced; bad values are reported and ignored. */
  function setOptions(raw: unknown): void {
    const { options: resolved, errors } = resolveOptions(decodeHandles(raw, host));
    batch(() => {
      options.value = resolved;
      configured.value = true;
    });
    for (const e of errors) reportError(e.message);
  }

  /** Opens or closes the floating panel; resolves when the transition is done. */
  async function setOpen(next: boolean, focusInside = true): Promise<void> {
    if (inline || next === isOpen.peek()) return;
    const mine = ++seq;
    if (next) {
      phase.value = 'opening';
      await env.nextFrame();
      if (mine !== seq) return;
      phase.value = 'open';
      const count = unread.peek();
      unread.value = 0;
      if (count) emit('chatkit.unread', { count: 0 });
      emit('chatkit.open');
      return;
    }
    phase.value = 'closing';
    if (!env.reducedMotion()) await new Promise((r) => setTimeout(r, CLOSE_MS));
    if (mine !== seq) return;
    // Focus returns to the launcher (the UI does that), or, without one, to the host element that opened us.
    restoreFocus = focusInside && !placement.launcher;
    phase.value = 'closed';
    restoreFocus = false;
    emit('chatkit.close');
  }

  /** Switches between the thread and the history list, telling the host. */
  function setView(next: 'chat' | 'history'): void {
    if (view.peek() === next) return;
    view.value = next;
    emit(next === 'history' ? 'chatkit.history.open' : 'chatkit.history.close');
  }

  /** A reply finished while the panel was closed. */
  function bumpUnread(): void {
    if (isOpen.peek()) return;
    unread.value += 1;
    emit('chatkit.unread', { count: unread.peek() });
  }

  /** Host → frame events that are not method calls. */
  function handleHostEvent(name: string, detail: unknown): void {
    if (name === 'viewport' && Array.isArray(detail) && detail.length === 6 && detail.every((n) => typeof n === 'number' && Number.isFinite(n))) {
      metrics.value = detail as Metrics;
    }
  }

  /** Reports bad data-* values and applies data-* options; called once after the first render. */
  function start(): void {
    if (data.options) setOptions(data.options);
    for (const message of data.errors) reportError(message);
  }

  return {
    host,
    /** The host page's base URL (relative URLs in options and answers resolve against the page). */
    baseUrl: boot.baseUrl,
    inline,
    placement,
    /** `data-storage` (the initial mode; `ChatKit.setStorage` changes it). */
    storage: data.storage,
    side,
    frameTitle,
    metrics,
    phase,
    isOpen,
    compact,
    options,
    configured,
    locale,
    strings,
    unread,
    view,
    emit,
    reportError,
    setOptions,
    setOpen,
    toggle: (focusInside?: boolean) => setOpen(!isOpen.peek(), focusInside),
    bumpUnread,
    setView,
    handleHostEvent,
    start,
    dispose: () => disposers.forEach((d) => d()),
  };
}

/** The shell model. */
export type AppModel = ReturnType<typeof createAppModel>;
