/**
 * A minimal client for OpenAI-compatible `POST {baseUrl}/chat/completions` with `stream: true` (OpenAI,
 * Azure-style proxies, Ollama, vLLM, LM Studio…): yields text deltas, turns provider errors into
 * `CustomStreamError`s the user can read and retry. Plain `fetch`, no SDK.
 */
import { readSse } from '../../client/sse.ts';
import { CustomStreamError } from '../errors.ts';

/** One chat message as the API takes it. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Where and how to call the model. */
export interface ChatModelConfig {
  apiKey: string;
  /** API root, e.g. `https://api.openai.com/v1`. */
  baseUrl: string;
  model: string;
  /** Injected for tests and custom transports (default: global `fetch`). */
  fetch?: typeof fetch;
}

type Chunk = { choices?: { delta?: { content?: unknown } }[]; error?: { message?: unknown } };

function providerMessage(body: string, status: number): string {
  try {
    const message = (JSON.parse(body) as Chunk).error?.message;
    if (typeof message === 'string' && message) return message;
  } catch {
    // Not JSON: fall through to the status line.
  }
  return `The model provider answered HTTP ${status}.`;
}

/** Streams the model's reply to `messages` as text deltas. */
export async function* streamChatCompletion(
  config: ChatModelConfig,
  messages: readonly ChatMessage[],
  signal: AbortSignal,
): AsyncGenerator<string> {
  const doFetch = config.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(`${config.baseUrl.replace(/\/+$/, '')}/chat/completions`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${config.apiKey}`,
        'content-type': 'application/json',
        accept: 'text/event-stream',
      },
      body: JSON.stringify({ model: config.model, messages, stream: true }),
      signal,
    });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new CustomStreamError(`Could not reach the model provider (${(error as Error).message}).`, true);
  }
  if (!response.ok || !response.body) {
    throw new CustomStreamError(providerMessage(await response.text(), response.status), true);
  }
  for await (const data of readSse(response.body, signal)) {
    if (data.trim() === '[DONE]') return;
    let chunk: Chunk;
    try {
      chunk = JSON.parse(data) as Chunk;
    } catch {
      continue; // Keep-alive comments and vendor noise are not ours to fail on.
    }
    if (chunk.error) throw new CustomStreamError(providerMessage(data, response.status), true);
    const content = chunk.choices?.[0]?.delta?.content;
    if (typeof content === 'string' && content) yield content;
  }
}
