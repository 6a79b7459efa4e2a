/** The `ListView` root and its `ListViewItem`s (CHATKIT.md §4.2). */
import { h } from 'preact';
import { useState } from 'preact/hooks';
import type { WidgetComponent } from '../../protocol/widgets.ts';
import { boxProps, cx } from '../block-style.ts';
import { useWidget } from '../context.ts';
import { childNodes, renderChildren, renderNodes, type NodeProps } from '../render-node.tsx';
import { readInt } from '../values.ts';
import { Status } from './button.tsx';
import { Spinner } from './control-state.tsx';
import { Themed } from './layout.tsx';

/** `ListView`: its `ListViewItem` children, the first `limit` of them until "Show more". */
export function ListView({ node, depth }: NodeProps) {
  const { strings } = useWidget();
  const [expanded, setExpanded] = useState(false);
  const items = childNodes(node).filter((c) => c.type === 'ListViewItem');
  // `limit: 'auto'` (or none) shows every item.
  const limit = readInt(node.limit, 1, 100_000);
  const hidden = limit !== undefined && items.length > limit;
  const shown = hidden && !expanded ? items.slice(0, limit) : items;
  return (
    <Themed theme={node.theme}>
      {(themeClass) => (
        <div class={cx('ck-w-list', themeClass)}>
          <Status status={node.status} />
          <ul class="ck-w-list-items">{renderNodes(shown, depth)}</ul>
          {hidden && (
            <button type="button" class="ck-w-more" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
              {expanded ? strings.showLess : strings.showMore}
            </button>
          )}
        </div>
      )}
    </Themed>
  );
}

// Component types that hold (or may hold) their own controls or links; a <button> must not contain them.
const INTERACTIVE = new Set(['Button', 'Input', 'Textarea', 'Select', 'DatePicker', 'Checkbox', 'RadioGroup', 'Form', 'Markdown', 'Image', 'Chart']);

function hasInteractive(node: WidgetComponent, depth = 0): boolean {
  return depth > 64 || childNodes(node).some((c) => INTERACTIVE.has(c.type) || c.editable || hasInteractive(c, depth + 1));
}

/** `ListViewItem`: a row; with `onClickAction` the whole row is a button (a keyboard-operable one if it holds controls). */
export function ListViewItem({ node, depth }: NodeProps) {
  const { scheme, run } = useWidget();
  const [loading, setLoading] = useState(false);
  const p = boxProps(node, scheme, 'row', 'ck-w-list-row');
  const content = [renderChildren(node, depth), loading && <Spinner />];
  const action = node.onClickAction;
  if (!action) return h('li', { class: 'ck-w-list-item' }, h('div', p, content));
  const fire = (el: Element) => void run(action, { el, kind: 'press', self: setLoading });
  const inner = hasInteractive(node)
    ? h('div', {
        ...p,
        class: cx(p.class, 'ck-w-pressable'),
        role: 'button',
        tabIndex: 0,
        'aria-disabled': loading || undefined,
        onClick: (e: MouseEvent) => {
          const target = e.target as Element;
          // A click on a control inside the row belongs to that control.
          if (!loading && target.closest('button,input,select,textarea,a,label,[role=button]') === e.currentTarget) fire(e.currentTarget as Element);
        },
        onKeyDown: (e: KeyboardEvent) => {
          if (e.target !== e.currentTarget || (e.key !== 'Enter' && e.key !== ' ')) return;
          e.preventDefault();
          if (!loading) fire(e.currentTarget as Element);
        },
      }, content)
    : h('button', { ...p, class: cx(p.class, 'ck-w-pressable'), type: 'button', disabled: loading, onClick: (e: MouseEvent) => fire(e.currentTarget as Element) }, content);
  return h('li', { class: 'ck-w-list-item' }, inner);
}
