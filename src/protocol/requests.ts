/**
 * The request envelope `{type, params, metadata?}` and the params of every request type (CHATKIT.md §3.2,
 * §3.5.6). As with pydantic, `params` is required even when all its fields are optional, unknown extra fields
 * are dropped, and `attachments`, `inference_options` and a tag's `data` are required in user input.
 */
import * as z from './zod.ts';
import { inferenceOptionsSchema, userMessageContentSchema } from './content.ts';
import { jsonObject, opt, requiredAny } from './primitives.ts';
import { structuredInputSubmissionSchema } from './structured-input.ts';

/**
 * Bounds on what one request may store (ids, titles, names, batches): far above what a ChatKit client sends, so
 * that a request cannot write megabytes or tens of thousands of rows. Exported for the README and tests.
 */
export const REQUEST_LIMITS = { id: 200, title: 500, name: 1000, mimeType: 200, itemIds: 200, attachments: 100 } as const;

const id = z.string().check(z.maxLength(REQUEST_LIMITS.id));

/** The user's message as the composer submits it; attachments are ids of already uploaded files. */
export const userMessageInputSchema = z.object({
  content: z.array(userMessageContentSchema),
  attachments: z.array(id).check(z.maxLength(REQUEST_LIMITS.attachments)),
  quoted_text: opt(z.string()),
  inference_options: inferenceOptionsSchema,
});

/** A widget action sent to the server (`{type, payload?}`). */
export const actionSchema = z.object({ type: z.string(), payload: z.optional(z.unknown()) });

const threadId = { thread_id: id };
const paging = {
  limit: opt(z.int()),
  order: z._default(z.enum(['asc', 'desc']), 'desc'),
  after: opt(id),
};
const customAction = { ...threadId, item_id: opt(id), action: actionSchema };

function request<T extends string, S extends z.core.$ZodLooseShape>(type: T, params: S) {
  return z.object({ type: z.literal(type), params: z.object(params), metadata: z.optional(jsonObject) });
}

/** Schemas of every request, keyed by `type`. */
export const REQUEST_SCHEMAS = {
  'threads.create': request('threads.create', { input: userMessageInputSchema }),
  'threads.add_user_message': request('threads.add_user_message', { ...threadId, input: userMessageInputSchema }),
  'threads.add_client_tool_output': request('threads.add_client_tool_output', { ...threadId, result: requiredAny }),
  'threads.add_structured_input': request('threads.add_structured_input', {
    ...threadId,
    item_id: id,
    input: structuredInputSubmissionSchema,
  }),
  'threads.retry_after_item': request('threads.retry_after_item', { ...threadId, item_id: id }),
  'threads.custom_action': request('threads.custom_action', customAction),
  'threads.get_by_id': request('threads.get_by_id', threadId),
  'threads.list': request('threads.list', paging),
  'items.list': request('items.list', { ...threadId, ...paging }),
  'items.feedback': request('items.feedback', {
    ...threadId,
    item_ids: z.array(id).check(z.maxLength(REQUEST_LIMITS.itemIds)),
    kind: z.enum(['positive', 'negative']),
  }),
  'attachments.create': request('attachments.create', { name: z.string().check(z.maxLength(REQUEST_LIMITS.name)), size: z.int(), mime_type: z.string().check(z.maxLength(REQUEST_LIMITS.mimeType)) }),
  'attachments.delete': request('attachments.delete', { attachment_id: id }),
  'threads.update': request('threads.update', { ...threadId, title: z.string().check(z.maxLength(REQUEST_LIMITS.title)) }),
  'threads.delete': request('threads.delete', threadId),
  'input.transcribe': request('input.transcribe', { audio_base64: z.string(), mime_type: z.string() }),
  'threads.sync_custom_action': request('threads.sync_custom_action', customAction),
} as const;

type Schemas = typeof REQUEST_SCHEMAS;

/** Every request type. */
export type ChatKitRequestType = keyof Schemas;
/** Every request type, in the order of CHATKIT.md §3.2 (streaming first). */
export const REQUEST_TYPES = Object.keys(REQUEST_SCHEMAS) as ChatKitRequestType[];

export { STREAMING_REQUEST_TYPES, isStreamingRequestType, type StreamingRequestType } from './request-types.ts';
import type { StreamingRequestType } from './request-types.ts';

/** A parsed request of the given type (defaults applied, e.g. `order: 'desc'`). */
export type ChatKitRequestOf<K extends ChatKitRequestType> = z.output<Schemas[K]>;
/** Any parsed request. */
export type ChatKitRequest = { [K in ChatKitRequestType]: z.output<Schemas[K]> }[ChatKitRequestType];
/** Any request as a client may write it (defaulted fields optional). */
export type ChatKitRequestInput = { [K in ChatKitRequestType]: z.input<Schemas[K]> }[ChatKitRequestType];
/** A request answered with an SSE stream. */
export type StreamingRequest = Extract<ChatKitRequest, { type: StreamingRequestType }>;
/** A request answered with JSON. */
export type NonStreamingRequest = Exclude<ChatKitRequest, { type: StreamingRequestType }>;
/** The parsed params of a request type. */
export type RequestParams<K extends ChatKitRequestType> = ChatKitRequestOf<K>['params'];

/** The user's message as the composer submits it. */
export type UserMessageInput = z.output<typeof userMessageInputSchema>;
/** A widget action sent to the server. */
export type Action = z.output<typeof actionSchema>;
/** Params of `threads.create`. */
export type ThreadCreateParams = RequestParams<'threads.create'>;
/** Params of `threads.add_user_message`. */
export type ThreadAddUserMessageParams = RequestParams<'threads.add_user_message'>;
/** Params of `threads.add_client_tool_output`. */
export type ThreadAddClientToolOutputParams = RequestParams<'threads.add_client_tool_output'>;
/** Params of `threads.add_structured_input`. */
export type ThreadAddStructuredInputParams = RequestParams<'threads.add_structured_input'>;
/** Params of `threads.retry_after_item`. */
export type ThreadRetryAfterItemParams = RequestParams<'threads.retry_after_item'>;
/** Params of `threads.custom_action` and `threads.sync_custom_action`. */
export type ThreadCustomActionParams = RequestParams<'threads.custom_action'>;
/** Params of `threads.get_by_id`. */
export type ThreadGetByIdParams = RequestParams<'threads.get_by_id'>;
/** Params of `threads.list`. */
export type ThreadListParams = RequestParams<'threads.list'>;
/** Params of `items.list`. */
export type ItemsListParams = RequestParams<'items.list'>;
/** Params of `items.feedback`. */
export type ItemFeedbackParams = RequestParams<'items.feedback'>;
/** Params of `attachments.create`. */
export type AttachmentCreateParams = RequestParams<'attachments.create'>;
/** Params of `attachments.delete`. */
export type AttachmentDeleteParams = RequestParams<'attachments.delete'>;
/** Params of `threads.update`. */
export type ThreadUpdateParams = RequestParams<'threads.update'>;
/** Params of `threads.delete`. */
export type ThreadDeleteParams = RequestParams<'threads.delete'>;
/** Params of `input.transcribe`. */
export type InputTranscribeParams = RequestParams<'input.transcribe'>;
