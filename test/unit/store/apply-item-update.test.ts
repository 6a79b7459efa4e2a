import { describe, expect, it } from 'vitest';
import type {
  Annotation,
  AssistantMessageItem,
  Task,
  ThreadItemUpdate,
  WidgetItem,
  WorkflowItem,
} from '../../../src/protocol/index.ts';
import { applyItemUpdate } from '../../../src/store/apply-item-update.ts';
import { deepFreeze } from './replay.ts';

const common = { thread_id: 'T', created_at: '2026-11-22T01:19:19' };
const part = (text: string, annotations: Annotation[] = []) => ({ type: 'output_text' as const, text, annotations });
const source = (title: string): Annotation => ({
  type: 'annotation',
  source: { type: 'url', title, url: `https://${title}` },
});
const textDelta = (content_index: number, delta: string) =>
  ({ type: 'assistant_message.content_part.text_delta', content_index, delta }) as const;
const valueDelta = (component_id: string, delta: string, done: boolean) =>
  ({ type: 'widget.streaming_text.value_delta', component_id, delta, done }) as const;
const taskAdded = (task_index: number, task: Task) => ({ type: 'workflow.task.added', task_index, task }) as const;

const message = deepFreeze<AssistantMessageItem>({
  ...common,
  id: 'A1',
  type: 'assistant_message',
  content: [part('Hello', [source('a')]), part('World')],
});

function apply<T>(item: T, update: ThreadItemUpdate): T {
  return applyItemUpdate(item as never, deepFreeze(update)) as T;
}

describe('assistant message updates', () => {
  it('appends a text delta, copying only the changed part', () => {
    const next = apply(message, textDelta(1, '!'));
    expect(next.content.map((p) => p.text)).toEqual(['Hello', 'World!']);
    expect(next.content[0]).toBe(message.content[0]);
    expect(message.content[1]?.text).toBe('World');
  });

  it('pads missing parts with empty output_text before a delta or an added part', () => {
    const delta = apply(message, textDelta(3, 'x'));
    expect(delta.content).toEqual([message.content[0], message.content[1], part(''), part('x')]);
    const added = apply(message, {
      type: 'assistant_message.content_part.added',
      content_index: 2,
      content: part('new'),
    });
    expect(added.content.map((p) => p.text)).toEqual(['Hello', 'World', 'new']);
  });

  it('ignores an index absurdly far past the end instead of allocating for it', () => {
    const next = apply(message, textDelta(1e9, 'x'));
    expect(next).toBe(message);
  });

  it('inserts annotations at their index and appends those beyond the end', () => {
    const insert = (annotation_index: number, title: string) =>
      ({
        type: 'assistant_message.content_part.annotation_added',
        content_index: 0,
        annotation_index,
        annotation: source(title),
      }) as const;
    const first = apply(message, insert(0, 'b'));
    expect(first.content[0]?.annotations.map((a) => a.source.title)).toEqual(['b', 'a']);
    const beyond = apply(first, insert(7, 'c'));
    expect(beyond.content[0]?.annotations.map((a) => a.source.title)).toEqual(['b', 'a', 'c']);
    expect(message.content[0]?.annotations).toHaveLength(1);
  });

  it('replaces a part on content_part.done', () => {
    const next = apply(message, {
      type: 'assistant_message.content_part.done',
      content_index: 0,
      content: part('Final'),
    });
    expect(next.content).toEqual([part('Final'), message.content[1]]);
  });
});

const widget = deepFreeze<WidgetItem>({
  ...common,
  id: 'W1',
  type: 'widget',
  widget: {
    type: 'Card',
    children: [
      { type: 'Title', value: 'Draft' },
      { type: 'Col', children: [{ type: 'Markdown', id: 'md1', value: 'Dear ', streaming: true }] },
      { type: 'Button', id: 'btn', label: 'Send' },
    ],
  },
});

describe('widget updates', () => {
  it('appends streamed text to the component with that id anywhere in the tree, copying only its path', () => {
    const next = apply(widget, valueDelta('md1', 'Harry', true));
    const col = next.widget.children?.[1];
    expect(col?.children?.[0]).toEqual({ type: 'Markdown', id: 'md1', value: 'Dear Harry', streaming: false });
    expect(next.widget.children?.[0]).toBe(widget.widget.children?.[0]);
    expect(next.widget.children?.[2]).toBe(widget.widget.children?.[2]);
  });

  it('does not stream text into a component that is not Text or Markdown, nor into a missing id', () => {
    expect(apply(widget, valueDelta('btn', 'x', false))).toBe(widget);
    expect(apply(widget, valueDelta('nope', 'x', false))).toBe(widget);
  });

  it('replaces the whole root, or one component by id', () => {
    const root = apply(widget, { type: 'widget.root.updated', widget: { type: 'Card', children: [] } });
    expect(root.widget).toEqual({ type: 'Card', children: [] });
    const sent = { type: 'Button', id: 'btn', label: 'Sent', disabled: true };
    const component = apply(widget, { type: 'widget.component.updated', component_id: 'btn', component: sent });
    expect(component.widget.children?.[2]).toEqual({ type: 'Button', id: 'btn', label: 'Sent', disabled: true });
    expect(component.widget.children?.[1]).toBe(widget.widget.children?.[1]);
  });

  it('ignores text deltas and task updates sent to a widget', () => {
    expect(apply(widget, textDelta(0, 'x'))).toBe(widget);
    expect(apply(widget, taskAdded(0, { type: 'image', status_indicator: 'none' }))).toBe(widget);
    expect(apply(message, { type: 'widget.root.updated', widget: { type: 'Card' } })).toBe(message);
  });
});

describe('workflow and image updates', () => {
  const task = (title: string): Task => ({ type: 'custom', title, status_indicator: 'none' });
  const workflow = deepFreeze<WorkflowItem>({
    ...common,
    id: 'wf',
    type: 'workflow',
    workflow: { type: 'custom', tasks: [task('a'), task('b')], expanded: false },
  });
  const titles = (item: WorkflowItem) => item.workflow.tasks.map((t) => t.title);

  it('inserts a task at its index and appends one beyond the end', () => {
    expect(titles(apply(workflow, taskAdded(1, task('x'))))).toEqual(['a', 'x', 'b']);
    expect(titles(apply(workflow, taskAdded(9, task('x'))))).toEqual(['a', 'b', 'x']);
  });

  it('replaces a task by index', () => {
    const done: Task = { ...task('a'), status_indicator: 'complete' };
    const next = apply(workflow, { type: 'workflow.task.updated', task_index: 0, task: done });
    expect(next.workflow.tasks.map((t) => t.status_indicator)).toEqual(['complete', 'none']);
    expect(next.workflow.tasks[1]).toBe(workflow.workflow.tasks[1]);
    expect(next.workflow.expanded).toBe(false);
  });

  it('sets the preview image and progress, and drops a stale progress when none is sent', () => {
    const image = deepFreeze({ ...common, id: 'G', type: 'generated_image' as const, progress: 0.5 });
    const next = apply(image, { type: 'generated_image.updated', image: { id: 'i', url: 'u' } });
    expect(next).toStrictEqual({ ...common, id: 'G', type: 'generated_image', image: { id: 'i', url: 'u' } });
  });
});
