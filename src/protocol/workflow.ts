/** Workflows and their tasks (CHATKIT.md §3.5.4). */
import * as z from './zod.ts';
import { fileSourceSchema, urlSourceSchema } from './sources.ts';
import { opt } from './primitives.ts';

const taskBase = {
  status_indicator: z._default(z.enum(['none', 'loading', 'complete']), 'none'),
  title: opt(z.string()),
};

/** Any task, discriminated by `type`. */
export const taskSchema = z.discriminatedUnion('type', [
  z.object({ ...taskBase, type: z.literal('custom'), icon: opt(z.string()), content: opt(z.string()) }),
  z.object({
    ...taskBase,
    type: z.literal('web_search'),
    title_query: opt(z.string()),
    queries: z._default(z.array(z.string()), []),
    sources: z._default(z.array(urlSourceSchema), []),
  }),
  z.object({ ...taskBase, type: z.literal('thought'), content: z.string() }),
  z.object({ ...taskBase, type: z.literal('file'), sources: z._default(z.array(fileSourceSchema), []) }),
  z.object({ ...taskBase, type: z.literal('image') }),
]);

/** A workflow: a collapsible list of tasks with an optional summary. */
export const workflowSchema = z.object({
  type: z.enum(['custom', 'reasoning']),
  tasks: z.array(taskSchema),
  summary: opt(
    z.union([z.object({ duration: z.number() }), z.object({ title: z.string(), icon: opt(z.string()) })]),
  ),
  expanded: z._default(z.boolean(), false),
});

/** Any task. */
export type Task = z.output<typeof taskSchema>;
/** A workflow. */
export type Workflow = z.output<typeof workflowSchema>;
/** The summary line of a finished workflow. */
export type WorkflowSummary = NonNullable<Workflow['summary']>;
