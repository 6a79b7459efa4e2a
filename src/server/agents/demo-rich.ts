/** The demo agent's item-centred demos: workflows, widgets, a client tool, structured input, an image. */
import type {
  StructuredInputItem,
  Task,
  ThreadItem,
  WidgetItem,
  WorkflowItem,
} from '../../protocol/index.ts';
import type { ServerEvent } from '../server-types.ts';
import { itemUpdated, pause, wordDeltas } from './agent-kit.ts';
import * as text from './demo-content.ts';
import { demoImageUrl } from './demo-image.ts';
import { say, type Demo, type DemoTurn } from './demo-replies.ts';
import { choiceCard, orderForm } from './demo-widgets.ts';

type Turn = Pick<DemoTurn, 'thread' | 'ctx' | 'delayMs'>;

const now = (): string => new Date().toISOString();

/** The name and arguments of the demo's client tool. */
export const CLIENT_TOOL = { name: 'get_page_info', arguments: { fields: ['title', 'url'] } } as const;

/** The fields every item of a turn starts with. */
function base(turn: Turn, kind: 'message' | 'workflow' | 'tool_call') {
  return { id: turn.ctx.generateId(kind), thread_id: turn.thread.id, created_at: now() };
}

function widgetItem(turn: Turn, widget: WidgetItem['widget'], copyText: string): WidgetItem {
  return { ...base(turn, 'message'), type: 'widget', widget, copy_text: copyText };
}

async function* customWorkflow(turn: Turn): AsyncGenerator<ServerEvent> {
  const steps = ['Searching the docs', 'Reading the results', 'Drafting the answer'];
  const task = (title: string, status: 'loading' | 'complete'): Task => ({
    type: 'custom',
    title,
    icon: 'search',
    status_indicator: status,
  });
  const first = task(steps[0] as string, 'loading');
  const item: WorkflowItem = {
    ...base(turn, 'workflow'),
    type: 'workflow',
    workflow: { type: 'custom', tasks: [first], expanded: true },
  };
  yield { type: 'thread.item.added', item };
  const tasks: Task[] = [first];
  for (const [index, title] of steps.entries()) {
    if (index > 0) {
      tasks.push(task(title, 'loading'));
      yield itemUpdated(item.id, { type: 'workflow.task.added', task_index: index, task: task(title, 'loading') });
    }
    await pause(turn.delayMs * 15, turn.ctx.signal);
    tasks[index] = task(title, 'complete');
    yield itemUpdated(item.id, { type: 'workflow.task.updated', task_index: index, task: task(title, 'complete') });
  }
  const summary = { title: 'Looked into it', icon: 'check' };
  yield { type: 'thread.item.done', item: { ...item, workflow: { type: 'custom', tasks, summary, expanded: false } } };
}

async function* reasoningWorkflow(turn: Turn): AsyncGenerator<ServerEvent> {
  const started = Date.now();
  const item: WorkflowItem = {
    ...base(turn, 'workflow'),
    type: 'workflow',
    workflow: { type: 'reasoning', tasks: [], expanded: false },
  };
  yield { type: 'thread.item.added', item };
  let content = '';
  for (const [i, delta] of wordDeltas(text.REASONING_TEXT).entries()) {
    content += delta;
    const thought: Task = { type: 'thought', content, status_indicator: 'none' };
    const type = i === 0 ? 'workflow.task.added' : 'workflow.task.updated';
    yield itemUpdated(item.id, { type, task_index: 0, task: thought });
    await pause(turn.delayMs, turn.ctx.signal);
  }
  const duration = Math.max(1, Math.round((Date.now() - started) / 1000));
  const tasks: Task[] = [{ type: 'thought', content, status_indicator: 'none' }];
  const done = { type: 'reasoning' as const, tasks, summary: { duration }, expanded: false };
  yield { type: 'thread.item.done', item: { ...item, workflow: done } };
}

/** The workflow demo. */
export const workflow: Demo = async function* (turn) {
  yield* customWorkflow(turn);
  yield* reasoningWorkflow(turn);
  yield* say(turn, text.WORKFLOW_ANSWER);
};

