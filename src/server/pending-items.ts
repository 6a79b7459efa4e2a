/**
 * Items that were `added` but are not `done` yet. The server keeps their latest state so that, when the client
 * cancels, the partial answer is not lost (chatkit-python's `handle_stream_cancelled`).
 */
import type {
  AssistantMessageContent,
  AssistantMessageItem,
  SdkHiddenContextItem,
  StoredThreadItem,
  ThreadItemUpdate,
  ThreadMetadata,
} from '../protocol/index.ts';
import { now } from './serialize.ts';
import type { RequestEnv } from './server-types.ts';

/** The note stored on cancellation, so the next response does not resume the abandoned one. */
export const CANCELLED_NOTE = 'The user cancelled the stream. Stop responding to the prior request.';

function updateAssistant(item: AssistantMessageItem, update: ThreadItemUpdate): AssistantMessageItem {
  if (!('content_index' in update)) return item;
  const content: AssistantMessageContent[] = item.content.map((part) => ({
    ...part,
    annotations: [...part.annotations],
  }));
  while (content.length <= update.content_index) content.push({ type: 'output_text', text: '', annotations: [] });
  const part = content[update.content_index] as AssistantMessageContent;
  switch (update.type) {
    case 'assistant_message.content_part.added':
    case 'assistant_message.content_part.done':
      content[update.content_index] = update.content;
      break;
    case 'assistant_message.content_part.text_delta':
      part.text += update.delta;
      break;
    case 'assistant_message.content_part.annotation_added':
      part.annotations.splice(Math.min(update.annotation_index, part.annotations.length), 0, update.annotation);
      break;
  }
  return { ...item, content };
}

/** Applies an update to a pending item; only assistant messages and workflows are tracked, as in the SDK. */
export function applyPendingUpdate(item: StoredThreadItem, update: ThreadItemUpdate): StoredThreadItem {
  if (item.type === 'assistant_message') return updateAssistant(item, update);
  if (item.type !== 'workflow') return item;
  const tasks = [...item.workflow.tasks];
  if (update.type === 'workflow.task.added') tasks.push(update.task);
  else if (update.type === 'workflow.task.updated') tasks[update.task_index] = update.task;
  else return item;
  return { ...item, workflow: { ...item.workflow, tasks } };
}

function hasText(item: AssistantMessageItem): boolean {
  return item.content.some((part) => part.text.trim() !== '');
}

/** Saves pending assistant messages that have text, then the hidden "user cancelled" note. */
export async function persistCancelled<C>(
  thread: ThreadMetadata,
  pending: Iterable<StoredThreadItem>,
  env: RequestEnv<C>,
): Promise<void> {
  for (const item of pending) {
    if (item.type === 'assistant_message' && hasText(item)) await env.store.addThreadItem(thread.id, item);
  }
  const note: SdkHiddenContextItem = {
    id: env.ctx.generateId('sdk_hidden_context'),
    thread_id: thread.id,
    created_at: now(),
    type: 'sdk_hidden_context',
    content: CANCELLED_NOTE,
  };
  await env.store.addThreadItem(thread.id, note);
}
