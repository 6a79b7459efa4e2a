/**
 * What items in the thread ask for: a pending client tool call runs on the host and the stream continues; widget
 * and custom actions (client, streaming, sync); structured input answers; feedback on a turn. Part of the chat
 * model (chat-model.ts), over its shared core.
 */
import type { ChatKitRequestInput } from '../protocol/requests.ts';
import { parseSyncActionResult } from '../protocol/parse.ts';
import type { StructuredInputSubmission } from '../protocol/structured-input.ts';
import type { ActionConfig } from '../protocol/widgets.ts';
import type { ChatCore } from './chat-model.ts';

/** The item actions of the chat model. */
export function createItemActions(core: ChatCore) {
  const { app, conversation, need, idle, respond } = core;

  /** A pending client tool call at the end of a turn runs on the host, then the stream continues (§3.10). */
  async function runClientTool(): Promise<void> {
    const state = conversation.peek();
    const last = state.items.at(-1);
    const onClientTool = app.options.peek().onClientTool;
    if (!state.thread || last?.type !== 'client_tool_call' || last.status !== 'pending') return;
    // The server marks the call completed in its store but sends no event for it (nor does the Python SDK):
    // mirror that locally so the transcript stops showing it as running.
    const complete = (output: Record<string, unknown>): void => {
      const now = conversation.peek();
      conversation.value = { ...now, items: now.items.map((i) => (i.id === last.id ? { ...last, status: 'completed' as const, output } : i)) };
    };
    if (!onClientTool) {
      const message = `The assistant asked this page to run "${last.name}", but no onClientTool handler is set`;
      app.reportError(new Error(message));
      complete({ error: message });
      return;
    }
    let result: Record<string, unknown>;
    try {
      const value = await onClientTool({ name: last.name, params: last.arguments });
      result = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      app.reportError(new Error(`Client tool "${last.name}" failed: ${message}`));
      result = { error: message };
    }
    complete(result);
    const request: ChatKitRequestInput = { type: 'threads.add_client_tool_output', params: { thread_id: state.thread.id, result } };
    await respond(request);
  }

  /** Thumbs up/down on the items of one assistant turn. */
  async function feedback(itemIds: string[], kind: 'positive' | 'negative'): Promise<void> {
    const thread = conversation.peek().thread;
    if (!thread) return;
    await need().json({ type: 'items.feedback', params: { thread_id: thread.id, item_ids: itemIds, kind } }, (v) => ({ ok: true, value: v }));
  }

  /** A server action (`threads.custom_action`), streamed like a response; also `sendCustomAction()`. */
  async function sendCustomAction(action: { type: string; payload?: unknown }, itemId?: string, onStart?: () => void): Promise<void> {
    const thread = conversation.peek().thread;
    if (!thread) throw new Error('There is no thread to send the action to');
    idle('send an action');
    const request: ChatKitRequestInput = {
      type: 'threads.custom_action',
      params: { thread_id: thread.id, ...(itemId ? { item_id: itemId } : {}), action: { type: action.type, ...(action.payload !== undefined ? { payload: action.payload } : {}) } },
    };
    await respond(request, undefined, onStart);
  }

  /**
   * A widget action (§3.11): `handler: 'client'` runs `widgets.onAction` on the host; a server action streams
   * (`threads.custom_action`) or, with `streaming: false`, replaces the widget in place (`threads.sync_custom_action`,
   * allowed while a response streams). Form values are already merged into `action.payload` by the renderer.
   */
  async function widgetAction(action: ActionConfig, itemId: string): Promise<void> {
    const payload = action.payload;
    const plain = { type: action.type, ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}) };
    if (action.handler === 'client') {
      const item = conversation.peek().items.find((i) => i.id === itemId);
      const onAction = app.options.peek().widgets.onAction;
      if (!onAction) throw new Error(`Widget action "${action.type}" needs widgets.onAction on the page`);
      if (item?.type === 'widget') await onAction(plain, { id: itemId, widget: item.widget as never });
      return;
    }
    if (action.streaming !== false) return sendCustomAction(plain, itemId);
    const thread = conversation.peek().thread;
    if (!thread) return;
    const result = await need().json({ type: 'threads.sync_custom_action', params: { thread_id: thread.id, item_id: itemId, action: plain } }, (v) => parseSyncActionResult(v));
    const updated = result.updated_item;
    if (updated) {
      const now = conversation.peek();
      conversation.value = { ...now, items: now.items.map((i) => (i.id === updated.id ? updated : i)) };
    }
  }

  /** Answers (or skips) a pending `structured_input` item; the server replaces it and continues (§3.5.7). */
  async function submitStructuredInput(itemId: string, submission: StructuredInputSubmission): Promise<void> {
    const thread = conversation.peek().thread;
    if (!thread) throw new Error('There is no thread to answer in');
    const request: ChatKitRequestInput = { type: 'threads.add_structured_input', params: { thread_id: thread.id, item_id: itemId, input: submission } };
    await respond(request);
  }

  /** The ids of the reply items of the turn that contains `itemId` (what feedback rates). */
  function turnItemIds(itemId: string): string[] {
    const items = conversation.peek().items;
    const index = items.findIndex((i) => i.id === itemId);
    if (index === -1) return [itemId];
    let start = index;
    while (start > 0 && items[start - 1]?.type !== 'user_message') start--;
    let end = index;
    while (end + 1 < items.length && items[end + 1]?.type !== 'user_message') end++;
    return items.slice(start, end + 1).map((i) => i.id);
  }

  return { runClientTool, feedback, sendCustomAction, widgetAction, submitStructuredInput, turnItemIds };
}