/** The widget demo: a card with buttons, the form, then a short explanation. */
export const widget: Demo = async function* (turn) {
  yield { type: 'thread.item.done', item: widgetItem(turn, choiceCard(), 'Tea or coffee?') };
  yield { type: 'thread.item.done', item: widgetItem(turn, orderForm(), 'Order a drink') };
  yield* say(turn, text.WIDGET_ANSWER);
};

/** The form demo. */
export const form: Demo = async function* (turn) {
  yield { type: 'thread.item.done', item: widgetItem(turn, orderForm(), 'Order a drink') };
};

/** Ends the response with a pending client tool call; the host page runs it. */
export const clientTool: Demo = async function* (turn) {
  yield { type: 'progress_update', icon: 'globe', text: text.CLIENT_TOOL_PROGRESS };
  await pause(turn.delayMs * 5, turn.ctx.signal);
  const fields = base(turn, 'tool_call');
  yield {
    type: 'thread.item.done',
    item: {
      ...fields,
      type: 'client_tool_call',
      status: 'pending',
      call_id: `call_${fields.id}`,
      name: CLIENT_TOOL.name,
      arguments: { fields: [...CLIENT_TOOL.arguments.fields] },
    },
  };
};

/** Asks two multiple-choice questions and a free-form one. */
export const structured: Demo = async function* (turn) {
  const options = (...values: string[]) => values.map((value) => ({ value }));
  const item: StructuredInputItem = {
    ...base(turn, 'message'),
    type: 'structured_input',
    status: 'pending',
    inputs: [
      {
        id: 'colour',
        type: 'multiple_choice',
        question: 'Which colour do you prefer?',
        options: options('Red', 'Green', 'Blue'),
        multiple: false,
        allow_other: true,
      },
      {
        id: 'topics',
        type: 'multiple_choice',
        question: 'Which topics interest you?',
        options: options('Widgets', 'Streaming', 'Uploads'),
        multiple: true,
      },
      { id: 'notes', type: 'freeform', question: 'Anything else?', description: 'Optional' },
    ],
  };
  yield { type: 'thread.item.done', item };
};

/** A generated image with two progress previews. */
export const image: Demo = async function* (turn) {
  const item = { ...base(turn, 'message'), type: 'generated_image' as const };
  const imageId = turn.ctx.generateId('image');
  yield { type: 'thread.item.added', item };
  for (const progress of [0.33, 0.66]) {
    await pause(turn.delayMs * 10, turn.ctx.signal);
    const image = { id: imageId, url: demoImageUrl(progress) };
    yield itemUpdated(item.id, { type: 'generated_image.updated', image, progress });
  }
  await pause(turn.delayMs * 10, turn.ctx.signal);
  yield { type: 'thread.item.done', item: { ...item, image: { id: imageId, url: demoImageUrl(1) } } };
  yield* say(turn, text.IMAGE_ANSWER);
};

/** The continuation after a tool output or answers: summarises whichever the thread ends with. */
export async function* continuation(turn: Turn, last: ThreadItem | undefined): AsyncGenerator<ServerEvent> {
  if (last?.type === 'client_tool_call' && last.status === 'completed') {
    const output = last.output as { title?: unknown; url?: unknown } | undefined;
    const known = typeof output?.title === 'string' && typeof output.url === 'string';
    const json = JSON.stringify(last.output ?? null, null, 2);
    const body = known
      ? `The page you are on is **${output.title as string}** at ${output.url as string}.`
      : `The page answered \`${last.name}\` with:\n\n\`\`\`json\n${json}\n\`\`\``;
    yield* say(turn, body);
  } else if (last?.type === 'structured_input' && last.status !== 'pending') {
    const lines = last.inputs.map((input) => {
      const { answer } = input;
      const shown = answer?.skipped !== false ? '(skipped)' : answer.values.join(', ') || '(empty)';
      return `${input.question} ${shown}`;
    });
    yield* say(turn, text.structuredAnswer(lines));
  } else {
    yield* say(turn, 'Continuing where we left off.');
  }
}
