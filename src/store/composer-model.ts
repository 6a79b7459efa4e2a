/**
 * The composer's draft: text, quoted reply, entity tags, attachments, and the tool and model choice. The draft
 * is never lost to a failure: it is only cleared once `send` has taken the message (which is then shown in the
 * thread, with Retry if it fails), and restored if `send` refuses it (busy, not configured).
 * Only state and sending live here; what changes the draft in richer ways (mentions, commands, uploads,
 * dictation, `setComposerValue`) is in composer-extras.ts, imported on first use.
 */
import { batch, computed, effect, signal } from '@preact/signals';
import type { Attachment } from '../protocol/attachments.ts';
import type { AppModel } from './app-model.ts';
import type { ChatModel } from './chat-model.ts';
import { composerLib } from './composer-lib.ts';
import { draftContent, shiftTags, type DraftTag } from './composer-tags.ts';
import type { ComposerValue } from './composer-value.ts';
import type { SearchState } from './composer-search.ts';

/** One attachment chip: uploading, uploaded (`attachment` set) or failed (`error` set). */
export interface AttachmentEntry {
  key: number;
  name: string;
  status: 'uploading' | 'done' | 'failed';
  attachment?: Attachment;
  /** What the chip shows: an object URL while an image uploads, the server's `preview_url` after. */
  preview?: string;
  error?: string;
  /** The fraction of the bytes sent (whole percents), when the transport reports it. */
  progress?: number | undefined;
  /** Uploaded by this composer: removing it before sending deletes it on the server. */
  owned: boolean;
}

/** The dictation button's state. */
export type DictationState = 'idle' | 'starting' | 'recording' | 'transcribing';

/** Creates the composer model. */
export function createComposerModel(app: AppModel, chat: ChatModel) {
  const text = signal('');
  const quote = signal<string | null>(null);
  const tags = signal<DraftTag[]>([]);
  const entries = signal<AttachmentEntry[]>([]);
  const notices = signal<string[]>([]);
  const dictation = signal<DictationState>('idle');
  /** The open mention/command list (driven by composer-search.ts). */
  const suggest = signal<SearchState | null>(null);
  const toolId = signal<string | null>(null);
  const modelId = signal<string | null>(null);
  const tool = computed(() => app.options.value.composer.tools.find((t) => t.id === toolId.value) ?? null);
  /** The chosen model, else the `default: true` one, else the first enabled one. */
  const model = computed(() => {
    const enabled = app.options.value.composer.models.filter((m) => !m.disabled);
    return enabled.find((m) => m.id === modelId.value) ?? enabled.find((m) => m.default) ?? enabled[0] ?? null;
  });
  let input: HTMLTextAreaElement | null = null;
  // Tags follow edits of the text. Text and tags set together (a restored draft, setComposerValue) are already
  // consistent: only a text change with the same tags shifts them.
  let base = text.peek();
  let lastTags = tags.peek();
  effect(() => {
    const t = text.value;
    const list = tags.value;
    if (list !== lastTags || t === base) {
      lastTags = list;
      base = t;
      return;
    }
    lastTags = shiftTags(list, base, t);
    base = t;
    tags.value = lastTags;
  });
  const uploading = computed(() => entries.value.some((e) => e.status !== 'done'));
  const canSend = computed(
    () => (text.value.trim() !== '' || tags.value.length + entries.value.length > 0) && !uploading.value && chat.status.value === 'idle' && app.configured.value,
  );
  /** Whether the view needs its lazily loaded parts (menus, chips, buttons). */
  const needsFeatures = computed(() => {
    const o = app.options.value;
    const c = o.composer;
    return !!(c.tools.length || c.models.length || c.attachments.enabled || c.dictation.enabled || o.entities.onTagSearch || o.commands.enabled) || tags.value.length + entries.value.length + notices.value.length > 0;
  });

  /** Sets the selected tool (null clears) and tells the host; callers validate the id. */
  function setTool(id: string | null): void {
    if (toolId.peek() === id) return;
    toolId.value = id;
    app.emit('chatkit.tool.change', { toolId: id });
  }

  /** Sends the draft; resolves when the response has finished. */
  async function submit(): Promise<void> {
    if (!canSend.peek()) return;
    const draft = { text: text.peek(), quote: quote.peek(), tags: tags.peek(), entries: entries.peek(), tool: tool.peek() };
    const chosen = model.peek();
    batch(() => {
      text.value = '';
      quote.value = null;
      tags.value = [];
      entries.value = [];
      notices.value = [];
      if (!draft.tool?.persistent) setTool(null);
    });
    try {
      await chat.send({
        content: draftContent(draft.text, draft.tags),
        attachments: draft.entries.flatMap((e) => (e.attachment ? [e.attachment] : [])),
        ...(draft.quote ? { quotedText: draft.quote } : {}),
        inference: { ...(draft.tool ? { tool_choice: { id: draft.tool.id } } : {}), ...(chosen ? { model: chosen.id } : {}) },
      });
    } catch (e) {
      // Refused before it was shown: give the draft back (unless the user already started a new one).
      if (!text.peek() && !tags.peek().length && !entries.peek().length) {
        batch(() => {
          text.value = draft.text;
          tags.value = draft.tags;
          entries.value = draft.entries;
          if (draft.tool && !toolId.peek()) setTool(draft.tool.id);
        });
      }
      if (draft.quote && !quote.peek()) quote.value = draft.quote;
      app.reportError(e as Error);
    }
  }

  const extras = () => import('./composer-extras.ts');
  const composer = {
    app,
    chat,
    lib: composerLib,
    text,
    quote,
    tags,
    entries,
    notices,
    dictation,
    suggest,
    toolId,
    modelId,
    tool,
    model,
    uploading,
    canSend,
    needsFeatures,
    setTool,
    submit,
    /** The lazily loaded draft actions (uploads, dictation, mentions, `setComposerValue`). */
    extras,
    /** `setComposerValue`: fills the draft without sending (see composer-value.ts). */
    setValue: async (v: ComposerValue): Promise<void> => (await extras()).setComposerValue(composer, v),
    /** The view registers its textarea so `focusComposer` can reach it. */
    register(el: HTMLTextAreaElement | null): void {
      input = el;
    },
    /** The textarea, when it is on screen. */
    input: (): HTMLTextAreaElement | null => (input?.isConnected ? input : null),
    /** Focuses the input; false when it is not on screen. */
    focus(): boolean {
      if (!input || !input.isConnected) return false;
      input.focus({ preventScroll: true });
      return document.activeElement === input;
    },
  };
  return composer;
}

/** The composer model. */
export type ComposerModel = ReturnType<typeof createComposerModel>;
