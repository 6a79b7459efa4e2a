/**
 * Citations of an assistant message (lazy chunk; CHATKIT.md §3.5.3): a marker at each annotation's character
 * offset — one marker per offset, "1,2" when several sources share it — and a collapsible Sources list under
 * the message. Sources are deduplicated and numbered in order of first appearance, so numbers never change as
 * annotations stream in. A marker opens the list and focuses its source. An entity cited alone shows its
 * `inline_label`, else its `icon`; on hover, the host's preview (an interactive entity with
 * `entities.onRequestPreview`), else ChatKit's default hover header: icon, title and `label`. An interactive
 * entity is the entity itself (host click).
 */
import { useMemo, useState } from 'preact/hooks';
import { formatString } from '../../i18n/format.ts';
import { Markdown } from '../../markdown/markdown.tsx';
import type { MarkdownMarker } from '../../markdown/render.tsx';
import type { AssistantMessageContent } from '../../protocol/content.ts';
import type { AssistantMessageItem } from '../../protocol/items.ts';
import type { Source } from '../../protocol/sources.ts';
import { useModels } from '../context.ts';
import { Icon } from '../../icons/icon.tsx';
import { useMarkdown } from '../use-markdown.ts';
import { EntityTag } from './entity-tag.tsx';
import { EntityHeader, entityOf, SourcesList, type NumberedSource } from './sources.tsx';

/** The deduplicated, numbered sources of a message, and the number of each source key. */
export interface CollectedSources {
  list: NumberedSource[];
  numberOf: ReadonlyMap<string, number>;
}

/** What makes two sources the same source. */
export function sourceKey(source: Source): string {
  if (source.type === 'url') return `url ${source.url}`;
  if (source.type === 'file') return `file ${source.filename} ${source.title}`;
  return `entity ${source.id}`;
}

/** Collects the sources of every part, in order of first appearance. */
export function collectSources(content: readonly AssistantMessageContent[]): CollectedSources {
  const list: NumberedSource[] = [];
  const numberOf = new Map<string, number>();
  for (const part of content) {
    for (const { source } of part.annotations) {
      const key = sourceKey(source);
      if (numberOf.has(key)) continue;
      numberOf.set(key, list.length + 1);
      list.push({ n: list.length + 1, source });
    }
  }
  return { list, numberOf };
}

/** One inline marker: the sources cited at one offset, by number. */
export interface CitationGroup {
  index: number;
  numbers: number[];
  sources: Source[];
}

/** The marker groups of one part, by offset; annotations without an offset appear only in the list. */
export function groupCitations(part: AssistantMessageContent, sources: CollectedSources): CitationGroup[] {
  const byIndex = new Map<number, CitationGroup>();
  for (const { source, index } of part.annotations) {
    const n = sources.numberOf.get(sourceKey(source));
    if (index === undefined || n === undefined) continue;
    let group = byIndex.get(index);
    if (!group) byIndex.set(index, (group = { index, numbers: [], sources: [] }));
    if (!group.numbers.includes(n)) group.numbers.push(n);
  }
  const groups = [...byIndex.values()].sort((a, b) => a.index - b.index);
  for (const g of groups) {
    g.numbers.sort((a, b) => a - b);
    g.sources = g.numbers.map((n) => sources.list[n - 1]!.source);
  }
  return groups;
}

function CiteMarker({ group, onReveal }: { group: CitationGroup; onReveal: (n: number) => void }) {
  const { app } = useModels();
  const s = app.strings.value;
  const { onClick, onRequestPreview } = app.options.value.entities;
  const label = formatString(s.citation, { numbers: group.numbers.join(', '), titles: group.sources.map((src) => src.title).join('; ') });
  const only = group.sources.length === 1 ? group.sources[0] : undefined;
  const text = group.numbers.join(',');
  if (only?.type === 'entity') {
    const hostClick = only.interactive && !!onClick;
    const preview = only.interactive && !!onRequestPreview;
    return (
      <EntityTag
        class="ck-cite"
        entity={entityOf(only)}
        label={label}
        header={preview ? undefined : <EntityHeader source={only} />}
        preview={preview}
        onPress={hostClick ? undefined : () => onReveal(group.numbers[0]!)}
      >
        {only.inline_label ?? (only.icon ? <Icon name={only.icon} size={14} /> : text)}
      </EntityTag>
    );
  }
  return (
    <button type="button" class="ck-cite" aria-label={label} onClick={() => onReveal(group.numbers[0]!)}>
      {text}
    </button>
  );
}

/** The markers of one part. Keys carry everything a marker shows, as memoized Markdown blocks require. */
export function citationMarkers(part: AssistantMessageContent, sources: CollectedSources, onReveal: (n: number) => void): MarkdownMarker[] {
  return groupCitations(part, sources).map((group) => ({
    index: group.index,
    key: `${group.index} ${JSON.stringify(group.sources)}`,
    render: () => <CiteMarker group={group} onReveal={onReveal} />,
  }));
}

/** The parts of a message that has annotations, with markers, then its Sources list. */
export function CitedParts({ item, pending }: { item: AssistantMessageItem; pending: boolean }) {
  const md = useMarkdown();
  const sources = useMemo(() => collectSources(item.content), [item.content]);
  const [open, setOpen] = useState(false);
  const [reveal, setReveal] = useState<{ n: number; seq: number } | null>(null);
  const onReveal = (n: number): void => {
    setOpen(true);
    setReveal((r) => ({ n, seq: (r?.seq ?? 0) + 1 }));
  };
  return (
    <>
      {item.content.map((part, i) => (
        <Markdown
          key={i}
          text={part.text}
          streaming={pending}
          policy={md.policy}
          strings={md.strings}
          onDeeplink={md.onDeeplink}
          markers={citationMarkers(part, sources, onReveal)}
        />
      ))}
      {sources.list.length > 0 && <SourcesList list={sources.list} open={open} onToggle={setOpen} reveal={reveal} />}
    </>
  );
}
