/**
 * Thread items (CHATKIT.md §3.5.2), one schema per `type`. Items are dispatched on `type` by hand (see
 * `parse-items.ts`) rather than through one big discriminated union, so an unknown type can be told apart from
 * a malformed known one (the item enum is open: unknown types are skipped, never fatal).
 */
import * as z from './zod.ts';
import { attachmentSchema } from './attachments.ts';
import { assistantMessageContentSchema, inferenceOptionsSchema, userMessageContentSchema } from './content.ts';
import { jsonObject, opt, timestampSchema } from './primitives.ts';
import { structuredInputSchema } from './structured-input.ts';
import { widgetSchema } from './widgets.ts';
import { taskSchema, workflowSchema } from './workflow.ts';

const itemBase = { id: z.string(), thread_id: z.string(), created_at: timestampSchema };

/** Schemas of the item types clients render, keyed by `type`. */
export const ITEM_SCHEMAS = {
  user_message: z.object({
    ...itemBase,
    type: z.literal('user_message'),
    content: z.array(userMessageContentSchema),
    attachments: z._default(z.array(attachmentSchema), []),
    quoted_text: opt(z.string()),
    inference_options: z._default(inferenceOptionsSchema, {}),
  }),
  assistant_message: z.object({
    ...itemBase,
    type: z.literal('assistant_message'),
    content: z.array(assistantMessageContentSchema),
  }),
  client_tool_call: z.object({
    ...itemBase,
    type: z.literal('client_tool_call'),
    status: z._default(z.enum(['pending', 'completed']), 'pending'),
    call_id: z.string(),
    name: z.string(),
    arguments: jsonObject,
    output: z.optional(z.unknown()),
  }),
  widget: z.object({ ...itemBase, type: z.literal('widget'), widget: widgetSchema, copy_text: opt(z.string()) }),
  generated_image: z.object({
    ...itemBase,
    type: z.literal('generated_image'),
    image: opt(z.object({ id: z.string(), url: z.string() })),
    // Client-side only: the last `generated_image.updated` progress (0..1); servers never send it.
    progress: opt(z.number()),
  }),
  structured_input: z.object({
    ...itemBase,
    type: z.literal('structured_input'),
    status: z._default(z.enum(['pending', 'answered', 'skipped']), 'pending'),
    inputs: z.array(structuredInputSchema),
  }),
  workflow: z.object({ ...itemBase, type: z.literal('workflow'), workflow: workflowSchema }),
  task: z.object({ ...itemBase, type: z.literal('task'), task: taskSchema }),
  end_of_turn: z.object({ ...itemBase, type: z.literal('end_of_turn') }),
} as const;

/** Schemas of the server-only item types, which are stored but never sent to clients. */
export const HIDDEN_ITEM_SCHEMAS = {
  hidden_context_item: z.object({ ...itemBase, type: z.literal('hidden_context_item'), content: z.unknown() }),
  sdk_hidden_context: z.object({ ...itemBase, type: z.literal('sdk_hidden_context'), content: z.string() }),
} as const;

type Out<K extends keyof typeof ITEM_SCHEMAS> = z.output<(typeof ITEM_SCHEMAS)[K]>;

/** A message the user sent. */
export type UserMessageItem = Out<'user_message'>;
/** An assistant reply. */
export type AssistantMessageItem = Out<'assistant_message'>;
/** A tool call the client must run (`status: 'pending'`) or has run. */
export type ClientToolCallItem = Out<'client_tool_call'>;
/** A widget. */
export type WidgetItem = Out<'widget'>;
/** An image being generated or generated. */
export type GeneratedImageItem = Out<'generated_image'>;
/** Questions for the user. */
export type StructuredInputItem = Out<'structured_input'>;
/** A workflow (reasoning or custom tasks). */
export type WorkflowItem = Out<'workflow'>;
/** A standalone task line. */
export type TaskItem = Out<'task'>;
/** End-of-turn marker; renders nothing. */
export type EndOfTurnItem = Out<'end_of_turn'>;
/** Server-only context of the integration. */
export type HiddenContextItem = z.output<typeof HIDDEN_ITEM_SCHEMAS.hidden_context_item>;
/** Server-only context of the SDK (e.g. "the user cancelled the stream"). */
export type SdkHiddenContextItem = z.output<typeof HIDDEN_ITEM_SCHEMAS.sdk_hidden_context>;

/** Every item type a client may see. */
export type ThreadItem =
  | UserMessageItem
  | AssistantMessageItem
  | ClientToolCallItem
  | WidgetItem
  | GeneratedImageItem
  | StructuredInputItem
  | WorkflowItem
  | TaskItem
  | EndOfTurnItem;

/** Every item type a server may store, hidden ones included. */
export type StoredThreadItem = ThreadItem | HiddenContextItem | SdkHiddenContextItem;

/** The item types a client may see. */
export type ThreadItemType = ThreadItem['type'];

/** Whether an item (or a raw `type` string) is of a server-only type (one of HIDDEN_ITEM_SCHEMAS). */
export function isHiddenItemType(type: unknown): type is keyof typeof HIDDEN_ITEM_SCHEMAS {
  return typeof type === 'string' && Object.hasOwn(HIDDEN_ITEM_SCHEMAS, type);
}
