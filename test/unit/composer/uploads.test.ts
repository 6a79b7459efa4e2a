// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { composerLib } from '../../../src/store/composer-lib.ts';
import { addFiles, removeAttachment, retryAttachment } from '../../../src/store/composer-extras.ts';
import { acceptAttribute, checkFiles, isAccepted } from '../../../src/store/uploads.ts';
import { en } from '../../../src/i18n/en.ts';
import { act } from 'preact/test-utils';
import { API_URL, deferred, file, flush, json, mount, setup, type Seen } from './harness.tsx';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const limits = (over: Record<string, unknown> = {}) => ({ enabled: true, maxSize: 100 * 1024 * 1024, maxCount: 10, ...over });
const messages = (files: File[], existing: number, l: ReturnType<typeof limits>) => checkFiles(files, existing, l, en, 'en', composerLib).refused;

describe('limits, checked before any upload', () => {
  it('refuses a file over maxSize, naming the file and the formatted limit', () => {
    expect(messages([file('big.pdf', 'application/pdf', 2048)], 0, limits({ maxSize: 1024 }))).toEqual(['big.pdf is larger than 1 kB.']);
    expect(messages([file('ok.pdf', 'application/pdf', 1024)], 0, limits({ maxSize: 1024 }))).toEqual([]);
  });

  it('uses the MIME-pattern map: exact type, then type/*, then the "*" fallback', () => {
    const l = limits({ maxSize: { 'image/png': 10, 'image/*': 20, '*': 5 } });
    expect(messages([file('a.png', 'image/png', 11), file('b.jpg', 'image/jpeg', 20), file('c.txt', 'text/plain', 6)], 0, l)).toEqual([
      'a.png is larger than 10 byte.',
      'c.txt is larger than 5 byte.',
    ]);
  });

  it('refuses files beyond maxCount, counting chips already there, with one message', () => {
    const l = limits({ maxCount: 2 });
    const result = checkFiles([file('1.txt', 'text/plain'), file('2.txt', 'text/plain'), file('3.txt', 'text/plain')], 1, l, en, 'en', composerLib);
    expect(result.accepted.map((f) => f.name)).toEqual(['1.txt']);
    expect(result.refused).toEqual(['You can attach up to 2 files.']);
    expect(messages([file('1.txt', 'text/plain'), file('2.txt', 'text/plain')], 0, limits({ maxCount: 1 }))).toEqual(['You can attach only one file.']);
  });

  it('refuses types the accept map does not list', () => {
    const l = limits({ accept: { 'image/*': ['.png'], 'application/pdf': ['.pdf'] } });
    expect(messages([file('a.png', 'image/png'), file('b.PDF', ''), file('c.exe', 'application/x-msdownload')], 0, l)).toEqual(['The file type of c.exe isn’t supported.']);
  });

  it('matches accept maps by MIME pattern or extension, case-insensitively', () => {
    const accept = { 'image/*': [], 'text/csv': ['csv', '.TSV'] };
    expect(isAccepted({ name: 'x.JPG', type: 'IMAGE/JPEG' }, accept)).toBe(true);
    expect(isAccepted({ name: 'x.tsv', type: '' }, accept)).toBe(true);
    expect(isAccepted({ name: 'x.csv', type: 'application/octet-stream' }, accept)).toBe(true);
    expect(isAccepted({ name: 'imagefile', type: 'application/octet-stream' }, accept)).toBe(false);
    expect(isAccepted({ name: 'x', type: '' }, { '*/*': [] })).toBe(false);
    expect(isAccepted({ name: 'x', type: 'a/b' }, undefined)).toBe(true);
    expect(acceptAttribute(accept)).toBe('image/*,text/csv,csv,.TSV');
    expect(acceptAttribute(undefined)).toBeUndefined();
  });

  it('shows refusals as notices and uploads nothing for them', () => {
    const t = setup({ api: { url: API_URL, uploadStrategy: { type: 'two_phase' } }, composer: { attachments: { enabled: true, maxSize: 1024 } } });
    const refused = addFiles(t.composer, [file('big.pdf', 'application/pdf', 4096)]);
    expect(refused).toEqual(['big.pdf is larger than 1 kB.']);
    expect(t.composer.notices.value).toEqual(['big.pdf is larger than 1 kB.']);
    expect(t.composer.entries.value).toEqual([]);
    expect(t.requests).toEqual([]);
  });
});

