/**
 * The history view: past threads grouped by recency, newest first, with "Show more" paging; each thread opens on
 * click, and can be renamed (inline, Enter saves, Escape cancels) and deleted (with a confirmation) when
 * `history.showRename` / `history.showDelete` allow it.
 */
import { useEffect, useState } from 'preact/hooks';
import { Icon } from '../icons/icon.tsx';
import { groupByRecency } from '../i18n/recency.ts';
import { parseTimestamp } from '../protocol/timestamp.ts';
import type { ThreadMetadata } from '../protocol/thread.ts';
import { useModels } from './context.ts';

function ThreadRow({ thread }: { thread: ThreadMetadata }) {
  const { app, chat, history } = useModels();
  const s = app.strings.value;
  const opts = app.options.value.history;
  const [mode, setMode] = useState<'view' | 'rename' | 'delete'>('view');
  const [title, setTitle] = useState(thread.title ?? '');
  const current = chat.threadId.value === thread.id;
  const fail = (e: Error): void => app.reportError(e);
  const stopEscape = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape') return;
    // Escape cancels the edit; it must not also close the panel.
    e.preventDefault();
    setMode('view');
  };

  if (mode === 'rename') {
    return (
      <li class="ck-history-row" data-mode="rename">
        <form
          class="ck-history-rename"
          onSubmit={(e) => {
            e.preventDefault();
            const next = title.trim();
            if (next) void history.rename(thread.id, next).then(() => setMode('view'), fail);
          }}
        >
          <input class="ck-field" aria-label={s.threadTitle} value={title} onInput={(e) => setTitle(e.currentTarget.value)} onKeyDown={stopEscape} ref={(el) => el?.focus()} />
          <button type="submit" class="ck-button">{s.save}</button>
          <button type="button" class="ck-button ck-quiet" onClick={() => setMode('view')}>{s.cancel}</button>
        </form>
      </li>
    );
  }
  if (mode === 'delete') {
    return (
      <li class="ck-history-row" data-mode="delete" onKeyDown={stopEscape}>
        <p class="ck-history-confirm">{s.deleteThreadConfirm}</p>
        <button type="button" class="ck-button ck-danger" ref={(el) => el?.focus()} onClick={() => void history.remove(thread.id).catch(fail)}>
          {s.delete}
        </button>
        <button type="button" class="ck-button ck-quiet" onClick={() => setMode('view')}>{s.cancel}</button>
      </li>
    );
  }
  return (
    <li class="ck-history-row" data-current={current ? 'true' : undefined}>
      <button type="button" class="ck-history-open" aria-current={current ? 'true' : undefined} onClick={() => void history.open(thread.id).catch(fail)}>
        <span dir="auto">{thread.title || s.untitledThread}</span>
      </button>
      {opts.showRename && (
        <button type="button" class="ck-icon-button ck-small" aria-label={`${s.renameThread}: ${thread.title || s.untitledThread}`} onClick={() => setMode('rename')}>
          <Icon name="pencil" size={16} />
        </button>
      )}
      {opts.showDelete && (
        <button type="button" class="ck-icon-button ck-small" aria-label={`${s.deleteThread}: ${thread.title || s.untitledThread}`} onClick={() => setMode('delete')}>
          <Icon name="trash" size={16} />
        </button>
      )}
    </li>
  );
}

/** The history view. */
export function History() {
  const { app, history } = useModels();
  const s = app.strings.value;
  useEffect(() => void history.refresh(), []);
  const threads = history.threads.value;
  const now = Date.now();
  const groups: { key: 'today' | 'yesterday' | 'previous7Days' | 'older'; threads: ThreadMetadata[] }[] = [];
  for (const t of threads) {
    const key = groupByRecency(parseTimestamp(t.created_at), now);
    const last = groups.at(-1);
    if (last?.key === key) last.threads.push(t);
    else groups.push({ key, threads: [t] });
  }
  return (
    <div class="ck-history" aria-busy={history.loading.value}>
      {history.error.value && (
        <div class="ck-error" role="alert">
          <span class="ck-error-text">{history.error.value}</span>
          <button type="button" class="ck-button" onClick={() => void history.refresh()}>
            {s.retry}
          </button>
        </div>
      )}
      {!threads.length && !history.loading.value && !history.error.value && <p class="ck-history-empty">{s.noThreads}</p>}
      {groups.map((g) => (
        <section key={g.key} class="ck-history-group" aria-label={s[g.key]}>
          <h2 class="ck-history-heading">{s[g.key]}</h2>
          <ul class="ck-history-list">
            {g.threads.map((t) => (
              <ThreadRow key={t.id} thread={t} />
            ))}
          </ul>
        </section>
      ))}
      {history.loading.value && <p class="ck-loading-older">{s.loading}</p>}
      {history.hasMore.value && !history.loading.value && (
        <button type="button" class="ck-button ck-quiet ck-history-more" onClick={() => void history.more()}>
          {s.showMore}
        </button>
      )}
    </div>
  );
}
