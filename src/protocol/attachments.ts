/** Attachments as the server describes them (CHATKIT.md §3.5.5, §3.9). */
import * as z from './zod.ts';
import { opt } from './primitives.ts';

/** Where and how to upload the bytes in a two-phase upload. */
export const uploadDescriptorSchema = z.object({
  url: z.string(),
  method: z.enum(['POST', 'PUT']),
  headers: z._default(z.record(z.string(), z.string(), { error: 'object' }), {}),
});

const attachmentBase = {
  id: z.string(),
  name: z.string(),
  mime_type: z.string(),
  upload_descriptor: opt(uploadDescriptorSchema),
  thread_id: opt(z.string()),
};

/** A non-image attachment. */
export const fileAttachmentSchema = z.object({ ...attachmentBase, type: z.literal('file') });

/** An image attachment with a preview URL. */
export const imageAttachmentSchema = z.object({ ...attachmentBase, type: z.literal('image'), preview_url: z.string() });

/** Any attachment. */
export const attachmentSchema = z.discriminatedUnion('type', [fileAttachmentSchema, imageAttachmentSchema]);

/** Where and how to upload the bytes in a two-phase upload. */
export type AttachmentUploadDescriptor = z.output<typeof uploadDescriptorSchema>;
/** A non-image attachment. */
export type FileAttachment = z.output<typeof fileAttachmentSchema>;
/** An image attachment. */
export type ImageAttachment = z.output<typeof imageAttachmentSchema>;
/** Any attachment. */
export type Attachment = z.output<typeof attachmentSchema>;