const created = (id: string, descriptor: Record<string, unknown> | undefined, type = 'file') => ({
  id,
  name: 'notes.txt',
  mime_type: 'text/plain',
  type,
  ...(type === 'image' ? { preview_url: `/chatkit/files/${id}` } : {}),
  ...(descriptor ? { upload_descriptor: descriptor } : {}),
});

/**
 * A two-phase setup. The descriptor upload goes through the frame's own transport, never api.fetch; here the
 * frame's fetch (no XMLHttpRequest) is the same recorder, so `requests` lists both phases in order.
 */
function twoPhase(descriptor: Record<string, unknown>, attachment = created('atc_1', descriptor), uploaded?: (req: Seen) => Response | Promise<Response>) {
  vi.stubGlobal('XMLHttpRequest', undefined);
  const t = setup({ api: { url: API_URL, uploadStrategy: { type: 'two_phase' } }, composer: { attachments: { enabled: true } } }, (req) => {
    if (req.url === API_URL && (req.body as { type: string }).type === 'attachments.create') return json(attachment);
    if (req.url !== API_URL) return uploaded ? uploaded(req) : json({});
    return undefined;
  });
  vi.stubGlobal('fetch', t.fetch);
  return t;
}

describe('two_phase uploads', () => {
  it('creates the attachment, then PUTs the raw file to the descriptor URL with its headers', async () => {
    const t = twoPhase({ url: 'https://files.test/up/atc_1?sig=1', method: 'PUT', headers: { 'x-amz-acl': 'private' } });
    const f = file('notes.txt', 'text/plain', 5);
    addFiles(t.composer, [f]);
    expect(t.composer.entries.value).toMatchObject([{ name: 'notes.txt', status: 'uploading', owned: true }]);
    expect(t.composer.canSend.value).toBe(false);
    await flush();
    expect(t.requests.map((r) => [r.method, r.url])).toEqual([
      ['POST', API_URL],
      ['PUT', 'https://files.test/up/atc_1?sig=1'],
    ]);
    expect(t.requests[0]?.body).toEqual({ type: 'attachments.create', params: { name: 'notes.txt', size: 5, mime_type: 'text/plain' } });
    expect(t.requests[1]?.headers).toEqual({ 'x-amz-acl': 'private' });
    expect(t.requests[1]?.body).toBe(f);
    expect(t.composer.entries.value).toEqual([
      { key: expect.any(Number), name: 'notes.txt', status: 'done', owned: true, preview: undefined, error: undefined, attachment: { id: 'atc_1', name: 'notes.txt', mime_type: 'text/plain', type: 'file' } },
    ]);
  });

  it('POSTs multipart with the field "file" when the descriptor says POST, resolving a relative URL against api.url', async () => {
    const t = twoPhase({ url: 'uploads/atc_1', method: 'POST', headers: { 'X-Upload-Token': 't0k' } });
    addFiles(t.composer, [file('notes.txt', 'text/plain')]);
    await flush();
    const upload = t.requests[1];
    expect([upload?.method, upload?.url, upload?.headers]).toEqual(['POST', 'https://api.test/uploads/atc_1', { 'X-Upload-Token': 't0k' }]);
    expect(upload?.body).toBeInstanceOf(FormData);
    expect(((upload?.body as FormData).get('file') as File).name).toBe('notes.txt');
  });

  it('sends the uploaded attachments with the message and clears the chips', async () => {
    const t = twoPhase({ url: 'https://files.test/up', method: 'PUT', headers: {} });
    addFiles(t.composer, [file('notes.txt', 'text/plain')]);
    await flush();
    t.composer.text.value = 'see attached';
    await t.composer.submit();
    expect(t.api().at(-1)).toEqual({
      type: 'threads.create',
      params: { input: { content: [{ type: 'input_text', text: 'see attached' }], attachments: ['atc_1'], inference_options: {} } },
    });
    expect(t.composer.entries.value).toEqual([]);
  });

  it('shows an image preview from an object URL while uploading, then the server preview, revoking the object URL', async () => {
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    const upload = deferred<Response>();
    const t = twoPhase({ url: 'https://files.test/up', method: 'PUT', headers: {} }, created('atc_9', { url: 'https://files.test/up', method: 'PUT', headers: {} }, 'image'), () => upload.promise);
    addFiles(t.composer, [file('cat.png', 'image/png')]);
    const blob = t.composer.entries.value[0]?.preview;
    expect(blob).toMatch(/^blob:/);
    await flush();
    expect(t.composer.entries.value[0]?.preview).toBe(blob);
    upload.resolve(json({}));
    await flush();
    expect(t.composer.entries.value[0]?.preview).toBe('https://api.test/chatkit/files/atc_9');
    expect(revoke.mock.calls).toEqual([[blob]]);
  });

  it('keeps a server preview only if the Markdown image policy allows it (scheme, allowed_image_domains)', async () => {
    const descriptor = { url: 'https://files.test/up', method: 'PUT', headers: {} };
    const previewOf = async (preview_url: string, domains?: string[]) => {
      const t = twoPhase(descriptor, { ...created('atc_9', descriptor, 'image'), preview_url });
      if (domains) t.chat.conversation.value = { ...t.chat.conversation.value, thread: { id: 'thr_1', created_at: '2026-01-01T00:00:00', status: { type: 'active' }, metadata: {}, allowed_image_domains: domains } as never };
      addFiles(t.composer, [file('cat.png', 'image/png')]);
      await flush();
      expect(t.composer.entries.value[0]?.status).toBe('done');
      return t.composer.entries.value[0]?.preview;
    };
    expect(await previewOf('javascript:alert(1)')).toBeUndefined();
    expect(await previewOf('data:image/svg+xml,<svg onload=alert(1)>')).toBeUndefined();
    expect(await previewOf('file:///etc/passwd')).toBeUndefined();
    expect(await previewOf('https://tracker.example/p.png', ['cdn.example'])).toBeUndefined();
    expect(await previewOf('https://img.cdn.example/p.png', ['cdn.example'])).toBe('https://img.cdn.example/p.png');
  });

  it('marks a failed upload, deletes the half-created attachment, and uploads again on retry', async () => {
    let attempts = 0;
    const t = twoPhase({ url: 'https://files.test/up', method: 'PUT', headers: {} }, undefined, () => (++attempts === 1 ? new Response('no', { status: 403 }) : json({})));
    addFiles(t.composer, [file('notes.txt', 'text/plain')]);
    await flush();
    expect(t.composer.entries.value).toMatchObject([{ status: 'failed', error: 'Couldn’t upload notes.txt.' }]);
    expect(t.errors()).toEqual(['Upload of notes.txt failed: The upload URL answered 403']);
    expect(t.api().map((r) => r.type)).toEqual(['attachments.create', 'attachments.delete']);
    expect(t.api()[1]?.params).toEqual({ attachment_id: 'atc_1' });
    expect(t.composer.canSend.value).toBe(false);
    retryAttachment(t.composer, t.composer.entries.value[0]!.key);
    await flush();
    expect(t.composer.entries.value).toMatchObject([{ status: 'done', error: undefined }]);
    expect(t.api().map((r) => r.type)).toEqual(['attachments.create', 'attachments.delete', 'attachments.create']);
  });

  it('fails clearly on an invalid attachments.create answer', async () => {
    const t = twoPhase({}, { id: 5 } as never);
    addFiles(t.composer, [file('notes.txt', 'text/plain')]);
    await flush();
    expect(t.composer.entries.value).toMatchObject([{ status: 'failed', error: 'Couldn’t upload notes.txt.' }]);
    expect(t.errors()).toEqual(['Upload of notes.txt failed: The chat server sent an invalid answer to attachments.create: type: expected one of "file" | "image", received nothing']);
  });
});

