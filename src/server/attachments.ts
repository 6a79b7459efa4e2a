/**
 * Attachments (CHATKIT.md §3.9): creation for both upload strategies, storing bytes, and reading them back for
 * the file route. Uploaded files are served from the host's origin, so only raster images are ever shown
 * inline; everything else is a download (the HTTP layer adds `nosniff` and a sandboxing CSP as well).
 */
import type { Attachment } from '../protocol/index.ts';
import { HttpError, NotFoundError } from './errors.ts';
import type { AttachmentFile, RequestEnv, UploadedFile } from './server-types.ts';

const INLINE_IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif']);

/** Whether files of this type may be displayed inline (SVG is excluded: it can carry script). */
export function isInlineImage(mimeType: string): boolean {
  return INLINE_IMAGE_TYPES.has(mimeType);
}

/** A MIME type safe to echo in a header: `type/subtype`, lower case, parameters dropped; else octet-stream. */
export function normalizeMimeType(value: string): string {
  const base = (value.split(';')[0] ?? '').trim().toLowerCase();
  return /^[a-z0-9][\w.+-]*\/[\w.+-]+$/.test(base) ? base : 'application/octet-stream';
}

/** A display name without control characters, at most 255 characters. */
export function normalizeFileName(value: string): string {
  const cleaned = value.replace(/\p{Cc}/gu, '').trim().slice(0, 255);
  return cleaned || 'file';
}

function urlOf(baseUrl: string, route: 'uploads' | 'files', id: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${route}/${encodeURIComponent(id)}`;
}

function describe(id: string, name: string, mimeType: string, baseUrl: string, twoPhase: boolean): Attachment {
  const upload_descriptor = twoPhase
    ? { url: urlOf(baseUrl, 'uploads', id), method: 'PUT' as const, headers: {} }
    : undefined;
  const common = { id, name: normalizeFileName(name), mime_type: normalizeMimeType(mimeType), upload_descriptor };
  return isInlineImage(common.mime_type)
    ? { ...common, type: 'image', preview_url: urlOf(baseUrl, 'files', id) }
    : { ...common, type: 'file' };
}

function checkSize<C>(size: number, env: RequestEnv<C>): void {
  if (env.maxUploadBytes <= 0) throw new HttpError(400, 'not_configured', 'attachments are not enabled');
  if (size > env.maxUploadBytes) {
    throw new HttpError(413, 'payload_too_large', `file is larger than ${env.maxUploadBytes} bytes`);
  }
}

/** `attachments.create`: records the attachment and returns where to PUT its bytes. */
export async function createTwoPhaseAttachment<C>(
  params: { name: string; size: number; mime_type: string },
  env: RequestEnv<C>,
): Promise<Attachment> {
  checkSize(params.size, env);
  const attachment = describe(env.ctx.generateId('attachment'), params.name, params.mime_type, env.baseUrl, true);
  await env.store.saveAttachment(attachment);
  return attachment;
}

/** Two-phase step 2: stores the bytes once; the descriptor is dropped because there is nothing left to upload. */
export async function storeUploadedBytes<C>(attachmentId: string, bytes: Uint8Array, env: RequestEnv<C>) {
  checkSize(bytes.byteLength, env);
  let attachment: Attachment;
  try {
    attachment = await env.store.loadAttachment(attachmentId);
  } catch (error) {
    if (error instanceof NotFoundError) throw new HttpError(404, 'not_found', error.message);
    throw error;
  }
  if (!attachment.upload_descriptor) {
    throw new HttpError(409, 'conflict', `attachment ${attachmentId} has already been uploaded`);
  }
  await env.store.saveAttachmentBytes(attachment.id, bytes);
  const uploaded: Attachment = { ...attachment, upload_descriptor: undefined };
  await env.store.saveAttachment(uploaded);
  return uploaded;
}

/** Direct upload: one request creates the attachment and stores its bytes. */
export async function createDirectAttachment<C>(file: UploadedFile, env: RequestEnv<C>): Promise<Attachment> {
  checkSize(file.bytes.byteLength, env);
  const attachment = describe(env.ctx.generateId('attachment'), file.name, file.mimeType, env.baseUrl, false);
  // Bytes first: a crash or a failed write between the two leaves no row pointing at a file that is not there.
  await env.store.saveAttachmentBytes(attachment.id, file.bytes);
  await env.store.saveAttachment(attachment);
  return attachment;
}

/** An attachment's bytes and how to serve them; null when unknown or not uploaded yet. */
export async function readAttachmentFile<C>(attachmentId: string, env: RequestEnv<C>): Promise<AttachmentFile | null> {
  let attachment: Attachment;
  try {
    attachment = await env.store.loadAttachment(attachmentId);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
  const bytes = await env.store.loadAttachmentBytes(attachment.id);
  if (!bytes) return null;
  const mimeType = normalizeMimeType(attachment.mime_type);
  return { name: attachment.name, mimeType, bytes, inline: attachment.type === 'image' && isInlineImage(mimeType) };
}
