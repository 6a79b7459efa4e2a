/**
 * Attachment uploads (CHATKIT.md §3.9), imported on first use. Limits (type, size, count) are checked before
 * anything is sent. `two_phase`: `attachments.create`, then the bytes to the upload descriptor (PUT: the raw
 * file; POST: multipart field `file`) with the frame's own XHR/fetch, never the host's `api.fetch` (that URL is the
 * server's choice, presigned, and must not receive the host's credentials); `direct`: multipart `file` to the
 * configured `uploadStrategy.uploadUrl`, through `api.fetch` when there is one. Transports: upload-send.ts.
 * Main-bundle helpers come in through `composer.lib` (see composer-lib.ts for why they are not imported).
 * Long (~250 lines) because checks, both strategies, chip state and clean-up of half-done uploads belong together.
 */
import type { ResolvedAttachments, ResolvedOptions } from '../config/resolved.ts';
import type { FileUploadStrategy } from '../config/types.ts';
import type { ApiClient } from '../client/api-client.ts';
import type { Strings } from '../i18n/en.ts';
import type { Attachment } from '../protocol/attachments.ts';
import type { ComposerLib } from './composer-lib.ts';
import type { AttachmentEntry, ComposerModel } from './composer-model.ts';
import { sendWithFetch, sendWithProgress, type Send } from './upload-send.ts';

/** Where and how files are uploaded. */
export interface UploadTarget {
  strategy: FileUploadStrategy;
  client: ApiClient;
  /** For the configured URLs (`direct`): the host's `api.fetch` when given. */
  send: Send;
  /** For server-chosen URLs (two-phase descriptors): the frame's own transport, never `api.fetch`. */
  sendOwn: Send;
  /** The resolved `api.url` (relative upload descriptor URLs resolve against it). */
  apiUrl: string;
  /** The host page (a relative `uploadUrl` resolves against it). */
  baseUrl: string;
  parseAttachment: ComposerLib['parseAttachment'];
}

const lower = (s: string): string => s.toLowerCase();

/** Whether `file` matches an `accept` map (MIME pattern → extensions); no map accepts everything. */
export function isAccepted(file: Pick<File, 'name' | 'type'>, accept: Record<string, string[]> | undefined): boolean {
  if (!accept) return true;
  const mime = lower(file.type);
  const name = lower(file.name);
  return Object.entries(accept).some(
    ([pattern, exts]) =>
      (mime !== '' && (lower(pattern) === mime || pattern === '*/*' || (pattern.endsWith('/*') && mime.startsWith(lower(pattern.slice(0, -1)))))) ||
      exts.some((ext) => ext.length > 1 && name.endsWith(lower(ext.startsWith('.') ? ext : `.${ext}`))),
  );
}

/** Whether files can be attached: enabled, and a custom backend with an upload strategy to send them to. */
export function canAttach(options: ResolvedOptions): boolean {
  return options.composer.attachments.enabled && options.api?.type === 'custom' && !!options.api.uploadStrategy;
}

/** The `<input type=file accept>` value for an `accept` map. */
export function acceptAttribute(accept: Record<string, string[]> | undefined): string | undefined {
  return accept ? [...Object.keys(accept), ...Object.values(accept).flat()].join(',') : undefined;
}

/**
 * Splits `files` into those to upload and one message per refusal (wrong type, too large, one too many),
 * checked in that order; `existing` chips count towards `maxCount`.
 */
export function checkFiles(files: readonly File[], existing: number, limits: ResolvedAttachments, s: Strings, lang: string, lib: ComposerLib) {
  const { attachmentSizeLimit, formatString, formatBytes, formatPlural } = lib;
  const accepted: File[] = [];
  const refused: string[] = [];
  let countRefused = false;
  for (const file of files) {
    const limit = attachmentSizeLimit(limits.maxSize, file.type);
    if (!isAccepted(file, limits.accept)) refused.push(formatString(s.fileTypeNotAccepted, { name: file.name }));
    else if (file.size > limit) refused.push(formatString(s.fileTooLarge, { name: file.name, max: formatBytes(limit, lang) }));
    else if (existing + accepted.length >= limits.maxCount) countRefused = true;
    else accepted.push(file);
  }
  if (countRefused) refused.push(formatPlural(s.tooManyFiles, limits.maxCount, lang));
  return { accepted, refused };
}

function multipart(file: File): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}