describe('two_phase upload URLs are the server\'s choice: never through the host api.fetch', () => {
  afterEach(() => vi.unstubAllGlobals());
  it('PUTs to the descriptor URL with the frame\'s own fetch, so the host\'s auth headers never go there', async () => {
    const hostFetch = vi.fn(async (_url: string, init?: RequestInit) =>
      json({ id: 'atc_1', name: 'notes.txt', mime_type: 'text/plain', type: 'file', upload_descriptor: { url: 'https://attacker.example/up', method: 'PUT', headers: {} }, _: init }),
    );
    const frameFetch = vi.fn(async (_url: string, _init?: RequestInit) => json({}));
    vi.stubGlobal('XMLHttpRequest', undefined);
    vi.stubGlobal('fetch', frameFetch);
    const t = setup({ api: { url: API_URL, fetch: hostFetch, uploadStrategy: { type: 'two_phase' } }, composer: { attachments: { enabled: true } } });
    addFiles(t.composer, [file('notes.txt', 'text/plain')]);
    await flush();
    expect(hostFetch.mock.calls.map((c) => c[0])).toEqual([API_URL]);
    expect(frameFetch.mock.calls.map((c) => [c[0], c[1]?.method, c[1]?.headers])).toEqual([['https://attacker.example/up', 'PUT', {}]]);
    expect(t.composer.entries.value).toMatchObject([{ status: 'done' }]);
  });
});

