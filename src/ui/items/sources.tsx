/**
 * The collapsible Sources list under an assistant message (lazy chunk): numbered entries — a web page (title
 * and host, opening in a new tab), a file (its name), an entity (icon, title, label; interactive entities are
 * buttons that reach the host). A citation marker opens the list and moves focus to its entry.
 */
import { useEffect, useId, useRef } from 'preact/hooks';
import type { Entity } from '../../config/types.ts';
import { Icon } from '../../icons/icon.tsx';
import type { EntitySource, Source } from '../../protocol/sources.ts';
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
  const s = useModels().app.strings.value;
  const id = useId();
  const ref = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (!reveal) return;
    const entry = ref.current?.querySelector<HTMLElement>(`[data-n="${reveal.n}"]`);
    (entry?.querySelector<HTMLElement>('a, button') ?? entry)?.focus();
  }, [reveal]);
  return (
    <div class="ck-sources">
      <button type="button" class="ck-sources-toggle" aria-expanded={open} aria-controls={id} onClick={() => onToggle(!open)}>
        <span>{s.sources}</span>{' '}
        <span class="ck-sources-count">{list.length}</span>
        <Icon name="chevron-down" size={14} class="ck-workflow-chevron" />
      </button>
      <ol id={id} ref={ref} class="ck-sources-list" hidden={!open}>
        {list.map(({ n, source }) => (
          <li key={n} data-n={n} tabIndex={-1} data-active={reveal?.n === n ? 'true' : undefined}>
            <span class="ck-sources-n" aria-hidden="true">
              {n}
            </span>
            {source.type === 'url' ? <UrlSourceLink source={source} /> : source.type === 'file' ? <FileSourceLine source={source} /> : <EntitySourceLine source={source} />}
            {source.description && <span class="ck-source-desc">{source.description}</span>}
          </li>
        ))}
      </ol>
    </div>
  );
}
