/**
 * Items other than messages: widgets (the renderer is a lazy chunk), workflows and tasks, client tool calls,
 * generated images, structured input. `end_of_turn` and hidden types render nothing.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ThreadItem } from '../../protocol/items.ts';
import { useModels } from '../context.ts';
import { useMarkdown } from '../use-markdown.ts';

declare const __WIDGETS_CSS__: string;
type WidgetModule = typeof import('../../widgets/index.ts');
let widgetModule: Promise<WidgetModule> | undefined;

/** Links the widget stylesheet (hashed name injected by the build); resolves when it applies or fails. */
function loadWidgetStyles(): Promise<void> {
  return new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL(__WIDGETS_CSS__, document.baseURI).href;
    link.onload = () => resolve();
    link.onerror = () => resolve();
    document.head.appendChild(link);
  });
}

/** The widget renderer and its stylesheet, loaded on first use (neither is part of the first-open bundle). */
const loadWidgets = (): Promise<WidgetModule> =>
  (widgetModule ??= Promise.all([import('../../widgets/index.ts'), loadWidgetStyles()]).then(([m]) => m));

function WidgetItemView({ item }: { item: Extract<ThreadItem, { type: 'widget' }> }) {
  const { app, chat } = useModels();
  const md = useMarkdown();
  const [mod, setMod] = useState<WidgetModule | null>(null);
  useEffect(() => {
    let live = true;
    void loadWidgets().then((m) => live && setMod(m), (e: Error) => app.reportError(e));
    return () => void (live = false);
  }, []);
  if (!mod) return <div class="ck-widget-loading" aria-busy="true" />;
  const { WidgetView } = mod;
  return (
    <WidgetView
      widget={item.widget}
      itemId={item.id}
      colorScheme={app.options.value.theme.colorScheme}
      policy={md.policy}
      onAction={(action, ctx) => chat.widgetAction(action, ctx.itemId, ctx.values)}
      onError={(message: string) => app.reportError(new Error(message))}
    />
  );
}

/** Any non-message item. */
export function RichItem({ item, pending }: { item: ThreadItem; pending: boolean }) {
  const { app } = useModels();
  const s = app.strings.value;
  switch (item.type) {
    case 'widget':
      return <WidgetItemView item={item} />;
    case 'workflow':
      return (
        <details class="ck-workflow" open={item.workflow.expanded || pending}>
          <summary>
            {item.workflow.summary && 'title' in item.workflow.summary
              ? item.workflow.summary.title
              : item.workflow.summary && 'duration' in item.workflow.summary
                ? s.thoughtFor.replace('{seconds}', String(item.workflow.summary.duration))
                : pending
                  ? s.thinking
                  : s.working}
          </summary>
          <ol>
            {item.workflow.tasks.map((t, i) => (
              <li key={i} data-status={t.status_indicator}>
                {'title' in t && t.title ? t.title : t.type === 'thought' ? t.content : ''}
              </li>
            ))}
          </ol>
        </details>
      );
    case 'task':
      return <p class="ck-task">{'title' in item.task && item.task.title ? item.task.title : item.task.type === 'thought' ? item.task.content : ''}</p>;
    case 'client_tool_call':
      return item.status === 'pending' ? (
        <p class="ck-tool-call" role="status">
          {s.working}
        </p>
      ) : null;
    case 'generated_image':
      return item.image ? <img class="ck-generated-image" src={item.image.url} alt="" loading="lazy" /> : <p class="ck-task">{s.generatingImage}</p>;
    default:
      return null;
  }
}
