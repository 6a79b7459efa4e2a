/**
 * The composer's draft: text and a quoted reply. The draft is never lost to a failure: it is only cleared once
 * `send` has taken the message (which is then shown in the thread, with Retry if it fails), and restored if
 * `send` refuses it (busy, not configured).
 */
import { computed, signal } from '@preact/signals';
import type { AppModel } from './app-model.ts';
import type { ChatModel } from './chat-model.ts';

/** Creates the composer model. */
export function createComposerModel(app: AppModel, chat: ChatModel) {
  const text = signal('');
  const quote = signal<string | null>(null);
  let input: HTMLTextAreaElement | null = null;
  const canSend = computed(() => text.value.trim().length > 0 && chat.status.value === 'idle' && app.configured.value);

  /** Sends the draft; resolves when the response has finished. */
  async function submit(): Promise<void> {
    const value = text.peek().trim();
    if (!value) return;
    const quoted = quote.peek();
    text.value = '';
    quote.value = null;
    try {
      await chat.send({ content: [{ type: 'input_text', text: value }], ...(quoted ? { quotedText: quoted } : {}) });
    } catch (e) {
      // Refused before it was shown: give the words back (unless the user already typed new ones).
      if (!text.peek()) text.value = value;
      if (quoted && !quote.peek()) quote.value = quoted;
      app.reportError(e as Error);
    }
  }

  return {
    text,
    quote,
    canSend,
    submit,
    /** The view registers its textarea so `focusComposer` can reach it. */
    register(el: HTMLTextAreaElement | null): void {
      input = el;
    },
    /** Focuses the input; false when it is not on screen. */
    focus(): boolean {
      if (!input || !input.isConnected) return false;
      input.focus({ preventScroll: true });
      return document.activeElement === input;
    },
  };
}

/** The composer model. */
export type ComposerModel = ReturnType<typeof createComposerModel>;
