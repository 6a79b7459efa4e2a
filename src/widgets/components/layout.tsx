/** Layout components (CHATKIT.md §4.3) and the `Basic` root. */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { boxProps, cx, type Style } from '../block-style.ts';
import { resolveColor, type Scheme } from '../colors.ts';
import { WidgetContext, useWidget } from '../context.ts';
import { childNodes, renderChildren, renderNode, type NodeProps } from '../render-node.tsx';
import { readEnum, readLength, readSpace } from '../values.ts';

const SCHEMES = ['light', 'dark'] as const;

/** The `theme` of a root as a class, and its subtree drawn in that scheme (ThemeColor picks follow it). */
export function Themed(props: { theme: unknown; children: (themeClass: string | undefined, scheme: Scheme) => ComponentChildren }) {
  const ctx = useWidget();
  const forced = readEnum(props.theme, SCHEMES);
  const value = useMemo(() => (forced && forced !== ctx.scheme ? { ...ctx, scheme: forced } : ctx), [ctx, forced]);
  const body = props.children(forced && `ck-w-scheme-${forced}`, value.scheme);
  return value === ctx ? <>{body}</> : <WidgetContext.Provider value={value}>{body}</WidgetContext.Provider>;
}

function FlexBox({ node, depth, direction }: NodeProps & { direction: 'row' | 'col' }) {
  const p = boxProps(node, useWidget().scheme, direction);
  return (
    <div class={p.class} style={p.style}>
      {renderChildren(node, depth)}
    </div>
  );
}

/** `Box`: a flex container, a column unless `direction: 'row'`. */
export function Box({ node, depth }: NodeProps) {
  return <FlexBox node={node} depth={depth} direction={node.direction === 'row' ? 'row' : 'col'} />;
}

/** `Row`: a horizontal flex container. */
export function Row({ node, depth }: NodeProps) {
  return <FlexBox node={node} depth={depth} direction="row" />;
}

/** `Col`: a vertical flex container. */
export function Col({ node, depth }: NodeProps) {
  return <FlexBox node={node} depth={depth} direction="col" />;
}

/** `Basic` root: a flex container (a column by default) that may force a colour scheme. */
export function Basic({ node, depth }: NodeProps) {
  return (
    <Themed theme={node.theme}>
      {(themeClass, scheme) => {
        const p = boxProps(node, scheme, node.direction === 'row' ? 'row' : 'col', cx('ck-w-basic', themeClass));
        return (
          <div class={p.class} style={p.style}>
            {renderChildren(node, depth)}
          </div>
        );
      }}
    </Themed>
  );
}

/** `Form`: a flex container whose submit (button or Enter) validates and fires `onSubmitAction` with its values. */
export function Form({ node, depth }: NodeProps) {
  const { scheme, run } = useWidget();
  const p = boxProps(node, scheme, node.direction === 'row' ? 'row' : 'col', 'ck-w-form');
  const submit = (e: Event) => {
    e.preventDefault();
    if (node.onSubmitAction) void run(node.onSubmitAction, { el: e.currentTarget as Element, kind: 'submit', validate: true });
  };
  return (
    <form class={p.class} style={p.style} onSubmit={submit}>
      {renderChildren(node, depth)}
    </form>
  );
}

/** `Spacer`: takes the free space of its flex container, at least `minSize`. */
export function Spacer({ node }: NodeProps) {
  const min = readLength(node.minSize);
  return <div class="ck-w-spacer" style={min ? { flexBasis: min } : undefined} aria-hidden="true" />;
}

/** `Divider`: a rule across its container (vertical inside a Row). */
export function Divider({ node }: NodeProps) {
  const style: Style = {};
  const color = resolveColor(node.color, useWidget().scheme);
  const size = readLength(node.size);
  const space = readSpace(node.spacing);
  if (color) style['--ck-w-rule-color'] = color;
  if (size) style['--ck-w-rule-size'] = size;
  if (space) style['--ck-w-rule-space'] = space;
  return <hr class={cx('ck-w-divider', node.flush === true && 'ck-w-flush')} style={style} />;
}

const reducedMotion = (): boolean => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
const EASE = { duration: 220, easing: 'cubic-bezier(0.2, 0, 0, 1)' };

/**
 * `Transition`: its single child, with layout changes animated (Web Animations, no style text): when the child
 * is updated the box eases from its old height to the new one, and a different child (another type or key)
 * fades in. Nothing moves under `prefers-reduced-motion`.
 */
export function Transition({ node, depth }: NodeProps) {
  const child = childNodes(node)[0];
  const ref = useRef<HTMLDivElement>(null);
  const last = useRef<{ key: string; height: number } | null>(null);
  const key = child ? `${child.type}\u0000${String(child.key ?? child.id ?? '')}` : '';
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const height = el.getBoundingClientRect().height;
    const prev = last.current;
    last.current = { key, height };
    if (!prev || typeof el.animate !== 'function' || reducedMotion()) return;
    if (prev.key !== key) el.firstElementChild?.animate([{ opacity: 0, transform: 'translateY(4px)' }, { opacity: 1, transform: 'none' }], EASE);
    if (Math.abs(prev.height - height) < 1) return;
    // Clipped only while it animates, so focus rings are not cut off the rest of the time.
    el.classList.add('ck-w-animating');
    const run = el.animate([{ height: `${prev.height}px` }, { height: `${height}px` }], EASE);
    run.onfinish = run.oncancel = () => el.classList.remove('ck-w-animating');
  }, [child]);
  return (
    <div ref={ref} class="ck-w-transition">
      {child && renderNode(child, depth + 1)}
    </div>
  );
}
