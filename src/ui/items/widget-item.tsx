/** A widget item: the widget renderer (its own lazy chunk) and, when it closes its turn, the turn's actions. */
import type { WidgetItem } from '../../protocol/items.ts';
import { useModels } from '../context.ts';
import { useMarkdown, useWidgetStrings } from '../use-markdown.ts';
import { MessageActions } from './assistant-message.tsx';
import { loadWidgets, useLazy } from './lazy-modules.ts';

/** One widget item. */
export function WidgetItemView({ item, pending, actions }: { item: WidgetItem; pending: boolean; actions?: string | undefined }) {
  const { app, chat } = useModels();
  const md = useMarkdown();
  const strings = useWidgetStrings(md);
  const mod = useLazy(loadWidgets, app.reportError);
  if (!mod) return <div class="ck-widget-loading" aria-busy="true" />;
  const { WidgetView } = mod;
  return (
    <div class="ck-widget-item">
      <WidgetView
        widget={item.widget}
        itemId={item.id}
        colorScheme={app.options.value.theme.colorScheme}
        policy={md.policy}
        strings={strings}
        onAction={(action, ctx) =>
          chat.widgetAction(action, ctx.itemId).catch((e: Error) => {
            // Reported here; rethrown so the widget clears its loading state as a failed action.
            app.reportError(e);
            throw e;
          })
        }
        onError={(message: string) => app.reportError(new Error(message))}
        onDeeplink={md.onDeeplink}
      />
      {!pending && actions !== undefined && <MessageActions text={actions} itemId={item.id} excerpt={item.copy_text || actions} />}
    </div>
  );
}
