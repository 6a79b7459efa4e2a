/** Public surface of the widget renderer; import it lazily (`import('…/widgets/index.ts')`) so it is its own chunk. */
export { WidgetView, readAction, type WidgetViewProps } from './widget-view.tsx';
export { DEFAULT_WIDGET_STRINGS, type WidgetStrings } from './strings.ts';
