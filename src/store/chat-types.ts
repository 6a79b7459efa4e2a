/** Types of the chat model and its parts (chat-model.ts, thread-loader.ts, item-actions.ts). */
import type { ReadonlySignal, Signal } from '@preact/signals';
import type { ApiClient } from '../client/api-client.ts';
import type { Attachment } from '../protocol/attachments.ts';
import type { InferenceOptions, UserMessageContent } from '../protocol/content.ts';
import type { ChatKitRequestInput } from '../protocol/requests.ts';
import type { AppModel } from './app-model.ts';
import type { ConversationState } from './conversation-state.ts';
import type { KeptState } from './kept-state.ts';

/** A failure the thread shows, with what Retry does. */
export interface Failure {
  message: string;
  retry: (() => Promise<void>) | null;
}

/** What `send` takes (the composer, `sendUserMessage`, start-screen prompts). */
export interface SendInput {
  content: UserMessageContent[];
  attachments?: Attachment[];
  quotedText?: string;
  inference?: InferenceOptions;
  newThread?: boolean;
}

/** Environment seams. */
export interface ChatEnv {
  /** Schedules `commit` before the next paint; returns a cancel function. */
  frame: (commit: () => void) => () => void;
  /** What is kept between page loads (in the host page's storage; see kept-state.ts). */
  kept: KeptState;
  baseUrl: string;
  /** An inline widget (`<openai-chatkit>`): it opens the new-thread view unless `initialThread` names a thread, as
   * ChatKit does, and keeps nothing. The floating widget reopens the kept thread. */
  inline: boolean;
  /** How long a stream may be silent before the turn fails (IDLE_TIMEOUT_MS, 45 s, by default; tests shorten it). */
  idleTimeoutMs?: number;
}


/** What the chat model's parts share (internal: thread-loader.ts and item-actions.ts build on it). */
export interface ChatCore {
  app: AppModel;
  env: ChatEnv;
  conversation: Signal<ConversationState>;
  status: Signal<'idle' | 'streaming' | 'loading'>;
  failure: Signal<Failure | null>;
  hasOlder: Signal<boolean>;
  loadingOlder: Signal<boolean>;
  threadId: ReadonlySignal<string | null>;
  client: ReadonlySignal<ApiClient | null>;
  /** Cursor of the next older page (`items.list` desc `after`). */
  paging: { cursor?: string | undefined };
  /** The API client, or a "not configured" error. */
  need(): ApiClient;
  /** Throws BusyError unless nothing streams or loads. */
  idle(what: string): void;
  log(name: string, data?: Record<string, unknown>): void;
  persist(id: string | null): void;
  /** Runs a streaming request; `retry` is what the failure's Retry does (by default: the same request again). */
  respond(request: ChatKitRequestInput, retry?: () => Promise<void>, onStart?: () => void): Promise<void>;
  startNewThread(): void;
}

/** An error thrown by methods called at the wrong time (ChatKit documents these rejections). */
export class BusyError extends Error {
  constructor(what: string) {
    super(`Cannot ${what} while a response is streaming or a thread is loading`);
    this.name = 'BusyError';
  }
}

