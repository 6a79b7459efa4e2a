/**
 * Validation of method arguments arriving from the host (a trust boundary): each parser returns clean values or
 * throws an Error whose message names the method, the path and the expected shape, with code INVALID.
 */
import type { SendInput } from '../store/chat-model.ts';
import { describeValue, formatIssue } from '../protocol/format-issue.ts';
import * as z from '../protocol/zod.ts';
import { attachmentSchema } from '../protocol/attachments.ts';

const text = z.object({ type: z.literal('input_text'), text: z.string() });
// Clients may omit a tag's `data`/`interactive`; the server requires `data`, so it is filled in (§1.14).
const tag = z.object({
  type: z.literal('input_tag'),
  id: z.string(),
  text: z.string(),
  data: z.optional(z.record(z.string(), z.unknown())),
  group: z.optional(z.string()),
  interactive: z.optional(z.boolean()),
});
const content = z.array(z.discriminatedUnion('type', [text, tag]));

const sendSchema = z.object({
  text: z.optional(z.string()),
  content: z.optional(content),
  reply: z.optional(z.string()),
  attachments: z.optional(z.array(attachmentSchema)),
  newThread: z.optional(z.boolean()),
  toolChoice: z.optional(z.object({ id: z.string() })),
  model: z.optional(z.string()),
});

const composerSchema = z.object({
  text: z.optional(z.string()),
  content: z.optional(content),
  reply: z.optional(z.string()),
  attachments: z.optional(z.array(attachmentSchema)),
  files: z.optional(z.array(z.custom<File>((f) => typeof File !== 'undefined' && f instanceof File, { message: 'a File' }))),
  selectedToolId: z.optional(z.nullable(z.string())),
  selectedModelId: z.optional(z.string()),
});

const actionSchema = z.object({ type: z.string().check(z.minLength(1)), payload: z.optional(z.record(z.string(), z.unknown())) });

/** An INVALID bridge error naming the method. */
function invalid(method: string, message: string): Error {
  return Object.assign(new Error(`${method}: ${message}`), { code: 'INVALID' });
}

function parse<T>(method: string, schema: z.ZodMiniType<T>, value: unknown): T {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw invalid(method, result.error.issues.map((i) => formatIssue(i, value ?? {})).join('; '));
  return result.data;
}

type Content = z.output<typeof content>;
const normalize = (parts: Content): SendInput['content'] =>
  parts.map((p) => (p.type === 'input_tag' ? { ...p, data: p.data ?? {}, interactive: p.interactive ?? false } : p));

/** `sendUserMessage(params)` → what the chat model sends. */
export function parseSendUserMessage(value: unknown): SendInput {
  const p = parse('sendUserMessage', sendSchema, value);
  const parts = p.content ? normalize(p.content) : p.text !== undefined ? [{ type: 'input_text' as const, text: p.text }] : [];
  if (!parts.length || parts.every((c) => c.type === 'input_text' && !c.text.trim())) {
    if (!p.attachments?.length) throw invalid('sendUserMessage', 'expected text, content or attachments, received an empty message');
  }
  return {
    content: parts,
    ...(p.attachments ? { attachments: p.attachments } : {}),
    ...(p.reply ? { quotedText: p.reply } : {}),
    ...(p.newThread ? { newThread: true } : {}),
    inference: { ...(p.toolChoice ? { tool_choice: p.toolChoice } : {}), ...(p.model ? { model: p.model } : {}) },
  };
}

/** `setComposerValue(params)`. */
export function parseSetComposerValue(value: unknown) {
  return parse('setComposerValue', composerSchema, value);
}

/** `setThreadId(id)`: a non-empty string or null. */
export function parseThreadId(value: unknown): string | null {
  if (value === null) return null;
  if (typeof value === 'string' && value) return value;
  throw invalid('setThreadId', `expected a thread id (string) or null, received ${describeValue(value)}`);
}

/** `sendCustomAction(action, itemId?)`. */
export function parseCustomAction(action: unknown, itemId: unknown): { action: { type: string; payload?: Record<string, unknown> }; itemId?: string } {
  const a = parse('sendCustomAction', actionSchema, action);
  if (itemId !== undefined && itemId !== null && typeof itemId !== 'string') throw invalid('sendCustomAction', 'itemId: expected string');
  return { action: a, ...(typeof itemId === 'string' ? { itemId } : {}) };
}
