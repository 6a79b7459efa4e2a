/** Loading state shared by controls: the spinner and the change-action hook. */
import { useState } from 'preact/hooks';
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
