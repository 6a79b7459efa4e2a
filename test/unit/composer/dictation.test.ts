// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pickMimeType, toBase64, toggleDictation } from '../../../src/store/composer-dictation.ts';
import { API_URL, deferred, flush, json, setup } from './harness.tsx';

/** A MediaRecorder stand-in: records what it was built with; `stop()` delivers `chunks`, then fires onstop. */
class FakeRecorder {
  static supported = new Set(['audio/mp4', 'audio/ogg;codecs=opus']);
  static instances: FakeRecorder[] = [];
  static chunks: Blob[] = [new Blob(['abc'], { type: 'audio/mp4' })];
  static isTypeSupported = (t: string): boolean => FakeRecorder.supported.has(t);
  ondataavailable: ((e: { data: Blob }) => void) | null = null;
  onstop: (() => void) | null = null;
  started = false;
  readonly mimeType: string;
  constructor(
    readonly stream: unknown,
    readonly options?: { mimeType?: string },
  ) {
    this.mimeType = options?.mimeType ?? '';
    FakeRecorder.instances.push(this);
  }
  start(): void {
    this.started = true;
  }
  stop(): void {
    for (const data of FakeRecorder.chunks) this.ondataavailable?.({ data });
    this.onstop?.();
  }
}

function fakeMedia(getUserMedia: () => Promise<unknown>) {
  const track = { stop: vi.fn() };
  FakeRecorder.instances = [];
  vi.stubGlobal('MediaRecorder', FakeRecorder);
  Object.defineProperty(navigator, 'mediaDevices', { configurable: true, value: { getUserMedia: vi.fn(getUserMedia) } });
  return { track, stream: { getTracks: () => [track] } };
}

afterEach(() => {
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, 'mediaDevices');
});

describe('dictation', () => {
  it('picks the first supported type in the documented order', () => {
    expect(pickMimeType({ isTypeSupported: () => true })).toBe('audio/webm;codecs=opus');
    expect(pickMimeType(FakeRecorder)).toBe('audio/mp4');
    expect(pickMimeType({ isTypeSupported: (t) => t.startsWith('audio/ogg') })).toBe('audio/ogg;codecs=opus');
    expect(pickMimeType({ isTypeSupported: () => false })).toBeUndefined();
  });

  it('encodes bytes as base64, also past the 32 KiB slice size', async () => {
    expect(await toBase64(new Blob(['abcd']))).toBe('YWJjZA==');
    const big = new Uint8Array(70_000).map((_, i) => i % 251);
    expect(await toBase64(new Blob([big]))).toBe(Buffer.from(big).toString('base64'));
  });

  it('records, then on stop sends input.transcribe and inserts the text at the caret', async () => {
    const media = fakeMedia(async () => media.stream);
    const transcript = deferred<Response>();
    const t = setup({ composer: { dictation: { enabled: true } } }, (req) => (req.url === API_URL && (req.body as { type: string }).type === 'input.transcribe' ? transcript.promise : undefined));
    const states: string[] = [];
    t.composer.dictation.subscribe((s) => states.push(s));
    const input = document.createElement('textarea');
    document.body.appendChild(input);
    t.composer.register(input);
    t.composer.text.value = 'Hello world';
    input.value = 'Hello world';
    input.setSelectionRange(5, 5);

    await toggleDictation(t.composer);
    const recorder = FakeRecorder.instances[0]!;
    expect([recorder.stream, recorder.options, recorder.started]).toEqual([media.stream, { mimeType: 'audio/mp4' }, true]);
    expect(t.composer.dictation.value).toBe('recording');

    await toggleDictation(t.composer);
    await flush();
    expect(t.composer.dictation.value).toBe('transcribing');
    expect(media.track.stop).toHaveBeenCalledTimes(1);
    expect(t.api()).toEqual([{ type: 'input.transcribe', params: { audio_base64: 'YWJj', mime_type: 'audio/mp4' } }]);
    transcript.resolve(json({ text: ' there ' }));
    await flush();
    expect(t.composer.text.value).toBe('Hello there world');
    expect(input.selectionStart).toBe(11);
    expect(states).toEqual(['idle', 'starting', 'recording', 'transcribing', 'idle']);
    input.remove();
  });

  it('appends to the end when the textarea is not on screen', async () => {
    const media = fakeMedia(async () => media.stream);
    const t = setup({}, (req) => (req.url === API_URL ? json({ text: 'dictated' }) : undefined));
    t.composer.text.value = 'Note:';
    await toggleDictation(t.composer);
    await toggleDictation(t.composer);
    await flush();
    expect(t.composer.text.value).toBe('Note: dictated');
  });

  it('says so clearly when the microphone is denied', async () => {
    fakeMedia(async () => Promise.reject(Object.assign(new Error('Permission denied'), { name: 'NotAllowedError' })));
    const t = setup();
    await toggleDictation(t.composer);
    expect([t.composer.dictation.value, t.composer.notices.value]).toEqual(['idle', ['Microphone access was denied.']]);
    expect(FakeRecorder.instances).toEqual([]);
  });

  it('says dictation is unavailable without MediaRecorder or when no microphone can be opened', async () => {
    const t = setup();
    await toggleDictation(t.composer);
    expect(t.composer.notices.value).toEqual(['Dictation isn’t available here.']);
    fakeMedia(async () => Promise.reject(Object.assign(new Error('none'), { name: 'NotFoundError' })));
    t.composer.notices.value = [];
    await toggleDictation(t.composer);
    expect(t.composer.notices.value).toEqual(['Dictation isn’t available here.']);
  });

  it('reports a failed transcription and returns to idle, keeping the draft', async () => {
    const media = fakeMedia(async () => media.stream);
    const t = setup({}, (req) => (req.url === API_URL ? new Response('nope', { status: 500 }) : undefined));
    t.composer.text.value = 'keep';
    await toggleDictation(t.composer);
    await toggleDictation(t.composer);
    await flush();
    expect([t.composer.dictation.value, t.composer.text.value, t.composer.notices.value]).toEqual(['idle', 'keep', ['Couldn’t transcribe the recording.']]);
    expect(t.errors()).toEqual(['The server answered 500']);
  });

  it('sends nothing for an empty recording', async () => {
    const media = fakeMedia(async () => media.stream);
    FakeRecorder.chunks = [];
    const t = setup();
    await toggleDictation(t.composer);
    await toggleDictation(t.composer);
    await flush();
    FakeRecorder.chunks = [new Blob(['abc'], { type: 'audio/mp4' })];
    expect([t.composer.dictation.value, t.requests]).toEqual(['idle', []]);
  });
});