describe('direct uploads', () => {
  const attachment = { id: 'atc_d', name: 'notes.txt', mime_type: 'text/plain', type: 'file' };
  const direct = (answer: () => Response, uploadUrl = '/chatkit/upload') =>
    setup({ api: { url: API_URL, uploadStrategy: { type: 'direct', uploadUrl } }, composer: { attachments: { enabled: true } } }, (req) => (req.url === API_URL ? undefined : answer()));

  it('POSTs multipart "file" to uploadUrl resolved against the host page, and keeps the returned attachment', async () => {
    const t = direct(() => json(attachment));
    addFiles(t.composer, [file('notes.txt', 'text/plain')]);
    await flush();
    expect(t.requests.map((r) => [r.method, r.url])).toEqual([['POST', 'https://host.test/chatkit/upload']]);
    expect(((t.requests[0]?.body as FormData).get('file') as File).name).toBe('notes.txt');
    expect(t.composer.entries.value[0]?.attachment).toEqual(attachment);
  });

  it('fails on an HTTP error or an answer that is not an attachment', async () => {
    const errors: string[] = [];
    for (const answer of [() => new Response('too big', { status: 413 }), () => json({ id: 'x' })]) {
      const t = direct(answer);
      addFiles(t.composer, [file('notes.txt', 'text/plain')]);
      await flush();
      expect(t.composer.entries.value).toMatchObject([{ status: 'failed', error: 'Couldn’t upload notes.txt.' }]);
      errors.push(...t.errors());
    }
    expect(errors).toEqual([
      'Upload of notes.txt failed: The upload endpoint answered 413',
      'Upload of notes.txt failed: The upload endpoint sent an invalid attachment: type: expected one of "file" | "image", received nothing',
    ]);
  });

  it('uses the host api.fetch for the bytes too', async () => {
    const hostFetch = vi.fn(async (_url: string, _init?: RequestInit) => json(attachment));
    const t = setup({ api: { url: API_URL, fetch: hostFetch, uploadStrategy: { type: 'direct', uploadUrl: 'https://up.test/u' } }, composer: { attachments: { enabled: true } } });
    addFiles(t.composer, [file('notes.txt', 'text/plain')]);
    await flush();
    expect(hostFetch.mock.calls.map((c) => c[0])).toEqual(['https://up.test/u']);
  });

  it('marks the chip failed when the options have no upload strategy', async () => {
    const t = setup({ composer: { attachments: { enabled: true } } });
    addFiles(t.composer, [file('notes.txt', 'text/plain')]);
    await flush();
    expect(t.composer.entries.value).toMatchObject([{ status: 'failed', error: 'Couldn’t upload notes.txt.' }]);
    expect(t.errors()).toEqual(['Upload of notes.txt failed: Attachments need api.uploadStrategy ({ type: "two_phase" } or { type: "direct", uploadUrl })']);
  });
});

describe('removing attachments', () => {
  it('cancels an upload in flight (aborting the request) and deletes the created attachment', async () => {
    const never = deferred<Response>();
    const t = twoPhase({ url: 'https://files.test/up', method: 'PUT', headers: {} }, undefined, () => never.promise);
    addFiles(t.composer, [file('notes.txt', 'text/plain')]);
    await flush();
    const upload = t.requests[1];
    expect(upload?.signal?.aborted).toBe(false);
    removeAttachment(t.composer, t.composer.entries.value[0]!.key);
    await flush();
    expect(upload?.signal?.aborted).toBe(true);
    expect(t.composer.entries.value).toEqual([]);
    expect(t.api().map((r) => [r.type, r.params])).toEqual([
      ['attachments.create', { name: 'notes.txt', size: 3, mime_type: 'text/plain' }],
      ['attachments.delete', { attachment_id: 'atc_1' }],
    ]);
    expect(t.errors()).toEqual([]);
  });

  it('deletes an uploaded but unsent attachment on the server', async () => {
    const t = twoPhase({ url: 'https://files.test/up', method: 'PUT', headers: {} });
    addFiles(t.composer, [file('notes.txt', 'text/plain')]);
    await flush();
    removeAttachment(t.composer, t.composer.entries.value[0]!.key);
    await flush();
    expect(t.api().at(-1)).toEqual({ type: 'attachments.delete', params: { attachment_id: 'atc_1' } });
    expect(t.composer.canSend.value).toBe(false);
  });
});

