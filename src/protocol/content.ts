/** Message content parts and inference options (CHATKIT.md §3.5.3, §3.5.6). */
import * as z from './zod.ts';
import { annotationSchema } from './sources.ts';
import { jsonObject, opt } from './primitives.ts';

/** Plain text typed by the user. */
export const inputTextSchema = z.object({ type: z.literal('input_text'), text: z.string() });

/** An @-mention tag; the Python server rejects a tag without `data`. */
export const inputTagSchema = z.object({
  type: z.literal('input_tag'),
  id: z.string(),
  text: z.string(),
  data: jsonObject,
  group: opt(z.string()),
  interactive: z._default(z.boolean(), false),
});

/** One part of a user message. */
export const userMessageContentSchema = z.discriminatedUnion('type', [inputTextSchema, inputTagSchema]);

/** One part of an assistant message: Markdown text plus its annotations. */
export const assistantMessageContentSchema = z.object({
  type: z._default(z.literal('output_text'), 'output_text'),
  text: z.string(),
  annotations: z._default(z.array(annotationSchema), []),
});

/** The composer's tool and model selection. */
export const inferenceOptionsSchema = z.object({
  tool_choice: opt(z.object({ id: z.string() })),
  model: opt(z.string()),
});

/** Plain text typed by the user. */
export type UserMessageTextContent = z.output<typeof inputTextSchema>;
/** An @-mention tag in a user message. */
export type UserMessageTagContent = z.output<typeof inputTagSchema>;
/** One part of a user message. */
export type UserMessageContent = z.output<typeof userMessageContentSchema>;
/** One part of an assistant message. */
export type AssistantMessageContent = z.output<typeof assistantMessageContentSchema>;
/** The composer's tool and model selection. */
export type InferenceOptions = z.output<typeof inferenceOptionsSchema>;
/** A selected composer tool. */
export type ToolChoice = { id: string };
