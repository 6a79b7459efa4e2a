/**
 * Dictation (CHATKIT.md §3.12), imported on first use: record with MediaRecorder in the first container the
 * browser supports, then `input.transcribe {audio_base64, mime_type}` and insert the text at the caret.
 * The frame needs `allow="microphone"` on its iframe for getUserMedia to be allowed at all.
 * Main-bundle helpers come in through `composer.lib` (see composer-lib.ts for why they are not imported).
 */
import type { ComposerModel } from './composer-model.ts';
import { insertText } from './composer-value.ts';

/** Preferred first: Opus in WebM (Chromium, Firefox), MP4 (Safari, iOS), Opus in Ogg. */
export const DICTATION_MIME_TYPES = ['audio/webm;codecs=opus', 'audio/mp4', 'audio/ogg;codecs=opus'] as const;

/** The first supported recording type, or undefined to let the browser choose. */
export function pickMimeType(recorder: Pick<typeof MediaRecorder, 'isTypeSupported'>): string | undefined {
  return DICTATION_MIME_TYPES.find((t) => recorder.isTypeSupported(t));
}

/** Base64 of a blob's bytes, built in slices so long recordings do not overflow the argument limit. */
export async function toBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const recorders = new WeakMap<ComposerModel, MediaRecorder>();

/** Starts recording, or stops and transcribes; does nothing while a transcription runs. */
export async function toggleDictation(composer: ComposerModel): Promise<void> {
  const state = composer.dictation.peek();
  if (state === 'recording') return void recorders.get(composer)?.stop();
  if (state !== 'idle') return;
  const s = composer.app.strings.peek();
  const Recorder = globalThis.MediaRecorder as typeof MediaRecorder | undefined;
  const devices = globalThis.navigator?.mediaDevices as MediaDevices | undefined;
  if (!Recorder || !devices?.getUserMedia) return void (composer.notices.value = [s.dictationUnavailable]);
  composer.notices.value = [];
  composer.dictation.value = 'starting';
  let stream: MediaStream;
  try {
    stream = await devices.getUserMedia({ audio: true });
  } catch (e) {
    composer.dictation.value = 'idle';
    const denied = e instanceof Error && (e.name === 'NotAllowedError' || e.name === 'SecurityError');
    composer.notices.value = [denied ? s.microphoneDenied : s.dictationUnavailable];
    return;
  }
  const mimeType = pickMimeType(Recorder);
  const recorder = new Recorder(stream, mimeType ? { mimeType } : undefined);
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e: BlobEvent) => {
    if (e.data.size > 0) chunks.push(e.data);
  };
  recorder.onstop = () => {
    recorders.delete(composer);
    for (const track of stream.getTracks()) track.stop();
    void transcribe(composer, new Blob(chunks, { type: recorder.mimeType || mimeType || 'audio/webm' }));
  };
  recorders.set(composer, recorder);
  recorder.start();
  composer.dictation.value = 'recording';
}

async function transcribe(composer: ComposerModel, audio: Blob): Promise<void> {
  const client = composer.chat.client.peek();
  if (!audio.size || !client) return void (composer.dictation.value = 'idle');
  composer.dictation.value = 'transcribing';
  try {
    const params = { audio_base64: await toBase64(audio), mime_type: audio.type };
    const { text } = await client.json({ type: 'input.transcribe', params }, composer.lib.parseTranscription);
    if (text.trim()) insertText(composer, text.trim());
  } catch (e) {
    composer.notices.value = [composer.app.strings.peek().dictationFailed];
    composer.app.reportError(e as Error);
  } finally {
    composer.dictation.value = 'idle';
  }
}
