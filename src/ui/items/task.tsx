/**
 * One task line, as shown inside a workflow or as a standalone `task` item (CHATKIT.md §3.5.4): a status
 * indicator, an icon, a title, and per type its body — Markdown content (custom, thought), the queries and
 * pages of a web search, the files of a file task.
 */
import type { Strings } from '../../i18n/en.ts';
import { Icon } from '../../icons/icon.tsx';
import { Markdown } from '../../markdown/markdown.tsx';
import type { Task } from '../../protocol/workflow.ts';
import { useModels } from '../context.ts';
import { useMarkdown } from '../use-markdown.ts';
import { FileSourceLine, UrlSourceLink } from './source-parts.tsx';

/** `loading` as a spinner, `complete` as a check, each with an accessible name; `none` as nothing. */
export function StatusIndicator({ status }: { status: Task['status_indicator'] }) {
  const s = useModels().app.strings.value;
  if (status === 'loading') return <Icon name="loader" size={16} class="ck-spin ck-task-status" label={s.taskLoading} />;
  if (status === 'complete') return <Icon name="check" size={16} class="ck-task-status" label={s.taskComplete} />;
  return null;
}

function titleOf(task: Task, s: Strings): string {
  if (task.title) return task.title;
  switch (task.type) {
    case 'web_search':
      return task.title_query || (task.status_indicator === 'loading' ? s.searchingWeb : s.searchedWeb);
    case 'image':
      return s.image;
    case 'file':
      return s.file;
    default:
      return '';
  }
}

function iconOf(task: Task): string | null {
  if (task.type === 'custom') return task.icon ?? null;
  return task.type === 'web_search' ? 'search' : task.type === 'file' ? 'file' : task.type === 'image' ? 'image' : null;
}

/** One task; `streaming` marks Markdown content that is still growing. */
export function TaskView({ task, streaming }: { task: Task; streaming: boolean }) {
  const { app } = useModels();
  const md = useMarkdown();
  const title = titleOf(task, app.strings.value);
  const icon = iconOf(task);
  const content = task.type === 'custom' || task.type === 'thought' ? task.content : undefined;
  return (
    <div class="ck-task-view" data-type={task.type} data-status={task.status_indicator}>
      {(title || icon || task.status_indicator !== 'none') && (
        <div class="ck-task-head">
          {icon && <Icon name={icon} size={16} />}
          {title && <span class="ck-task-title">{title}</span>}
          <StatusIndicator status={task.status_indicator} />
        </div>
      )}
      {content && (
        <div class="ck-task-body">
          <Markdown text={content} streaming={streaming} policy={md.policy} strings={md.strings} onDeeplink={md.onDeeplink} />
        </div>
      )}
      {task.type === 'web_search' && task.queries.length > 0 && (
        <ul class="ck-task-list ck-task-queries">
          {task.queries.map((q, i) => (
            <li key={i}>
              <Icon name="search" size={14} />
              <span>{q}</span>
            </li>
          ))}
        </ul>
      )}
      {(task.type === 'web_search' || task.type === 'file') && task.sources.length > 0 && (
        <ul class="ck-task-list">
          {task.sources.map((source, i) => (
            <li key={i}>{source.type === 'url' ? <UrlSourceLink source={source} /> : <FileSourceLine source={source} />}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
