/**
 * The collapsible Sources list under an assistant message (lazy chunk): numbered entries — a web page (title
 * and `attribution` or host, opening in a new tab), a file (its name), an entity (icon, title, label; interactive
 * entities are buttons that reach the host) — each with its `timestamp` as a date, under a heading per `group`
 * (in order of first appearance; numbers stay those of the markers). A marker opens the list and focuses its entry.
 */
import { useEffect, useId, useRef } from 'preact/hooks';
import type { Entity } from '../../config/types.ts';
import { Icon } from '../../icons/icon.tsx';
import type { EntitySource, Source } from '../../protocol/sources.ts';
import { parseTimestamp } from '../../protocol/timestamp.ts';
import { useModels } from '../context.ts';
import { EntityTag } from './entity-tag.tsx';
import { FileSourceLine, UrlSourceLink } from './source-parts.tsx';

/** A source with its citation number (1-based). */
export interface NumberedSource {
  n: number;
  source: Source;
}

/** The Entity an entity source stands for, as the host's `entities` callbacks receive it. */
export function entityOf(source: EntitySource): Entity {
  return { id: source.id, title: source.title, ...(source.icon ? { icon: source.icon } : {}), interactive: true, data: source.data as Record<string, string> };
}

/** The head of an entity citation's hover card: its icon, title and label. */
export function EntityHeader({ source }: { source: EntitySource }) {
  return (
    <div class="ck-entity-head">
      <Icon name={source.icon ?? 'at-sign'} size={16} />
      <span class="ck-source-title">{source.title}</span>
      {source.label && <span class="ck-source-meta">{source.label}</span>}
    </div>
  );
}

/** A source's `timestamp` as a local date (with the time when it has one), or null when it does not parse. */
export function formatSourceTime(timestamp: string | undefined, lang: string): string | null {
  if (!timestamp) return null;
  const ms = parseTimestamp(timestamp);
  if (!Number.isFinite(ms)) return null;
  const withTime = /T\d{2}:\d{2}/.test(timestamp);
  return new Intl.DateTimeFormat(lang, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium', timeZone: 'UTC' }).format(ms);
}

/** The entries in display order: ungrouped first, then one run per `group` in order of first appearance. */
function byGroup(list: readonly NumberedSource[]): { group: string | null; entries: NumberedSource[] }[] {
  const runs = new Map<string, NumberedSource[]>();
  for (const entry of list) {
    const key = entry.source.group ?? '';
    runs.set(key, [...(runs.get(key) ?? []), entry]);
  }
  return [...runs].sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : 0)).map(([group, entries]) => ({ group: group || null, entries }));
}

function EntitySourceLine({ source }: { source: EntitySource }) {
  const { onClick, onRequestPreview } = useModels().app.options.value.entities;
  const body = (
    <>
      <Icon name={source.icon ?? 'at-sign'} size={14} />
      <span class="ck-source-title" dir="auto">{source.title}</span>
      {source.label && <span class="ck-source-meta">{source.label}</span>}
    </>
  );
  if (source.interactive && (onClick || onRequestPreview)) {
    return (
      <EntityTag class="ck-source" entity={entityOf(source)}>
        {body}
      </EntityTag>
    );
  }
  return <span class="ck-source">{body}</span>;
}

/** Props of {@link SourcesList}. */
export interface SourcesListProps {
  list: readonly NumberedSource[];
  open: boolean;
  onToggle: (open: boolean) => void;
  /** The entry a marker asked for; a new `seq` asks again. */
  reveal: { n: number; seq: number } | null;
}

/** The list and its toggle. */
export function SourcesList({ list, open, onToggle, reveal }: SourcesListProps) {
  const { app } = useModels();
  const s = app.strings.value;
  const lang = app.locale.value.locale;
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!reveal) return;
    const entry = ref.current?.querySelector<HTMLElement>(`[data-n="${reveal.n}"]`);
    (entry?.querySelector<HTMLElement>('a, button') ?? entry)?.focus();
  }, [reveal]);
  const entry = ({ n, source }: NumberedSource) => {
    const time = formatSourceTime(source.timestamp, lang);
    return (
      <li key={n} data-n={n} tabIndex={-1} data-active={reveal?.n === n ? 'true' : undefined}>
        <span class="ck-sources-n" aria-hidden="true">
          {n}
        </span>
        {source.type === 'url' ? <UrlSourceLink source={source} /> : source.type === 'file' ? <FileSourceLine source={source} /> : <EntitySourceLine source={source} />}
        {time && (
          <time class="ck-source-meta" dateTime={source.timestamp}>
            {time}
          </time>
        )}
        {source.description && <span class="ck-source-desc">{source.description}</span>}
      </li>
    );
  };
  return (
    <div class="ck-sources">
      <button type="button" class="ck-sources-toggle" aria-expanded={open} aria-controls={id} onClick={() => onToggle(!open)}>
        <span>{s.sources}</span>{' '}
        <span class="ck-sources-count">{list.length}</span>
        <Icon name="chevron-down" size={14} class="ck-workflow-chevron" />
      </button>
      <div id={id} ref={ref} hidden={!open}>
        {byGroup(list).map(({ group, entries }) => (
          <section key={group ?? ''} aria-label={group ?? undefined}>
            {group && <h3 class="ck-sources-group">{group}</h3>}
            <ol class="ck-sources-list">{entries.map(entry)}</ol>
          </section>
        ))}
      </div>
    </div>
  );
}
