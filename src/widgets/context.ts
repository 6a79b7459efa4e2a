/** What every widget component reads from above: scheme, URL policy, strings, and the action runner. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { DeeplinkHandler } from '../markdown/markdown.tsx';
import type { UrlPolicy } from '../markdown/url-policy.ts';
import type { Scheme } from './colors.ts';
import type { WidgetStrings } from './strings.ts';

/** Which control fired an action; decides what `loadingBehavior: 'auto'` means (CHATKIT.md §3.11). */
export type ActionKind = 'press' | 'change' | 'confirm' | 'submit';

/** How one action is fired. */
export interface RunOptions {
  /** The element that fired it; its form (if any) supplies the field values. */
  el: Element | null;
  kind: ActionKind;
  /** For change actions: the control's new value, sent as `payload.value`. */
  value?: unknown;
  /** Check native validation (`required`, `pattern`) of the form first and stop when it fails. */
  validate?: boolean;
  /** Turns the control's own loading state on and off (`loadingBehavior: 'self'`). */
  self?: (loading: boolean) => void;
}

/** Fires an action; resolves true when it completed, false when it was blocked, invalid or rejected. */
export type RunAction = (action: unknown, options: RunOptions) => Promise<boolean>;

/** The context value shared by a widget tree. */
export interface WidgetContextValue {
  scheme: Scheme;
  policy: UrlPolicy;
  strings: WidgetStrings;
  itemId: string;
  /** Field names some `Label` points at; other controls label themselves. */
  labelled: ReadonlySet<string>;
  run: RunAction;
  onDeeplink?: DeeplinkHandler | undefined;
}

/** The widget tree's context; provided by WidgetView (and re-provided by roots that force a scheme). */
export const WidgetContext = createContext<WidgetContextValue | null>(null);

/** Reads the widget context; components only render inside WidgetView. */
export function useWidget(): WidgetContextValue {
  const ctx = useContext(WidgetContext);
  if (!ctx) throw new Error('widget components render inside WidgetView');
  return ctx;
}

/** The DOM id of the control named `name` in widget `itemId`, so `Label.fieldName` can point at it. */
export const fieldId = (itemId: string, name: string): string => `ck-w-${itemId}-${name}`.replace(/\s/g, '_');
