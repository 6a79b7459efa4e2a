/**
 * `WidgetView`: renders one widget item's tree and runs its actions (CHATKIT.md §3.11). The caller decides
 * where an action goes (host, `threads.custom_action`, `threads.sync_custom_action`); this view owns the UI
 * side: form values, native validation, loading states while the returned promise is pending.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import type { DeeplinkHandler } from '../markdown/markdown.tsx';
import type { UrlPolicy } from '../markdown/url-policy.ts';
import type { ActionConfig, WidgetComponent, WidgetRoot } from '../protocol/widgets.ts';
import { cx } from './block-style.ts';
import type { Scheme } from './colors.ts';
import { WidgetContext, type ActionKind, type RunAction, type WidgetContextValue } from './context.ts';
import { collectValues, mergeValues } from './form-values.ts';
import { childNodes, isNode, renderNode } from './render-node.tsx';
import { DEFAULT_WIDGET_STRINGS, type WidgetStrings } from './strings.ts';
import { readEnum, readObject } from './values.ts';

/** Props of {@link WidgetView}. */
export interface WidgetViewProps {
  /** `Card`, `ListView` or `Basic`; any other root renders nothing. */
  widget: WidgetRoot;
  itemId: string;
  colorScheme: Scheme;
  policy: UrlPolicy;
  /** Called for every action; loading states last until the promise settles (a rejection just clears them). */
  onAction: (action: ActionConfig, ctx: { itemId: string; values?: Record<string, unknown> }) => Promise<void>;
  /** Pass a stable object: a new one re-renders the whole tree. */
  strings?: Partial<WidgetStrings> | undefined;
  /** Problems worth surfacing, such as a form value dropped because the payload already had its key. */
  onError?: ((message: string) => void) | undefined;
  onDeeplink?: DeeplinkHandler | undefined;
}

const ROOTS = ['Card', 'ListView', 'Basic'];
const LOADING = ['self', 'container', 'none'] as const;
// What `loadingBehavior: 'auto'` means per trigger (CHATKIT.md §3.11).
const AUTO: Record<ActionKind, (typeof LOADING)[number]> = { press: 'self', change: 'none', confirm: 'container', submit: 'container' };

/** The known keys of an action config, or undefined when it has no string `type`. */
export function readAction(v: unknown): ActionConfig | undefined {
  const o = readObject(v);
  const type = o?.type;
  if (!o || typeof type !== 'string' || !type || type.length > 500) return undefined;
  const action: ActionConfig = { type };
  // A null payload (never sent by Python, which strips nulls) counts as none, so form values can merge.
  if (o.payload != null) action.payload = o.payload;
  const handler = readEnum(o.handler, ['client', 'server'] as const);
  const loading = readEnum(o.loadingBehavior, ['auto', ...LOADING] as const);
  if (handler) action.handler = handler;
  if (loading) action.loadingBehavior = loading;
  if (typeof o.streaming === 'boolean') action.streaming = o.streaming;
  return action;
}

function collectLabels(node: WidgetComponent, out: Set<string>, depth = 0): Set<string> {
  if (node.type === 'Label' && typeof node.fieldName === 'string') out.add(node.fieldName);
  if (depth < 64) for (const c of childNodes(node)) collectLabels(c, out, depth + 1);
  return out;
}

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size === b.size && [...a].every((x) => b.has(x));

/** Renders a widget root; component state (typed values, open selects) survives `widget` updates. */
export function WidgetView(props: WidgetViewProps) {
  const [busy, setBusy] = useState(0);
  const live = useRef(props);
  live.current = props;
  const labelsRef = useRef<ReadonlySet<string>>(new Set());
  const labels = isNode(props.widget) ? collectLabels(props.widget, new Set()) : new Set<string>();
  // Kept by value so a streamed delta does not hand every component a new context.
  if (!sameSet(labels, labelsRef.current)) labelsRef.current = labels;
  const strings = useMemo(() => ({ ...DEFAULT_WIDGET_STRINGS, ...props.strings }), [props.strings]);

  const run = useMemo<RunAction>(
    () => async (raw, o) => {
      const p = live.current;
      const action = readAction(raw);
      if (!action) return false;
      const form = o.el?.closest('form') ?? null;
      if (o.validate && form && !form.reportValidity()) return false;
      let payload = action.payload;
      if (o.value !== undefined) payload = { ...readObject(payload), value: o.value };
      let values: Record<string, unknown> | undefined;
      if (form) {
        values = collectValues(form);
        const merged = mergeValues(payload, values);
        payload = merged.payload;
        for (const key of merged.collisions) p.onError?.(`Form field "${key}" was not sent: the action payload already has that key.`);
      }
      const wanted = readEnum(action.loadingBehavior, LOADING) ?? AUTO[o.kind];
      const self = wanted === 'self' ? o.self : undefined;
      const container = wanted === 'container' || (wanted === 'self' && !self);
      if (container) setBusy((n) => n + 1);
      self?.(true);
      try {
        await p.onAction(payload === undefined ? action : { ...action, payload }, values ? { itemId: p.itemId, values } : { itemId: p.itemId });
        return true;
      } catch {
        return false;
      } finally {
        if (container) setBusy((n) => n - 1);
        self?.(false);
      }
    },
    [],
  );

  const ctx = useMemo<WidgetContextValue>(
    () => ({
      scheme: props.colorScheme,
      policy: props.policy,
      strings,
      itemId: props.itemId,
      labelled: labelsRef.current,
      run,
      onDeeplink: (name, data) => live.current.onDeeplink?.(name, data),
    }),
    [props.colorScheme, props.policy, strings, props.itemId, labelsRef.current, run],
  );

  if (!isNode(props.widget) || !ROOTS.includes(props.widget.type)) return null;
  return (
    <WidgetContext.Provider value={ctx}>
      <div class={cx('ck-w', busy > 0 && 'ck-w-busy')} inert={busy > 0} aria-busy={busy > 0 || undefined}>
        {renderNode(props.widget, 0)}
      </div>
    </WidgetContext.Provider>
  );
}
