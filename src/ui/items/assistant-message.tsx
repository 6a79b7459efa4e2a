/**
 * An assistant message: each output part as safe, incrementally rendered Markdown (with citation markers and a
 * Sources list when it has annotations), and — when it closes a finished turn (turn-actions.ts) — the turn's
 * actions: copy (when the turn has text), thumbs up/down (`threadItemActions.feedback`), retry
 * (`threadItemActions.retry`).
 */
import { useMemo, useState } from 'preact/hooks';
import { Icon } from '../../icons/icon.tsx';
import { Markdown } from '../../markdown/markdown.tsx';
import type { AssistantMessageItem } from '../../protocol/items.ts';
import { useModels } from '../context.ts';
import { useMarkdown } from '../use-markdown.ts';
import { boundAnnouncement, markdownToPlainText } from '../plain-text.ts';
import { loadRichViews, useLazy } from './lazy-modules.ts';

/** Copies text to the clipboard; true when it worked. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Copy / feedback / retry for one finished turn; nothing when none of them applies. Every turn has the same buttons,
 * so each is described by an excerpt of its reply (`excerpt`): a screen reader tells "Copy" of one answer from the next.
 */
export function MessageActions({ text, itemId, excerpt }: { text: string; itemId: string; excerpt: string }) {
  const { app, chat } = useModels();
  const s = app.strings.value;
  const actions = app.options.value.threadItemActions;
  const [copied, setCopied] = useState(false);
  const [rated, setRated] = useState<'positive' | 'negative' | null>(null);
  const idle = chat.status.value === 'idle';
  if (!text && !actions.feedback && !actions.retry) return null;
  const rate = (kind: 'positive' | 'negative'): void => {
    setRated(kind);
    void chat.feedback(chat.turnItemIds(itemId), kind).catch((e: Error) => {
      setRated(null);
      app.reportError(e);
    });
  };
  // aria-description, not a hidden element to point at: the excerpt must not be text of the thread a second time.
  const d = { 'aria-description': boundAnnouncement(excerpt, 80) };
  return (
    <div class="ck-actions">
      {text && (
        <button
          type="button"
          class="ck-icon-button ck-small"
          {...d}
          aria-label={copied ? s.copied : s.copy}
          onClick={() =>
            void copyText(text).then((ok) => {
              setCopied(ok);
              if (ok) setTimeout(() => setCopied(false), 2000);
              else app.reportError(new Error(s.copyFailed));
            })
          }
        >
          <Icon name={copied ? 'check' : 'copy'} size={16} />
        </button>
      )}
      {actions.feedback && (
        <>
          <button type="button" class="ck-icon-button ck-small" {...d} aria-label={s.goodResponse} aria-pressed={rated === 'positive'} onClick={() => rate('positive')}>
            <Icon name="thumbs-up" size={16} />
          </button>
          <button type="button" class="ck-icon-button ck-small" {...d} aria-label={s.badResponse} aria-pressed={rated === 'negative'} onClick={() => rate('negative')}>
            <Icon name="thumbs-down" size={16} />
          </button>
        </>
      )}
      {actions.retry && (
        <button type="button" class="ck-icon-button ck-small" {...d} aria-label={s.retry} disabled={!idle} onClick={() => void chat.retryLastTurn(itemId).catch((e: Error) => app.reportError(e))}>
          <Icon name="rotate-ccw" size={16} />
        </button>
      )}
      {rated && (
        <span class="ck-sr-only" role="status">
          {s.feedbackThanks}
        </span>
      )}
    </div>
  );
}

/**
 * The assistant's reply, under a heading only screen readers see ("Assistant"); a reply with annotations renders
 * through the citations chunk once it has loaded. `actions` is the turn's text to copy when this message closes it.
 */
export function AssistantMessage({ item, pending, actions }: { item: AssistantMessageItem; pending: boolean; actions?: string | undefined }) {
  const { app } = useModels();
  const md = useMarkdown();
  const text = item.content.map((p) => p.text).join('\n\n');
  const plain = useMemo(() => (pending ? '' : markdownToPlainText(text)), [text, pending]);
  const cited = useLazy(item.content.some((p) => p.annotations.length > 0) ? loadRichViews : null, app.reportError);
  return (
    <div class="ck-assistant" dir="auto">
      <h2 class="ck-sr-only">{app.strings.value.assistant}</h2>
      {cited ? (
        <cited.CitedParts item={item} pending={pending} />
      ) : (
        item.content.map((part, i) => <Markdown key={i} text={part.text} streaming={pending} policy={md.policy} strings={md.strings} onDeeplink={md.onDeeplink} />)
      )}
      {!pending && actions !== undefined && <MessageActions text={actions} itemId={item.id} excerpt={plain || actions} />}
    </div>
  );
}