describe('upload progress (no host api.fetch: XMLHttpRequest)', () => {
  /** Records what is sent; the test drives its events. */
  class FakeXhr {
    static all: FakeXhr[] = [];
    upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    responseType = '';
    status = 0;
    response: Blob | null = null;
    method = '';
    url = '';
    headers: Record<string, string> = {};
    body: unknown;
    aborted = false;
    open(method: string, url: string) {
      this.method = method;
      this.url = url;
    }
    setRequestHeader(k: string, v: string) {
      this.headers[k] = v;
    }
    send(body: unknown) {
      this.body = body;
      FakeXhr.all.push(this);
    }
    abort() {
      this.aborted = true;
      this.onabort?.();
    }
    respond(status: number, value: unknown) {
      this.status = status;
      this.response = new Blob([JSON.stringify(value)]);
      this.onload?.();
    }
  }
  const attachment = { id: 'atc_x', name: 'notes.txt', mime_type: 'text/plain', type: 'file' };
  const noHostFetch = (strategy: Record<string, unknown>, route?: Parameters<typeof setup>[1]) => {
    FakeXhr.all = [];
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    return setup({ api: { url: API_URL, fetch: undefined, uploadStrategy: strategy }, composer: { attachments: { enabled: true } } }, route);
  };
  afterEach(() => vi.unstubAllGlobals());

  it('shows the percentage sent on the chip, then keeps the attachment the endpoint returns', async () => {
    const t = noHostFetch({ type: 'direct', uploadUrl: '/chatkit/upload' });
    const view = await mount(t.models);
    addFiles(t.composer, [file('notes.txt', 'text/plain')]);
    await flush();
    const xhr = FakeXhr.all[0]!;
    expect([xhr.method, xhr.url, xhr.responseType]).toEqual(['POST', 'https://host.test/chatkit/upload', 'blob']);
    expect(((xhr.body as FormData).get('file') as File).name).toBe('notes.txt');
    expect(view.$('.ck-chip-note').textContent).toBe('Uploading…');
    act(() => xhr.upload.onprogress!({ lengthComputable: true, loaded: 403, total: 1000 }));
    expect(t.composer.entries.value[0]?.progress).toBe(0.4);
    expect(view.$('.ck-chip-note').textContent).toBe('Uploading… 40%');
    act(() => xhr.upload.onprogress!({ lengthComputable: false, loaded: 900, total: 0 })); // unknown total: ignored
    expect(view.$('.ck-chip-note').textContent).toBe('Uploading… 40%');
    xhr.respond(200, attachment);
    await flush();
    expect(t.composer.entries.value).toMatchObject([{ status: 'done', attachment }]);
    view.unmount();
  });

  it('PUTs two-phase bytes with the descriptor headers, and aborts the request when the chip is removed', async () => {
    const t = noHostFetch({ type: 'two_phase' });
    const created = { ...attachment, upload_descriptor: { url: 'https://files.test/up', method: 'PUT', headers: { 'x-sig': 'abc' } } };
    t.fetch.mockImplementation(async () => json(created)); // attachments.create over the page's fetch stub below
    vi.stubGlobal('fetch', t.fetch);
    addFiles(t.composer, [file('notes.txt', 'text/plain')]);
    await flush();
    const xhr = FakeXhr.all[0]!;
    expect([xhr.method, xhr.url, xhr.headers]).toEqual(['PUT', 'https://files.test/up', { 'x-sig': 'abc' }]);
    expect((xhr.body as File).name).toBe('notes.txt');
    removeAttachment(t.composer, t.composer.entries.value[0]!.key);
    await flush();
    expect(xhr.aborted).toBe(true);
    expect(t.composer.entries.value).toEqual([]);
    expect(t.errors()).toEqual([]);
  });

  it('fails the chip on a network error, and retries', async () => {
    const t = noHostFetch({ type: 'direct', uploadUrl: 'https://up.test/u' });
    addFiles(t.composer, [file('notes.txt', 'text/plain')]);
    await flush();
    FakeXhr.all[0]!.onerror!();
    await flush();
    expect(t.composer.entries.value).toMatchObject([{ status: 'failed', error: 'Couldn’t upload notes.txt.' }]);
    expect(t.errors()).toEqual(['Upload of notes.txt failed: The upload to https://up.test/u failed (network error)']);
    retryAttachment(t.composer, t.composer.entries.value[0]!.key);
    await flush();
    FakeXhr.all[1]!.respond(200, attachment);
    await flush();
    expect(t.composer.entries.value).toMatchObject([{ status: 'done', attachment }]);
  });
});
