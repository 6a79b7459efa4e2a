/** State shared by controls: the spinner, the change-action hook, and dismissing a popover. */
import type { RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { WidgetComponent } from '../../protocol/widgets.ts';
import { useWidget } from '../context.ts';

/** A spinner announced as loading. */
export function Spinner() {
  return <span class="ck-w-spinner" role="status" aria-label={useWidget().strings.loading} />;
}

/** `[loading, fire]`: `fire(el, value)` sends the node's `onChangeAction` with the new value. */
export function useChangeAction(node: WidgetComponent): [boolean, (el: Element, value: unknown) => void] {
  const { run } = useWidget();
  const [loading, setLoading] = useState(false);
  const fire = (el: Element, value: unknown) => {
    if (node.onChangeAction) void run(node.onChangeAction, { el, kind: 'change', value, self: setLoading });
  };
  return [loading, fire];
}

/**
 * While `open`: a pointer down outside `popover` and `anchor`, or a scroll of anything but `popover`, calls
 * `dismiss`. Popovers are fixed to the viewport (a card clips what overflows it), so a scroll would leave them
 * floating away from their control.
 */
export function usePopoverDismiss(open: boolean, anchor: RefObject<Element>, popover: RefObject<Element>, dismiss: () => void): void {
  useEffect(() => {
    if (!open) return undefined;
    const outside = (e: Event): void => {
      const t = e.target as Node;
      if (!anchor.current?.contains(t) && !popover.current?.contains(t)) dismiss();
    };
    const scrolled = (e: Event): void => {
      if (!popover.current?.contains(e.target as Node)) dismiss();
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('scroll', scrolled, true);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('scroll', scrolled, true);
    };
  }, [open]);
}
