/**
 * Items other than messages (a lazy chunk, see lazy-modules.ts): widgets, workflows and tasks, client tool
 * calls, generated images, structured input. `end_of_turn` and hidden types render nothing.
 */
import type { ThreadItem } from '../../protocol/items.ts';
import { ClientToolCall } from './client-tool.tsx';
import { GeneratedImage } from './generated-image.tsx';
import { StructuredInputView } from './structured-input.tsx';
import { TaskView } from './task.tsx';
import { WidgetItemView } from './widget-item.tsx';
import { WorkflowView } from './workflow.tsx';

/** Any non-message item. */
export function RichItem({ item, pending, actions }: { item: ThreadItem; pending: boolean; actions?: string | undefined }) {
  switch (item.type) {
    case 'widget':
      return <WidgetItemView item={item} pending={pending} actions={actions} />;
    case 'workflow':
      return <WorkflowView item={item} pending={pending} />;
    case 'task':
      return (
        <div class="ck-task-item">
          <TaskView task={item.task} streaming={pending} />
        </div>
      );
    case 'client_tool_call':
      return <ClientToolCall item={item} />;
    case 'generated_image':
      return <GeneratedImage item={item} pending={pending} />;
    case 'structured_input':
      return <StructuredInputView item={item} />;
    default:
      return null;
  }
}
