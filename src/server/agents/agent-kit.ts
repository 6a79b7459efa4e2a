/** Small helpers for writing agents: streaming text word by word, reading the user's message, pausing. */
import type {
  Annotation,
  AssistantMessageContent,
  AssistantMessageItem,
  ThreadItemUpdate,
  ThreadMetadata,
  UserMessageItem,
} from '../../protocol/index.ts';
import type { ActionFn, RespondContext, RespondFn, ServerEvent } from '../server-types.ts';

/** An agent: the hooks `createChatKitServer` needs from it. */
export interface Agent {
  respond: RespondFn;
  action: ActionFn;
}

/** Waits `ms` milliseconds, or less when `signal` aborts (the caller then sees the abort and stops). */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** The user's message as plain text (tags contribute their display text). */
export function textOf(input: UserMessageItem): string {
  return input.content.map((part) => part.text).join(' ').trim();
}

/** The thread title for a first message: its first line, at most 40 characters. */
export function titleFor(message: string): string {
  const line = message.split('\n')[0]?.trim() ?? '';
  if (!line) return 'New chat';
  return line.length > 40 ? `${line.slice(0, 39).trimEnd()}…` : line;
}

/** A finished assistant message. */
export function assistantItem(
  id: string,
  threadId: string,
  text: string,
  annotations: Annotation[] = [],
): AssistantMessageItem {
  return {
    id,
    thread_id: threadId,
    created_at: new Date().toISOString(),
    type: 'assistant_message',
    content: [{ type: 'output_text', text, annotations }],
  };
}

/** Splits text into word-sized deltas that keep their whitespace, so the deltas concatenate to the text. */
export function wordDeltas(text: string): string[] {
  return text.match(/\s*\S+\s*/g) ?? (text ? [text] : []);
}

/** A `thread.item.updated` event. */
export function itemUpdated(itemId: string, update: ThreadItemUpdate): ServerEvent {
  return { type: 'thread.item.updated', item_id: itemId, update };
}

/** The events that open a streamed assistant message: `added` (no content) and an empty content part. */
export function openMessage(item: AssistantMessageItem): ServerEvent[] {
  const content: AssistantMessageContent = { type: 'output_text', text: '', annotations: [] };
  return [
    { type: 'thread.item.added', item: { ...item, content: [] } },
    itemUpdated(item.id, { type: 'assistant_message.content_part.added', content_index: 0, content }),
  ];
}

/** The events that close a streamed assistant message: `content_part.done`, then `done` with the full item. */
export function closeMessage(item: AssistantMessageItem, text: string, annotations: Annotation[] = []): ServerEvent[] {
  const content: AssistantMessageContent = { type: 'output_text', text, annotations };
  return [
    itemUpdated(item.id, { type: 'assistant_message.content_part.done', content_index: 0, content }),
    { type: 'thread.item.done', item: { ...item, content: [content] } },
  ];
}

/** Options of `streamText`. */
export interface StreamTextOptions {
  /** Pause between words, in milliseconds. */
  delayMs?: number;
  /** Citations, sent after the text (their `index` is a character offset into it). */
  annotations?: Annotation[];
}

/**
 * Streams an assistant message the way the Agents SDK does: added → content_part.added → text deltas →
 * annotations → content_part.done → done.
 */
export async function* streamText<C>(
  thread: ThreadMetadata,
  ctx: RespondContext<C>,
  text: string,
  options: StreamTextOptions = {},
): AsyncGenerator<ServerEvent> {
  const annotations = options.annotations ?? [];
  const item = assistantItem(ctx.generateId('message'), thread.id, text, annotations);
  yield* openMessage(item);
  for (const delta of wordDeltas(text)) {
    await pause(options.delayMs ?? 0, ctx.signal);
    yield itemUpdated(item.id, { type: 'assistant_message.content_part.text_delta', content_index: 0, delta });
  }
  for (const [index, annotation] of annotations.entries()) {
    const update = { content_index: 0, annotation_index: index, annotation };
    yield itemUpdated(item.id, { type: 'assistant_message.content_part.annotation_added', ...update });
  }
  yield* closeMessage(item, text, annotations);
}
