/** Incremental item updates carried by `thread.item.updated` (CHATKIT.md §3.4), keyed by `type`. */
import * as z from './zod.ts';
import { assistantMessageContentSchema } from './content.ts';
import { indexSchema, opt } from './primitives.ts';
import { annotationSchema } from './sources.ts';
import { widgetSchema } from './widgets.ts';
import { taskSchema } from './workflow.ts';

const contentPart = { content_index: indexSchema, content: assistantMessageContentSchema };
const taskChange = { task_index: indexSchema, task: taskSchema };

/** Schemas of the known update types; the update enum is open, unknown types are skipped. */
export const UPDATE_SCHEMAS = {
  'assistant_message.content_part.added': z.object({
    type: z.literal('assistant_message.content_part.added'),
    ...contentPart,
  }),
  'assistant_message.content_part.text_delta': z.object({
    type: z.literal('assistant_message.content_part.text_delta'),
    content_index: indexSchema,
    delta: z.string(),
  }),
  'assistant_message.content_part.annotation_added': z.object({
    type: z.literal('assistant_message.content_part.annotation_added'),
    content_index: indexSchema,
    annotation_index: indexSchema,
    annotation: annotationSchema,
  }),
  'assistant_message.content_part.done': z.object({
    type: z.literal('assistant_message.content_part.done'),
    ...contentPart,
  }),
  'widget.streaming_text.value_delta': z.object({
    type: z.literal('widget.streaming_text.value_delta'),
    component_id: z.string(),
    delta: z.string(),
    done: z.boolean(),
  }),
  'widget.root.updated': z.object({ type: z.literal('widget.root.updated'), widget: widgetSchema }),
  'widget.component.updated': z.object({
    type: z.literal('widget.component.updated'),
    component_id: z.string(),
    component: widgetSchema,
  }),
  'workflow.task.added': z.object({ type: z.literal('workflow.task.added'), ...taskChange }),
  'workflow.task.updated': z.object({ type: z.literal('workflow.task.updated'), ...taskChange }),
  'generated_image.updated': z.object({
    type: z.literal('generated_image.updated'),
    image: z.object({ id: z.string(), url: z.string() }),
    progress: opt(z.number()),
  }),
} as const;

type Schemas = typeof UPDATE_SCHEMAS;

/** An update of the given type. */
export type ThreadItemUpdateOf<K extends keyof Schemas> = z.output<Schemas[K]>;
/** Any known item update. */
export type ThreadItemUpdate = { [K in keyof Schemas]: z.output<Schemas[K]> }[keyof Schemas];
/** The known update types. */
export type ThreadItemUpdateType = ThreadItemUpdate['type'];
