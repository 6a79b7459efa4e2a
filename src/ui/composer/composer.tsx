/**
 * The composer: a textarea labelled by its placeholder, Enter to send (Shift+Enter for a new line; never while an
 * IME is composing), and a Send button, replaced by a distinct Stop button while a cancellable response streams.
 * Tools, models, mentions, commands, attachments and dictation live in a chunk of their own (features.tsx),
 * imported only when the options ask for one of them, so a plain chat does not pay for them on first open.
 * While the thread has a pending structured input, its prompt takes the composer's place (as in ChatKit).
 */
import { signal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import { Icon } from '../../icons/icon.tsx';
import { renderMarkdown } from '../../markdown/markdown.tsx';
import type { StructuredInputItem } from '../../protocol/items.ts';
import { useModels } from '../context.ts';
import { loadRichViews, useLazy } from '../items/lazy-modules.ts';
import { useMarkdown } from '../use-markdown.ts';

type FeaturesModule = typeof import('./features.tsx');

const loaded = signal<FeaturesModule | null>(null);
let loading: Promise<void> | undefined;

/** Imports the features chunk once; after a failure (a deploy replaced the chunk, a network blip) it can try again. */
function loadFeatures(): void {
  loading ??= import('./features.tsx').then(
    (m) => void (loaded.value = m),
    () => void (loading = undefined),
  );
}

/** Grows the textarea with its content up to the CSS max-height (browsers without `field-sizing: content`). */
function autoGrow(el: HTMLTextAreaElement): void {
  if (CSS.supports('field-sizing', 'content')) return;
  el.style.height = 'auto';
  el.style.height = `${el.scrollHeight}px`;
}

/** The composer. */
export function Composer() {
  const models = useModels();
  const { app, chat, composer } = models;
  const s = app.strings.value;
  const options = app.options.value;
  const conv = chat.conversation.value;
  const status = chat.status.value;
  const thread = conv.thread;
  const locked = thread?.status.type === 'locked';
  const closed = thread?.status.type === 'closed';
  const placeholder = locked
    ? ((thread.status as { reason?: string }).reason ?? s.threadLocked)
    : (composer.tool.value?.placeholderOverride ?? options.composer.placeholder ?? s.defaultPlaceholder);
  const streaming = status === 'streaming';
  const quote = composer.quote.value;
  const need = composer.needsFeatures.value;
  const mod = need ? loaded.value : null;
  const features = useMemo(() => mod?.createComposerFeatures(models), [mod]);
  // The thread's latest structured input, while it waits for an answer.
  let asked: StructuredInputItem | undefined;
  for (const i of conv.items) if (i.type === 'structured_input') asked = i.status === 'pending' ? i : undefined;
  const rich = useLazy(asked ? loadRichViews : null, app.reportError);

  // Idempotent (one cached import); asked on every render so a failed chunk load is retried on the next one.
  if (need && !mod) loadFeatures();
  useEffect(() => features?.dispose, [features]);

  if (asked && !closed) {
    return rich ? <rich.StructuredInputPrompt key={asked.id} item={asked} /> : <div class="ck-si-prompt" aria-busy="true" />;
  }

  if (closed) {
    return (
      <div class="ck-thread-closed" role="status">
        {(thread.status as { reason?: string }).reason ?? s.threadClosed}
      </div>
    );
  }

  return (
    <form
      class="ck-composer"
      data-busy={streaming ? 'true' : 'false'}
      onSubmit={(e) => {
        e.preventDefault();
        void composer.submit();
      }}
    >
      {quote && (
        <div class="ck-quote">
          <span class="ck-quote-text" dir="auto">{quote}</span>
          <button
            type="button"
            class="ck-icon-button ck-small"
            aria-label={s.removeQuote}
            onClick={() => {
              // The button goes away with the quote: focus moves to the composer, not to the page.
              composer.focus();
              composer.quote.value = null;
            }}
          >
            <Icon name="x" size={16} />
          </button>
        </div>
      )}
      {features && <features.Chips />}
      {/* The whole pill is the field: a tap or click on its padding focuses the textarea (a bigger touch target). */}
      <div class="ck-composer-row" data-rich={features ? 'true' : undefined} onClick={(e) => e.target === e.currentTarget && composer.focus()}>
        {features && <features.Suggestions />}
        <textarea
          ref={composer.register}
          class="ck-input"
          // Empty, dir=auto would be LTR (placeholder included); typed text then sets its own direction.
          dir={composer.text.value ? 'auto' : undefined}
          rows={1}
          aria-label={placeholder}
          placeholder={placeholder}
          disabled={locked}
          value={composer.text.value}
          {...features?.inputProps()}
          onInput={(e) => {
            composer.text.value = e.currentTarget.value;
            autoGrow(e.currentTarget);
            features?.onInput(e.currentTarget);
          }}
          onKeyDown={(e) => {
            if (features?.onKeyDown(e)) return;
            if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
              e.preventDefault();
              if (composer.canSend.peek()) void composer.submit();
            }
          }}
        />
        {features && <features.Toolbar />}
        {/* Two keyed nodes, never one: a shared node turned type=submit during the Stop click and sent the draft.
            Stop goes away when clicked, so focus moves to the composer, not to the page. */}
        {streaming && conv.allowCancel ? (
          <button
            key="stop"
            type="button"
            class="ck-send"
            aria-label={s.stop}
            onClick={() => {
              composer.focus();
              chat.stop();
            }}
          >
            <Icon name="square" size={16} />
          </button>
        ) : (
          <button key="send" type="submit" class="ck-send" aria-label={s.send} disabled={!composer.canSend.value || locked}>
            <Icon name={streaming ? 'loader' : 'arrow-up'} size={18} class={streaming ? 'ck-spin' : undefined} />
          </button>
        )}
      </div>
      {features && <features.Notices />}
      {options.disclaimer && <Disclaimer text={options.disclaimer.text} highContrast={options.disclaimer.highContrast} />}
    </form>
  );
}

function Disclaimer({ text, highContrast }: { text: string; highContrast: boolean }) {
  const md = useMarkdown();
  return (
    <div class="ck-disclaimer" dir="auto" data-contrast={highContrast ? 'high' : 'normal'}>
      {renderMarkdown(text, md)}
    </div>
  );
}
