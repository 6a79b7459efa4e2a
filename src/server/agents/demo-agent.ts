/**
 * The demo agent behind `npm start`: deterministic, no model, streams word by word, and shows every feature of
 * the protocol on request ("help" lists them). Its words live in `demo-content.ts`.
 */
import {
  isHiddenItemType,
  type Action,
  type ThreadItem,
  type ThreadMetadata,
  type WidgetItem,
} from '../../protocol/index.ts';
import type { ActionFn, RespondContext, RespondFn, ServerEvent } from '../server-types.ts';
import type { Agent } from './agent-kit.ts';
import { textOf, titleFor } from './agent-kit.ts';
import * as replies from './demo-replies.ts';
import { say, type Demo } from './demo-replies.ts';
import * as rich from './demo-rich.ts';
import { ACTIONS, choiceResult, orderResult } from './demo-widgets.ts';

/** Options of the demo agent. */
export interface DemoAgentOptions {
  /** Pause between streamed words in milliseconds (default 20; use 0 in tests). */
  delayMs?: number;
}


async function lastVisibleItem(thread: ThreadMetadata, ctx: RespondContext<unknown>): Promise<ThreadItem | undefined> {
  const page = await ctx.store.loadThreadItems(thread.id, { limit: 5, order: 'desc' });
  return page.data.find((item): item is ThreadItem => !isHiddenItemType(item.type));
}

/** A short, readable description of submitted form values. */
function describeOrder(payload: Record<string, unknown>): string {
  const name = typeof payload.name === 'string' && payload.name.trim() ? payload.name.trim().slice(0, 60) : 'someone';
  const size = typeof payload.size === 'string' ? payload.size.slice(0, 20) : 'medium';
  const day = typeof payload.day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(payload.day) ? `, to pick up on ${payload.day}` : '';
  return `A ${size} drink for ${name}${payload.oat === true ? ', with oat milk' : ''}${day}.`;
}

/** Creates the demo agent. */
export function createDemoAgent(options: DemoAgentOptions = {}): Agent {
  const delayMs = options.delayMs ?? 20;
  // Keyword triggers, case-insensitive; the first match wins.
  const demos: [RegExp, Demo][] = [
    [/\bsources?\b|\bcitations?\b/, replies.sources],
    [/\bprogress\b/, replies.progress],
    [/\bnotices?\b/, replies.notice],
    [/\bworkflows?\b|\breasoning\b/, rich.workflow],
    [/\bforms?\b/, rich.form],
    [/\bwidgets?\b/, rich.widget],
    [/\bclient[ -]?tools?\b/, rich.clientTool],
    [/\berrors?\b/, replies.createErrorDemo()],
    [/\blong\b|\bmarkdown\b/, replies.long],
    [/\bstructured\b/, rich.structured],
    [/\bimages?\b/, rich.image],
    [/\beffects?\b/, replies.effect],
    [/\block\b/, replies.lock],
    [/\bclose\b/, replies.close],
    [/\bhelp\b|\bdemos?\b/, replies.help],
  ];

  const respond: RespondFn = async function* (thread, input, ctx) {
    if (!input) {
      yield* rich.continuation({ thread, ctx, delayMs }, await lastVisibleItem(thread, ctx));
      return;
    }
    const message = textOf(input);
    if (!thread.title) thread.title = titleFor(message);
    const turn = { thread, input, ctx, delayMs };
    if (input.attachments.length > 0) {
      yield* replies.attachments(turn);
      return;
    }
    const lower = message.toLowerCase();
    const demo = demos.find(([pattern]) => pattern.test(lower))?.[1] ?? replies.echo;
    yield* demo(turn);
  };

  const action: ActionFn = async function* (thread, act: Action, sender: WidgetItem | null, ctx) {
    const turn = { thread, ctx, delayMs };
    const payload = (act.payload ?? {}) as Record<string, unknown>;
    const replace = (widget: WidgetItem['widget']): ServerEvent | undefined =>
      sender ? { type: 'thread.item.replaced', item: { ...sender, widget } } : undefined;
    let event: ServerEvent | undefined;
    let answer: string;
    if (act.type === ACTIONS.choose) {
      const choice = payload.choice === 'coffee' ? 'coffee' : 'tea';
      event = replace(choiceResult(choice));
      answer = `Good choice: ${choice}. The server replaced the card and sent this answer.`;
    } else if (act.type === ACTIONS.order && payload.cancelled === true) {
      event = replace(orderResult('Order cancelled.'));
      answer = 'No drink then.';
    } else if (act.type === ACTIONS.order) {
      const summary = describeOrder(payload);
      event = replace(orderResult(summary));
      answer = `Order received: ${summary}`;
    } else {
      answer = `I do not know the action \`${act.type.slice(0, 60)}\`.`;
    }
    if (event) yield event;
    yield* say(turn, answer);
  };

  return { respond, action };
}