async function readAttachment(res: Response, what: string, target: UploadTarget): Promise<Attachment> {
  if (!res.ok) throw new Error(`${what} answered ${res.status}`);
  const parsed = target.parseAttachment(await res.json().catch(() => null));
  if (!parsed.ok) throw new Error(`${what} sent an invalid attachment: ${parsed.error}`);
  return parsed.value;
}

/**
 * Uploads one file; `onCreated` receives a two-phase attachment as soon as the server has recorded it, so a
 * failed or cancelled byte upload can be cleaned up.
 */
export async function uploadFile(
  file: File,
  target: UploadTarget,
  signal: AbortSignal,
  onCreated?: (a: Attachment) => void,
  onProgress: (fraction: number) => void = () => {},
): Promise<Attachment> {
  const { strategy } = target;
  if (strategy.type === 'direct') {
    const url = new URL(strategy.uploadUrl, target.baseUrl).href;
    return readAttachment(await target.send(url, { method: 'POST', body: multipart(file), signal }, onProgress), 'The upload endpoint', target);
  }
  const params = { name: file.name, size: file.size, mime_type: file.type || 'application/octet-stream' };
  const created = await target.client.json({ type: 'attachments.create', params }, target.parseAttachment, signal);
  onCreated?.(created);
  const { upload_descriptor: descriptor, ...attachment } = created;
  if (!descriptor) return attachment;
  const res = await target.sendOwn(
    new URL(descriptor.url, target.apiUrl).href,
    { method: descriptor.method, headers: descriptor.headers, body: descriptor.method === 'PUT' ? file : multipart(file), signal },
    onProgress,
  );
  if (!res.ok) throw new Error(`The upload URL answered ${res.status}`);
  // The upload response may carry the final attachment; the one from attachments.create is as good.
  const final = target.parseAttachment(await res.json().catch(() => null));
  return final.ok && final.value.id === attachment.id ? { ...final.value, upload_descriptor: undefined } : attachment;
}

/** The upload target for the current options, or an Error saying what is missing. */
export function uploadTarget(composer: ComposerModel): UploadTarget | Error {
  const { app, lib } = composer;
  const api = app.options.peek().api;
  const client = composer.chat.client.peek();
  if (api?.type !== 'custom' || !client) return new Error('Attachments need a custom backend (api.url)');
  if (!api.uploadStrategy) return new Error('Attachments need api.uploadStrategy ({ type: "two_phase" } or { type: "direct", uploadUrl })');
  try {
    const apiUrl = lib.resolveApiUrl(api.url, app.baseUrl);
    const sendOwn = typeof XMLHttpRequest === 'undefined' ? sendWithFetch((url, init) => fetch(url, init)) : sendWithProgress;
    const send = api.fetch ? sendWithFetch(lib.fetchFor(api.fetch, app.host)) : sendOwn;
    return { strategy: api.uploadStrategy, client, send, sendOwn, apiUrl, baseUrl: app.baseUrl, parseAttachment: lib.parseAttachment };
  } catch (e) {
    return e as Error;
  }
}

interface Pending {
  file?: File;
  controller?: AbortController;
  created?: Attachment;
}

const pending = new WeakMap<ComposerModel, Map<number, Pending>>();
let keys = 0;

function jobs(composer: ComposerModel): Map<number, Pending> {
  let map = pending.get(composer);
  if (!map) pending.set(composer, (map = new Map()));
  return map;
}

function patch(composer: ComposerModel, key: number, change: Partial<AttachmentEntry>): boolean {
  const list = composer.entries.peek();
  if (!list.some((e) => e.key === key)) return false;
  composer.entries.value = list.map((e) => (e.key === key ? { ...e, ...change } : e));
  return true;
}

const revoke = (entry: AttachmentEntry | undefined): void => {
  if (entry?.preview?.startsWith('blob:')) URL.revokeObjectURL(entry.preview);
};

/**
 * The chip's preview of a server `preview_url`, under the Markdown image policy (web schemes and raster data
 * URLs only; the thread's `allowed_image_domains`). A chip has no room for a "load image" button, so an image
 * the policy would hold back shows no preview.
 */
function safePreview(composer: ComposerModel, url: string, base: string): string | undefined {
  const domains = composer.chat.imageDomains.peek();
  const image = composer.lib.createUrlPolicy({ baseUrl: base, allowedImageDomains: domains === null ? null : domains.split('\n') }).image(url);
  return image && !image.blocked ? image.src : undefined;
}

