/**
 * A bottom-anchored windowed list for the thread: only items near the viewport are in the DOM (a 10,000-item thread
 * stays at a few hundred nodes). Heights are measured with a ResizeObserver and estimated (the running average)
 * until then; spacers stand in for the rest.
 *
 * Scroll position has one owner: this list. Native scroll anchoring is off (`overflow-anchor: none` on the thread),
 * because it and any manual correction would both compensate the same change and fight. Instead the list keeps an
 * anchor — the first visible row and its offset from the viewport top — and after every change that can move
 * content (a render that prepends or re-windows, a row measured or resized) it either pins the bottom (when the
 * owner says the reader follows the end) or puts the anchor row back where it was.
 */
import type { ComponentChild } from 'preact';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';

/** Below this many items everything is rendered (anchoring still applies). */
export const WINDOW_FROM = 80;
/** Pixels rendered beyond the viewport on each side. */
const OVERSCAN = 800;
/** Height assumed for an item before anything is measured. */
const ESTIMATE = 96;

/** Props of the list. */
export interface VirtualListProps<T> {
  items: readonly T[];
  keyOf: (item: T) => string;
  render: (item: T, index: number) => ComponentChild;
  /** The scrolling element (the list lives inside it). */
  scroller: HTMLElement | null;
  /** Bumped by the owner when the scroll position moved enough that the window may change. */
  tick: number;
  /** Asked after each change: should the view sit at the very bottom (reader following the end)? */
  pinBottom: () => boolean;
  /** Called after the list moved the scroll position itself (so the owner can tell it from the reader's scrolls). */
  onProgrammaticScroll: (top: number) => void;
  /**
   * The scroller's position and height, kept current by the owner's scroll handler and by the list after it
   * settles. Rendering reads these instead of the DOM: reading scrollTop during a render would force a synchronous
   * layout of the DOM the previous render just changed.
   */
  viewport: { top: number; height: number };
}

interface Anchor {
  key: string;
  offset: number;
}

