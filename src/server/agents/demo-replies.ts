/** The demo agent's text-centred demos: help, echo, sources, progress, notices, errors, status changes. */
import type { Annotation, Source, ThreadMetadata, UserMessageItem } from '../../protocol/index.ts';
import type { RespondContext, ServerEvent } from '../server-types.ts';
import { pause, streamText, textOf } from './agent-kit.ts';
import * as text from './demo-content.ts';

/** What every demo gets. */
export interface DemoTurn {
  thread: ThreadMetadata;
  input: UserMessageItem;
  ctx: RespondContext<unknown>;
  delayMs: number;
}

/** One demo: a response to a user message. */
export type Demo = (turn: DemoTurn) => AsyncGenerator<ServerEvent>;

/** Streams text at the demo's pace. */
export function say(turn: Pick<DemoTurn, 'thread' | 'ctx' | 'delayMs'>, body: string, annotations?: Annotation[]) {
  return streamText(turn.thread, turn.ctx, body, { delayMs: turn.delayMs, annotations });
}

const SOURCES: readonly Source[] = [
  { type: 'url', title: 'ChatKit', url: 'https://platform.openai.com/docs/guides/chatkit', attribution: 'OpenAI', timestamp: '2026-10-06' },
  { type: 'file', title: 'Protocol notes', filename: 'CHATKIT.md', description: 'The wire protocol, field by field' },
  {
    type: 'entity',
    id: 'person_ada',
    title: 'Ada Lovelace',
    icon: 'profile',
    label: 'Person',
    interactive: true,
    data: { born: '1815' },
  },
];

/** Lists the demos. */
export const help: Demo = (turn) => say(turn, text.HELP_TEXT);

/** The fallback: echoes the message and points at help. */
export const echo: Demo = (turn) => say(turn, text.echoText(textOf(turn.input)));

/** Citations placed at the end of the clause each one supports. */
export const sources: Demo = (turn) => {
  let body = '';
  const annotations: Annotation[] = [];
  text.SOURCES_PARTS.forEach((part, i) => {
    body += part;
    const source = SOURCES[i];
    if (source) annotations.push({ type: 'annotation', source, index: body.length });
  });
  return say(turn, body, annotations);
};

/** Progress lines while "working", then an answer. */
export const progress: Demo = async function* (turn) {
  for (const [icon, line] of text.PROGRESS_STEPS) {
    yield { type: 'progress_update', icon, text: line };
    await pause(turn.delayMs * 10, turn.ctx.signal);
  }
  yield* say(turn, text.PROGRESS_ANSWER);
};

/** An info notice and a warning notice. */
export const notice: Demo = async function* (turn) {
  yield { type: 'notice', level: 'info', title: 'Heads up', message: 'This is an **info** notice.' };
  yield { type: 'notice', level: 'warning', message: 'And this is a *warning* notice, without a title.' };
  yield* say(turn, text.NOTICE_ANSWER);
};

/** A long Markdown answer. */
export const long: Demo = (turn) => say(turn, text.LONG_MARKDOWN);

/** A client effect for the host page. */
export const effect: Demo = async function* (turn) {
  yield { type: 'client_effect', name: 'celebrate', data: { emoji: '🎉' } };
  yield* say(turn, text.EFFECT_ANSWER);
};

/** Locks the thread after answering. */
export const lock: Demo = async function* (turn) {
  yield* say(turn, text.LOCK_ANSWER);
  turn.thread.status = { type: 'locked', reason: text.LOCK_REASON };
};

/** Closes the thread after answering. */
export const close: Demo = async function* (turn) {
  yield* say(turn, text.CLOSE_ANSWER);
  turn.thread.status = { type: 'closed', reason: text.CLOSE_REASON };
};

/** Fails half way the first time a message is answered; a retry of the same message succeeds. */
export function createErrorDemo(): Demo {
  const failed = new Set<string>();
  return async function* (turn) {
    if (failed.has(turn.input.id)) {
      yield* say(turn, text.ERROR_RETRY_ANSWER);
      return;
    }
    failed.add(turn.input.id);
    const events = say(turn, text.ERROR_PREFIX);
    for await (const event of events) {
      // Stop before the message is done, as a model connection that drops would.
      if (event.type === 'thread.item.updated' && event.update.type === 'assistant_message.content_part.done') break;
      yield event;
    }
    throw new Error('demo failure (the "error" demo fails on purpose)');
  };
}

/** Lists the message's attachments with their type and size. */
export const attachments: Demo = async function* (turn) {
  const lines: string[] = [];
  for (const attachment of turn.input.attachments) {
    const bytes = await turn.ctx.store.loadAttachmentBytes(attachment.id);
    const size = bytes ? text.formatSize(bytes.byteLength) : 'not uploaded';
    lines.push(`- **${attachment.name}**: ${attachment.mime_type}, ${size}`);
  }
  const count = lines.length === 1 ? 'one file' : `${lines.length} files`;
  yield* say(turn, [`You attached ${count}:`, '', ...lines].join('\n'));
};
