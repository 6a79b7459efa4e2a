/**
 * The backend client: every request is a POST of `{type, params}` to one endpoint (`api.url`), answered with JSON
 * or an SSE stream depending on the request type (CHATKIT.md §3.1). Responses are validated at this boundary;
 * unknown event types are skipped and logged, never fatal. The fetch used is the host's `api.fetch` relayed over
 * the bridge when one is configured, so auth headers and cookies stay on the host.
 */
import type { ParseResult } from '../protocol/parse-result.ts';
import { parseStreamEvent } from '../protocol/parse.ts';
import { isStreamingRequestType } from '../protocol/request-types.ts';
import type { ChatKitRequestInput } from '../protocol/requests.ts';
import type { ThreadStreamEvent } from '../protocol/events.ts';
import { readSse } from './sse.ts';

/** Why a request failed: an HTTP status, a network failure, or a response we could not understand. */
export class ApiError extends Error {
  /** HTTP status, or 0 for network failures and unreadable responses. */
  readonly status: number;
  constructor(message: string, status: number) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

/** Client settings. */
export interface ApiClientConfig {
  url: string;
  fetch: typeof fetch;
  /** Sent as Accept-Language on every request (the resolved UI locale). */
  locale: string;
  /** Extra headers per request (hosted mode's bearer token); may refresh a token first. */
  headers?: () => Promise<Record<string, string>> | Record<string, string>;
  /** Diagnostics (`chatkit.log`): skipped events and the like. */
  log?: (name: string, data?: Record<string, unknown>) => void;
}

/** The operations the store uses. */
export interface ApiClient {
  /** A JSON request, validated with `parse`. */
  json<T>(request: ChatKitRequestInput, parse: (value: unknown) => ParseResult<T>, signal?: AbortSignal): Promise<T>;
  /** A streaming request: yields each valid event; ends when the body ends. */
  stream(request: ChatKitRequestInput, signal?: AbortSignal): AsyncGenerator<ThreadStreamEvent>;
}

async function errorMessage(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: { message?: unknown } | string; message?: unknown };
    const message = typeof body.error === 'string' ? body.error : (body.error?.message ?? body.message);
    if (typeof message === 'string' && message) return message;
  } catch {
    // Not JSON; fall through to the status line.
  }
  return `The server answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
}

/** Creates a client for one endpoint. */
export function createApiClient(config: ApiClientConfig): ApiClient {
  async function post(request: ChatKitRequestInput, signal?: AbortSignal): Promise<Response> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: isStreamingRequestType(request.type) ? 'text/event-stream' : 'application/json',
      'accept-language': config.locale,
      ...(await config.headers?.()),
    };
    let res: Response;
    try {
      res = await config.fetch(config.url, { method: 'POST', headers, body: JSON.stringify(request), signal });
    } catch (e) {
      if (signal?.aborted) throw signal.reason;
      throw new ApiError(`Could not reach the chat server (${e instanceof Error ? e.message : String(e)})`, 0);
    }
    if (!res.ok) throw new ApiError(await errorMessage(res), res.status);
    return res;
  }

  return {
    async json(request, parse, signal) {
      const res = await post(request, signal);
      let value: unknown;
      try {
        value = await res.json();
      } catch {
        throw new ApiError(`The chat server sent an unreadable answer to ${request.type}`, 0);
      }
      const parsed = parse(value);
      if (!parsed.ok) throw new ApiError(`The chat server sent an invalid answer to ${request.type}: ${parsed.error}`, 0);
      return parsed.value;
    },
    async *stream(request, signal) {
      const res = await post(request, signal);
      if (!res.body) throw new ApiError('The chat server sent an empty stream', 0);
      for await (const data of readSse(res.body, signal)) {
        let value: unknown;
        try {
          value = JSON.parse(data);
        } catch {
          config.log?.('stream.event_unreadable', { data: data.slice(0, 200) });
          continue;
        }
        const parsed = parseStreamEvent(value);
        if (parsed.ok) yield parsed.value;
        else config.log?.(parsed.ignored ? 'stream.event_ignored' : 'stream.event_invalid', { error: parsed.error });
      }
    },
  };
}
