/** The JSON bodies of non-streaming responses that are not threads, pages or attachments. */
import * as z from './zod.ts';
import type { ThreadItem } from './items.ts';

/** `input.transcribe` → the recognised text. */
export const transcriptionSchema = z.object({ text: z.string() });

/** `input.transcribe` → the recognised text. */
export type Transcription = z.output<typeof transcriptionSchema>;

/** `threads.sync_custom_action` → the item to replace in place, if the action changed one. */
export type SyncActionResult = { updated_item?: ThreadItem };
