/** Structured input prompts and the client's answers (CHATKIT.md §3.5.7). */
import * as z from './zod.ts';
import { opt } from './primitives.ts';

const inputBase = {
  id: z.string(),
  question: z.string(),
  answer: opt(z.object({ values: z._default(z.array(z.string()), []), skipped: z._default(z.boolean(), false) })),
};

/** One question of a structured input item. */
export const structuredInputSchema = z.discriminatedUnion('type', [
  z.object({
    ...inputBase,
    type: z.literal('multiple_choice'),
    options: z.array(z.object({ value: z.string() })),
    multiple: z._default(z.boolean(), false),
    /** Offer a free-form "Other" answer besides the options (sent as one more value). */
    allow_other: opt(z.boolean()),
  }),
  z.object({ ...inputBase, type: z.literal('freeform'), description: opt(z.string()) }),
]);

/** The client's answers, keyed by input id (`threads.add_structured_input`). */
export const structuredInputSubmissionSchema = z.object({
  status: z._default(z.enum(['answered', 'skipped']), 'answered'),
  answers: z._default(
    z.record(z.string(), z.object({ values: z._default(z.array(z.string()), []), skipped: opt(z.boolean()) }), {
      error: 'object',
    }),
    {},
  ),
});

/** One question of a structured input item. */
export type StructuredInput = z.output<typeof structuredInputSchema>;
/** The client's answers to a structured input item. */
export type StructuredInputSubmission = z.output<typeof structuredInputSubmissionSchema>;
