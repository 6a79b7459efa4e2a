/**
 * The streaming requests (CHATKIT.md §3.6). Failures before the integration starts (unknown thread or item,
 * no pending tool call) throw, which ends the stream with zero events, exactly as the Python SDK behaves.
 */
import type {
  Attachment,
  StreamingRequest,
  ThreadMetadata,
  UserMessageInput,
  UserMessageItem,
} from '../protocol/index.ts';
import { applyStructuredInput } from './apply-structured-input.ts';
import { CustomStreamError } from './errors.ts';
import { processEvents } from './process-events.ts';
import { now, toThreadResponse } from './serialize.ts';
import type { RequestEnv, ServerEvent } from './server-types.ts';

const RECENT_ITEMS = 20;
/** Client tool calls one answer may chain (each output continues the answer); the next output ends it. */
export const MAX_CLIENT_TOOL_CALLS = 10;

async function loadAttachments<C>(ids: readonly string[], env: RequestEnv<C>): Promise<Attachment[]> {
  return Promise.all(ids.map((id) => env.store.loadAttachment(id)));
}

async function* addUserMessage<C>(
  thread: ThreadMetadata,
  input: UserMessageInput,
  attachments: Attachment[],
  env: RequestEnv<C>,
): AsyncGenerator<ServerEvent> {
  const owned = attachments.map((a) => ({ ...a, thread_id: thread.id }));
  for (const attachment of owned) await env.store.saveAttachment(attachment);
  const item: UserMessageItem = {
    id: env.ctx.generateId('message'),
    thread_id: thread.id,
    created_at: now(),
    type: 'user_message',
    content: input.content,
    attachments: owned,
    quoted_text: input.quoted_text,
    inference_options: input.inference_options,
  };
  await env.store.addThreadItem(thread.id, item);
  yield { type: 'thread.item.done', item };
  yield* processEvents(thread, env, () => env.options.respond(thread, item, env.ctx));
}

async function* addClientToolOutput<C>(thread: ThreadMetadata, result: unknown, env: RequestEnv<C>) {
  const { store } = env;
  const [last, ...earlier] = (await store.loadThreadItems(thread.id, { limit: RECENT_ITEMS, order: 'desc' })).data;
  if (last?.type !== 'client_tool_call' || last.status !== 'pending') {
    throw new Error(`the last item of thread ${thread.id} is not a pending client tool call`);
  }
  await store.saveItem(thread.id, { ...last, status: 'completed', output: result });
  // Dangling pending calls (should not happen) would be sent to the model again; drop them as the SDK does.
  for (const item of earlier) {
    if (item.type === 'client_tool_call' && item.status === 'pending') await store.deleteThreadItem(thread.id, item.id);
  }
  // A model that keeps asking for client tools would make the widget call the host's onClientTool forever.
  const start = earlier.findIndex((i) => i.type === 'user_message');
  const turn = [last, ...(start === -1 ? earlier : earlier.slice(0, start))];
  if (turn.filter((i) => i.type === 'client_tool_call').length >= MAX_CLIENT_TOOL_CALLS) {
    yield* processEvents(thread, env, async function* () {
      throw new CustomStreamError(`The assistant asked for more than ${MAX_CLIENT_TOOL_CALLS} client tool calls in one answer and was stopped.`);
    });
    return;
  }
  yield* processEvents(thread, env, () => env.options.respond(thread, null, env.ctx));
}

async function* retryAfterItem<C>(thread: ThreadMetadata, itemId: string, env: RequestEnv<C>) {
  const { store } = env;
  const later: string[] = [];
  let message: UserMessageItem | undefined;
  let after: string | undefined;
  search: for (;;) {
    const page = await store.loadThreadItems(thread.id, { limit: RECENT_ITEMS, order: 'desc', after });
    for (const item of page.data) {
      if (item.id === itemId) {
        if (item.type !== 'user_message') throw new Error(`item ${itemId} is not a user message`);
        message = item;
        break search;
      }
      later.push(item.id);
    }
    if (!page.has_more) break;
    after = page.after;
  }
  // Unknown item: nothing deleted, no events (as the SDK does).
  if (!message) return;
  for (const id of later) await store.deleteThreadItem(thread.id, id);
  const input = message;
  yield* processEvents(thread, env, () => env.options.respond(thread, input, env.ctx));
}

/** Runs one streaming request; every event of the response, hidden items already removed. */
export async function* streamRequest<C>(request: StreamingRequest, env: RequestEnv<C>): AsyncGenerator<ServerEvent> {
  const { store, ctx, options } = env;
  switch (request.type) {
    case 'threads.create': {
      // Resolved before anything is written: an unknown attachment must not leave an empty thread behind.
      const attachments = await loadAttachments(request.params.input.attachments, env);
      const thread: ThreadMetadata = {
        id: ctx.generateId('thread'),
        created_at: now(),
        status: { type: 'active' },
        metadata: {},
      };
      await store.saveThread(thread);
      yield { type: 'thread.created', thread: toThreadResponse(thread) };
      yield* addUserMessage(thread, request.params.input, attachments, env);
      return;
    }
    case 'threads.add_user_message': {
      const thread = await store.loadThread(request.params.thread_id);
      const attachments = await loadAttachments(request.params.input.attachments, env);
      yield* addUserMessage(thread, request.params.input, attachments, env);
      return;
    }
    case 'threads.add_client_tool_output': {
      const thread = await store.loadThread(request.params.thread_id);
      yield* addClientToolOutput(thread, request.params.result, env);
      return;
    }
    case 'threads.add_structured_input': {
      const thread = await store.loadThread(request.params.thread_id);
      const item = await store.loadItem(thread.id, request.params.item_id);
      if (item.type !== 'structured_input' || item.status !== 'pending') {
        throw new Error(`item ${item.id} is not a pending structured input`);
      }
      const answered = applyStructuredInput(item, request.params.input);
      yield* processEvents(thread, env, async function* () {
        yield { type: 'thread.item.replaced', item: answered };
        yield* options.respond(thread, null, ctx);
      });
      return;
    }
    case 'threads.retry_after_item': {
      const thread = await store.loadThread(request.params.thread_id);
      yield* retryAfterItem(thread, request.params.item_id, env);
      return;
    }
    case 'threads.custom_action': {
      const thread = await store.loadThread(request.params.thread_id);
      const { item_id: itemId, action } = request.params;
      const sender = itemId ? await store.loadItem(thread.id, itemId) : null;
      if (sender && sender.type !== 'widget') {
        yield { type: 'error', code: 'stream.error', allow_retry: false };
        return;
      }
      yield* processEvents(thread, env, () => {
        if (!options.action) throw new Error('threads.custom_action received but no action handler is configured');
        return options.action(thread, action, sender, ctx);
      });
      return;
    }
  }
}