const forget = (composer: ComposerModel, id: string): void =>
  void composer.chat.client.peek()?.json({ type: 'attachments.delete', params: { attachment_id: id } }, (v) => ({ ok: true, value: v })).catch((e: Error) => composer.app.reportError(e));

async function run(composer: ComposerModel, key: number): Promise<void> {
  const job = jobs(composer).get(key);
  const file = job?.file;
  const target = uploadTarget(composer);
  if (!job || !file) return;
  const s = composer.app.strings.peek();
  const fail = (e: Error): void => {
    if (patch(composer, key, { status: 'failed', error: composer.lib.formatString(s.uploadFailed, { name: file.name }) })) composer.app.reportError(new Error(`Upload of ${file.name} failed: ${e.message}`));
  };
  if (target instanceof Error) return fail(target);
  const controller = new AbortController();
  job.controller = controller;
  patch(composer, key, { status: 'uploading', error: undefined, progress: undefined });
  // Whole percents only: an upload on a fast link fires many more events than the chip needs.
  const progress = (f: number): void => {
    const p = Math.floor(f * 100) / 100;
    if (p !== composer.entries.peek().find((e) => e.key === key)?.progress) patch(composer, key, { progress: p });
  };
  try {
    const attachment = await uploadFile(file, target, controller.signal, (a) => (job.created = a), progress);
    const entry = composer.entries.peek().find((e) => e.key === key);
    const preview = attachment.type === 'image' ? safePreview(composer, attachment.preview_url, target.apiUrl) : undefined;
    // From here on the chip shows the server's preview, so no object URL outlives the upload.
    if (!patch(composer, key, { status: 'done', attachment, preview })) return;
    revoke(entry);
    jobs(composer).delete(key);
  } catch (e) {
    if (controller.signal.aborted) return;
    if (job.created) forget(composer, job.created.id);
    job.created = undefined;
    fail(e as Error);
  } finally {
    job.controller = undefined;
  }
}

/** Adds files as chips and starts their uploads; returns the refusal messages (also shown as notices). */
export function addFiles(composer: ComposerModel, files: readonly File[]): string[] {
  const { app } = composer;
  const limits = app.options.peek().composer.attachments;
  const { accepted, refused } = checkFiles(files, composer.entries.peek().length, limits, app.strings.peek(), app.locale.peek().stringsLang, composer.lib);
  composer.notices.value = refused;
  const added = accepted.map((file): AttachmentEntry => {
    const key = ++keys;
    jobs(composer).set(key, { file });
    const image = /^image\//i.test(file.type);
    return { key, name: file.name, status: 'uploading', owned: true, ...(image ? { preview: URL.createObjectURL(file) } : {}) };
  });
  composer.entries.value = [...composer.entries.peek(), ...added];
  for (const entry of added) void run(composer, entry.key);
  return refused;
}

/** Removes a chip: aborts its upload (deleting a half-created two-phase attachment) or deletes what we uploaded. */
export function removeAttachment(composer: ComposerModel, key: number): void {
  const entry = composer.entries.peek().find((e) => e.key === key);
  const job = jobs(composer).get(key);
  jobs(composer).delete(key);
  job?.controller?.abort();
  if (job?.created && entry?.status === 'uploading') forget(composer, job.created.id);
  composer.entries.value = composer.entries.peek().filter((e) => e.key !== key);
  revoke(entry);
  if (entry?.status === 'done' && entry.owned && entry.attachment) forget(composer, entry.attachment.id);
}

/** Uploads a failed chip's file again. */
export function retryAttachment(composer: ComposerModel, key: number): void {
  const entry = composer.entries.peek().find((e) => e.key === key);
  if (entry?.status === 'failed') void run(composer, key);
}

/** Replaces every chip with already-uploaded attachments (`setComposerValue({attachments})`). */
export function replaceAttachments(composer: ComposerModel, list: readonly Attachment[]): void {
  for (const entry of composer.entries.peek()) removeAttachment(composer, entry.key);
  composer.entries.value = list.map((attachment) => ({
    key: ++keys,
    name: attachment.name,
    status: 'done',
    attachment,
    owned: false,
    ...(attachment.type === 'image' ? { preview: safePreview(composer, attachment.preview_url, composer.app.baseUrl) } : {}),
  }));
}
