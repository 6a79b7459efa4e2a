/**
 * A bottom-anchored windowed list for long threads: only items near the viewport are in the DOM (a 10,000-item
 * thread stays at a few hundred nodes). Heights are measured with a ResizeObserver and estimated until then;
 * spacers stand in for the rest. When an item above the viewport changes height (measured for the first time,
 * or an image loaded), the scroll position is corrected so what the reader looks at does not move.
 * Short lists (the common case) render every item and skip all of this.
 */
import type { ComponentChild } from 'preact';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';

/** Below this many items everything is rendered. */
export const WINDOW_FROM = 80;
/** Pixels rendered beyond the viewport on each side. */
const OVERSCAN = 800;
/** Height assumed for an item before it is measured. */
const ESTIMATE = 96;

/** Props of the list. */
export interface VirtualListProps<T> {
  items: readonly T[];
  keyOf: (item: T) => string;
  render: (item: T, index: number) => ComponentChild;
  /** The scrolling element (the list lives inside it). */
  scroller: HTMLElement | null;
  /** Bumped by the owner on scroll/resize so the window is recomputed. */
  tick: number;
}

/** The windowed list. */
export function VirtualList<T>({ items, keyOf, render, scroller, tick }: VirtualListProps<T>) {
  const heights = useRef(new Map<string, number>());
  const nodes = useRef(new Map<string, Element>());
  const [, setMeasured] = useState(0);
  const observer = useMemo(
    () =>
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver((entries) => {
            let shift = 0;
            let changed = false;
            const top = scroller?.getBoundingClientRect().top ?? 0;
            for (const entry of entries) {
              const key = (entry.target as HTMLElement).dataset.key;
              if (!key) continue;
              const h = entry.borderBoxSize?.[0]?.blockSize ?? (entry.target as HTMLElement).offsetHeight;
              const old = heights.current.get(key) ?? ESTIMATE;
              if (Math.abs(h - old) < 0.5) continue;
              heights.current.set(key, h);
              changed = true;
              // Growth above the viewport would push the visible content down: compensate.
              if (entry.target.getBoundingClientRect().bottom <= top) shift += h - old;
            }
            if (shift && scroller) scroller.scrollTop += shift;
            if (changed) setMeasured((n) => n + 1);
          }),
    [scroller],
  );
  useLayoutEffect(() => () => observer?.disconnect(), [observer]);

  const windowed = items.length >= WINDOW_FROM && scroller !== null;
  let start = 0;
  let end = items.length;
  let before = 0;
  let after = 0;
  if (windowed) {
    const viewTop = scroller.scrollTop - OVERSCAN;
    const viewBottom = scroller.scrollTop + scroller.clientHeight + OVERSCAN;
    let y = 0;
    start = -1;
    for (let i = 0; i < items.length; i++) {
      const h = heights.current.get(keyOf(items[i] as T)) ?? ESTIMATE;
      if (start === -1 && y + h >= viewTop) {
        start = i;
        before = y;
      }
      if (start !== -1 && y > viewBottom) {
        end = i;
        break;
      }
      y += h;
    }
    if (start === -1) start = Math.max(0, items.length - 1);
    for (let i = end; i < items.length; i++) after += heights.current.get(keyOf(items[i] as T)) ?? ESTIMATE;
  }
  void tick;

  const ref = (key: string) => (el: Element | null) => {
    const known = nodes.current.get(key);
    if (known === el) return;
    if (known) observer?.unobserve(known);
    if (el) {
      nodes.current.set(key, el);
      observer?.observe(el);
    } else nodes.current.delete(key);
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
