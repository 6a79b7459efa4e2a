/**
 * Applies one `thread.item.updated` payload to an item (CHATKIT.md §3.4). Pure and copy-on-write along the changed
 * path only: a long answer arrives as thousands of text deltas, so nothing else of the item is cloned.
 * An update that does not fit the item (a text delta for a widget, an index far past the end) returns the item
 * unchanged, which is how callers detect it.
 */
import type {
  AssistantMessageContent,
  AssistantMessageItem,
  ThreadItem,
  ThreadItemUpdate,
  WorkflowItem,
} from '../protocol/index.ts';
import { appendStreamingText, editComponent } from './apply-widget-update.ts';

// Padding fills a gap of missing content parts; a hostile index of 1e9 must not allocate a billion of them.
const MAX_GAP = 64;

const emptyPart = (): AssistantMessageContent => ({ type: 'output_text', text: '', annotations: [] });

/** Inserts at `index`, or appends when `index` is past the end. */
function insertAt<T>(list: readonly T[], index: number, value: T): T[] {
  const copy = list.slice();
  copy.splice(Math.min(index, copy.length), 0, value);
  return copy;
}

function editPart(
  item: AssistantMessageItem,
  index: number,
  edit: (part: AssistantMessageContent) => AssistantMessageContent,
): AssistantMessageItem {
  if (index - item.content.length > MAX_GAP) return item;
  const content = item.content.slice();
  while (content.length < index) content.push(emptyPart());
  content[index] = edit(content[index] ?? emptyPart());
  return { ...item, content };
}

type Tasks = WorkflowItem['workflow']['tasks'];

function editTasks(item: WorkflowItem, edit: (tasks: Tasks) => Tasks): WorkflowItem {
  return { ...item, workflow: { ...item.workflow, tasks: edit(item.workflow.tasks) } };
}

/** Applies one item update; returns the same item object when the update does not apply to it. */
export function applyItemUpdate(item: ThreadItem, update: ThreadItemUpdate): ThreadItem {
  switch (update.type) {
    case 'assistant_message.content_part.added':
    case 'assistant_message.content_part.done':
      if (item.type !== 'assistant_message') return item;
      return editPart(item, update.content_index, () => update.content);
    case 'assistant_message.content_part.text_delta':
      if (item.type !== 'assistant_message') return item;
      return editPart(item, update.content_index, (part) => ({ ...part, text: part.text + update.delta }));
    case 'assistant_message.content_part.annotation_added':
      if (item.type !== 'assistant_message') return item;
      return editPart(item, update.content_index, (part) => ({
        ...part,
        annotations: insertAt(part.annotations, update.annotation_index, update.annotation),
      }));
    case 'widget.streaming_text.value_delta': {
      if (item.type !== 'widget') return item;
      const widget = editComponent(item.widget, update.component_id, (c) =>
        appendStreamingText(c, update.delta, update.done),
      );
      return widget === item.widget ? item : { ...item, widget };
    }
    case 'widget.root.updated':
      return item.type === 'widget' ? { ...item, widget: update.widget } : item;
    case 'widget.component.updated': {
      if (item.type !== 'widget') return item;
      const widget = editComponent(item.widget, update.component_id, () => update.component);
      return widget === item.widget ? item : { ...item, widget };
    }
    case 'workflow.task.added':
      if (item.type !== 'workflow') return item;
      return editTasks(item, (tasks) => insertAt(tasks, update.task_index, update.task));
    case 'workflow.task.updated':
      if (item.type !== 'workflow') return item;
      return editTasks(item, (tasks) => {
        const copy = tasks.slice();
        // SDK indexes always exist; an index past the end is treated as an append rather than dropped.
        copy[Math.min(update.task_index, copy.length)] = update.task;
        return copy;
      });
    case 'generated_image.updated': {
      if (item.type !== 'generated_image') return item;
      const next = { ...item, image: update.image };
      if (update.progress === undefined) delete next.progress;
      else next.progress = update.progress;
      return next;
    }
    default:
      return item;
  }
}