/** The windowed list. */
export function VirtualList<T>({ items, keyOf, render, scroller, tick, pinBottom, onProgrammaticScroll, viewport }: VirtualListProps<T>) {
  const heights = useRef(new Map<string, number>());
  const stats = useRef({ total: 0, count: 0 });
  const nodes = useRef(new Map<string, HTMLElement>());
  const refs = useRef(new Map<string, (el: HTMLElement | null) => void>());
  const anchor = useRef<Anchor | null>(null);
  const lastTop = useRef<number | null>(null);
  const [, setMeasured] = useState(0);

  /** Records the first row visible at the top of the viewport (and the scroll position it was taken at). */
  const record = (): void => {
    if (!scroller) return;
    lastTop.current = viewport.top = scroller.scrollTop;
    viewport.height = scroller.clientHeight;
    const top = scroller.getBoundingClientRect().top;
    let best: Anchor | null = null;
    for (const [key, el] of nodes.current) {
      const rect = el.getBoundingClientRect();
      if (rect.bottom > top && (!best || rect.top - top < best.offset)) best = { key, offset: rect.top - top };
    }
    anchor.current = best;
  };

  /**
   * Pins the bottom, or puts the anchor row back at its offset — unless the reader scrolled since the last settle:
   * their scroll event may not have been dispatched yet (another handler's render can run in between), and their
   * position always wins, so the anchor is re-taken instead.
   */
  const settle = (): void => {
    if (!scroller) return;
    const before = scroller.scrollTop;
    if (lastTop.current !== null && Math.abs(before - lastTop.current) > 0.5) return record();
    if (pinBottom()) scroller.scrollTop = scroller.scrollHeight;
    else {
      const a = anchor.current;
      const el = a && nodes.current.get(a.key);
      if (a && el) scroller.scrollTop += el.getBoundingClientRect().top - scroller.getBoundingClientRect().top - a.offset;
    }
    if (scroller.scrollTop !== before) onProgrammaticScroll(scroller.scrollTop);
    record();
  };
  const settleRef = useRef(settle);
  settleRef.current = settle;
  const recordRef = useRef(record);
  recordRef.current = record;
  const windowedRef = useRef(false);

  const observer = useMemo(
    () =>
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver((entries) => {
            let changed = false;
            for (const entry of entries) {
              const key = (entry.target as HTMLElement).dataset.key;
              if (!key) continue;
              const h = entry.borderBoxSize?.[0]?.blockSize ?? (entry.target as HTMLElement).offsetHeight;
              const old = heights.current.get(key);
              if (old !== undefined && Math.abs(h - old) < 0.5) continue;
              if (old === undefined) {
                stats.current.total += h;
                stats.current.count += 1;
              } else stats.current.total += h - old;
              heights.current.set(key, h);
              changed = true;
            }
            // Runs after layout, before paint: correct now so a row that grew above the reader never shows a jump.
            // Only a windowed list needs to re-render for new heights (its spacers and window depend on them).
            if (changed) {
              settleRef.current();
              if (windowedRef.current) setMeasured((n) => n + 1);
            }
          }),
    // One observer for the list's life: rows mounted before the scroller is known are observed by it too.
    [],
  );
  useLayoutEffect(() => () => observer?.disconnect(), [observer]);
  // The anchor follows the reader: after their scroll, what they look at is what must stay in place.
  useLayoutEffect(() => {
    if (!scroller) return undefined;
    const onScroll = (): void => recordRef.current();
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => scroller.removeEventListener('scroll', onScroll);
  }, [scroller]);
  // Every render can prepend rows or change the window and spacers: settle before paint.
  useLayoutEffect(settle);

  const estimate = stats.current.count ? stats.current.total / stats.current.count : ESTIMATE;
  // Windowed even before the scroller is known (a remount over a long loaded thread): the window then sits at
  // the bottom, or the top, with no height yet, and widens once the scroller has been measured.
  const windowed = items.length >= WINDOW_FROM;
  windowedRef.current = windowed;
  let start = 0;
  let end = items.length;
  let before = 0;
  let after = 0;
  if (windowed) {
    const offsets = new Float64Array(items.length + 1);
    const a = anchor.current;
    let at: number | undefined;
    for (let i = 0; i < items.length; i++) {
      const key = keyOf(items[i] as T);
      if (key === a?.key) at = i;
      offsets[i + 1] = (offsets[i] as number) + (heights.current.get(key) ?? estimate);
    }
    const total = offsets[items.length] as number;
    // Window around where the view is about to be, not where it was: after a prepend the anchor row moves down by
    // the new rows' height, and settle() can only put it back if it is rendered.
    const readerMoved = lastTop.current !== null && Math.abs(viewport.top - lastTop.current) > 0.5;
    const viewTop = readerMoved
      ? viewport.top
      : pinBottom()
        ? total - viewport.height
        : at !== undefined && a
          ? (offsets[at] as number) - a.offset
          : viewport.top;
    const from = viewTop - OVERSCAN;
    const to = viewTop + viewport.height + OVERSCAN;
    start = 0;
    while (start < items.length - 1 && (offsets[start + 1] as number) < from) start++;
    end = start;
    while (end < items.length && (offsets[end] as number) <= to) end++;
    before = offsets[start] as number;
    after = total - (offsets[end] as number);
  }
  void tick;

  // One ref callback per row, kept across renders: a new function each render would make Preact detach and
  // re-attach every row, and re-observing a row makes the ResizeObserver report it (and settle) again.
  const ref = (key: string): ((el: HTMLElement | null) => void) => {
    let cb = refs.current.get(key);
    if (!cb) {
      cb = (el) => {
        const known = nodes.current.get(key);
        if (known === el) return;
        if (known) observer?.unobserve(known);
        if (el) {
          nodes.current.set(key, el);
          observer?.observe(el);
        } else {
          nodes.current.delete(key);
          refs.current.delete(key);
        }
      };
      refs.current.set(key, cb);
    }
    return cb;
  };

  return (
    <>
      {before > 0 && <div class="ck-spacer" style={{ height: `${before}px` }} aria-hidden="true" />}
      {items.slice(start, end).map((item, i) => {
        const key = keyOf(item);
        return (
          <div key={key} data-key={key} class="ck-row" ref={ref(key)}>
            {render(item, start + i)}
          </div>
        );
      })}
      {after > 0 && <div class="ck-spacer" style={{ height: `${after}px` }} aria-hidden="true" />}
    </>
  );
}
