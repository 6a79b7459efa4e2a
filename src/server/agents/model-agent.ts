/**
 * An agent backed by a real model through any OpenAI-compatible chat completions API. It sends the thread's
 * recent user and assistant messages and streams the reply exactly as the Agents SDK path does:
 * added → content_part.added → text_delta… → content_part.done → done.
 */
import { isHiddenItemType, type StoredThreadItem } from '../../protocol/index.ts';
import type { ActionFn, RespondFn } from '../server-types.ts';
import {
  assistantItem,
  closeMessage,
  itemUpdated,
  openMessage,
  streamText,
  titleFor,
  type Agent,
} from './agent-kit.ts';
import { streamChatCompletion, type ChatMessage, type ChatModelConfig } from './openai-chat.ts';

/** Options of `createModelAgent`. */
export interface ModelAgentOptions extends Partial<Pick<ChatModelConfig, 'baseUrl' | 'model' | 'fetch'>> {
  apiKey: string;
  /** The system prompt. */
  instructions?: string;
  /** How many recent items make up the history sent to the model (default 50). */
  historyItems?: number;
}

/** The default API root. */
export const DEFAULT_OPENAI_BASE_URL = 'https://api.openai.com/v1';
/** The default model. */
export const DEFAULT_OPENAI_MODEL = 'gpt-4o-mini';
const DEFAULT_INSTRUCTIONS = 'You are a helpful assistant embedded in a website. Answer concisely, in Markdown.';

/** The chat messages for a thread's items: user and assistant text only, oldest first. */
export function toChatMessages(items: readonly StoredThreadItem[]): ChatMessage[] {
  const messages: ChatMessage[] = [];
  for (const item of items) {
    if (isHiddenItemType(item.type)) continue;
    if (item.type === 'user_message') {
      const text = item.content.map((part) => part.text).join(' ');
      const files = item.attachments.map((a) => a.name);
      const content = files.length ? `${text}\n\n(Attached: ${files.join(', ')})` : text;
      messages.push({ role: 'user', content: item.quoted_text ? `> ${item.quoted_text}\n\n${content}` : content });
    } else if (item.type === 'assistant_message') {
      messages.push({ role: 'assistant', content: item.content.map((part) => part.text).join('\n') });
    }
  }
  return messages;
}

/** Creates the model-backed agent. */
export function createModelAgent(options: ModelAgentOptions): Agent {
  const config: ChatModelConfig = {
    apiKey: options.apiKey,
    baseUrl: options.baseUrl ?? DEFAULT_OPENAI_BASE_URL,
    model: options.model ?? DEFAULT_OPENAI_MODEL,
    fetch: options.fetch,
  };
  const system: ChatMessage = { role: 'system', content: options.instructions ?? DEFAULT_INSTRUCTIONS };

  const respond: RespondFn = async function* (thread, input, ctx) {
    if (input && !thread.title) thread.title = titleFor(input.content.map((part) => part.text).join(' '));
    const page = await ctx.store.loadThreadItems(thread.id, { limit: options.historyItems ?? 50, order: 'desc' });
    const messages = [system, ...toChatMessages([...page.data].reverse())];
    const item = assistantItem(ctx.generateId('message'), thread.id, '');
    let text = '';
    let started = false;
    for await (const delta of streamChatCompletion(config, messages, ctx.signal)) {
      // Opened with the first token, so a request that fails outright leaves no empty message behind.
      if (!started) yield* openMessage(item);
      started = true;
      text += delta;
      yield itemUpdated(item.id, { type: 'assistant_message.content_part.text_delta', content_index: 0, delta });
    }
    if (!started) yield* openMessage(item);
    yield* closeMessage(item, text);
  };

  const action: ActionFn = (thread, act, _sender, ctx) =>
    streamText(thread, ctx, `This assistant does not handle widget actions (received \`${act.type.slice(0, 60)}\`).`);

  return { respond, action };
}
