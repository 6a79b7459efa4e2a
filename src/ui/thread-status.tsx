/**
 * What the thread shows about the response in flight: the transient progress line, notices, the response's
 * `error` event, and transport failures — each failure with Retry when retrying makes sense.
 */
import { Icon } from '../icons/icon.tsx';
import { renderMarkdown } from '../markdown/markdown.tsx';
import { useModels } from './context.ts';
import { useMarkdown } from './use-markdown.ts';

/** The progress line (`progress_update`), shown until the next item arrives or the response ends. */
export function StatusLine() {
  const { app, chat } = useModels();
  const progress = chat.conversation.value.progress;
  const streaming = chat.status.value === 'streaming';
  const conv = chat.conversation.value;
  const waiting = streaming && !progress && conv.pending.length === 0 && conv.items.at(-1)?.type === 'user_message';
  if (!progress && !waiting) return null;
  return (
    <div class="ck-progress" role="status">
      {progress?.icon ? <Icon name={progress.icon} size={16} /> : <span class="ck-dots" aria-hidden="true" />}
      <span>{progress?.text ?? app.strings.value.thinking}</span>
    </div>
  );
}

/** Notices (`notice` events) of the current response. */
export function Notices() {
  const { chat } = useModels();
  const md = useMarkdown();
  const notices = chat.conversation.value.notices;
  if (!notices.length) return null;
  return (
    <div class="ck-notices">
      {notices.map((n, i) => (
        <div key={i} class="ck-notice" data-level={n.level} role={n.level === 'danger' ? 'alert' : 'status'}>
          <Icon name={n.level === 'info' ? 'info' : n.level === 'warning' ? 'triangle-alert' : 'circle-alert'} size={18} />
          <div>
            {n.title && <strong class="ck-notice-title" dir="auto">{n.title}</strong>}
            {renderMarkdown(n.message, md)}
          </div>
        </div>
      ))}
    </div>
  );
}

/** The response's `error` event, or a transport failure, with Retry. */
export function TurnError() {
  const { app, chat } = useModels();
  const s = app.strings.value;
  const error = chat.conversation.value.error;
  const failure = chat.failure.value;
  const idle = chat.status.value === 'idle';
  if (!failure && !error) return null;
  const message = failure ? failure.message : error?.code === 'custom' && error.message ? error.message : s.genericError;
  const retry = failure ? failure.retry : error?.allowRetry ? () => chat.retryLastTurn() : null;
  return (
    <div class="ck-error" role="alert">
      <Icon name="circle-alert" size={18} />
      <span class="ck-error-text">{message}</span>
      {retry && (
        <button type="button" class="ck-button" disabled={!idle} onClick={() => void retry().catch((e: Error) => app.reportError(e))}>
          <Icon name="rotate-ccw" size={16} />
          {s.retry}
        </button>
      )}
    </div>
  );
}
