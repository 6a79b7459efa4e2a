/**
 * Blocks → vnodes through a fixed set of elements; text always becomes text nodes. Each block is a Frozen
 * component keyed by the block object (plus the markers that land in it), so a finished block is rendered once
 * and Preact skips it on every later update.
 */
import { Component, Fragment, h, type ComponentChild, type VNode } from 'preact';
import { CodeBlock } from './code-block.tsx';
import { GuardedImage } from './guarded-image.tsx';
import { flattenText } from './inline-parser.ts';
import { DEFAULT_MARKDOWN_STRINGS, type MarkdownStrings } from './strings.ts';
import type { Block, Inline, ListItem, TableRow } from './types.ts';
import type { UrlPolicy } from './url-policy.ts';

/** An inline citation marker shown after the text that ends at `index`, an offset into the raw markdown. */
export interface MarkdownMarker {
  index: number;
  key: string;
  render: () => ComponentChild;
}

/** What rendering needs besides the blocks. A new context re-renders every block. */
export interface RenderContext {
  policy: UrlPolicy;
  strings: MarkdownStrings;
  deeplink: (name: string, data: Record<string, string>) => void;
}

export interface FrozenProps {
  deps: readonly unknown[];
  make: () => ComponentChild;
}

/**
 * Renders `make()`, then lets Preact skip the subtree while every dep is the same (===) as last time. A component
 * rather than a cache of vnodes: a cached vnode keeps the parent pointer of the render that first mounted it, and
 * with it that render's whole vnode tree, so a long streamed answer would hold one stale tree per block.
 */
class Frozen extends Component<FrozenProps> {
  override shouldComponentUpdate(next: FrozenProps) {
    const a = this.props.deps;
    const b = next.deps;
    return a.length !== b.length || a.some((v, i) => v !== b[i]);
  }
  override render() {
    return this.props.make();
  }
}

export const frozen = (deps: readonly unknown[], make: () => ComponentChild): VNode<FrozenProps> => h(Frozen, { deps, make });

type Markers = readonly MarkdownMarker[];
interface Cursor { m: Markers; k: number }

/** Renders blocks; `markers` must be sorted by index. `tight` drops the `<p>` of paragraphs (tight list items). */
export function renderBlocks(blocks: readonly Block[], markers: Markers, x: RenderContext, tight = false): Array<VNode<FrozenProps>> {
  const parts = split(blocks, markers);
  return blocks.map((b, i) => memoize(x, b, parts[i]!, tight ? 't' : '', () => renderBlock(b, parts[i]!, x, tight)));
}

// A block owns the markers after its start up to the next block's start, so a marker on a block boundary
// stays with the text before it.
function split(xs: ReadonlyArray<{ at: number }>, markers: Markers): MarkdownMarker[][] {
  const out = xs.map((): MarkdownMarker[] => []);
  let j = 0;
  for (const m of markers) {
    while (j + 1 < xs.length && xs[j + 1]!.at < m.index) j++;
    out[j]?.push(m);
  }
  return out;
}

function memoize(x: RenderContext, o: object, ms: Markers, extra: string, make: () => ComponentChild) {
  return frozen([o, x, extra + ms.map((m) => m.key).join('\0')], make);
}

function renderBlock(b: Block, ms: Markers, x: RenderContext, tight: boolean): ComponentChild {
  switch (b.type) {
    case 'p': {
      const kids = renderInline(b.children, ms, x);
      return tight ? kids : <p>{kids}</p>;
    }
    case 'h':
      // Markdown sits under the panel's h1 and a message's h2: "#" is an h3 (down to h6); the class keeps its size.
      return h(`h${Math.min(b.level + 2, 6)}`, { class: `ck-md-h${b.level}` }, renderInline(b.children, ms, x));
    case 'quote':
      return <blockquote>{renderBlocks(b.children, ms, x)}</blockquote>;
    case 'list': {
      const parts = split(b.items, ms);
      const items = b.items.map((it, i) =>
        memoize(x, it, parts[i]!, b.loose ? 'l' : '', () => renderItem(it, parts[i]!, x, !b.loose)),
      );
      return b.ordered ? <ol start={b.start === 1 ? undefined : b.start}>{items}</ol> : <ul>{items}</ul>;
    }
    case 'table':
      return renderTable(b, ms, x);
    case 'code':
      return [<CodeBlock lang={b.lang} parts={b.parts} strings={x.strings} />, renderMarkers({ m: ms, k: 0 }, Infinity)];
    case 'hr':
      return [<hr />, renderMarkers({ m: ms, k: 0 }, Infinity)];
  }
}

function renderItem(it: ListItem, ms: Markers, x: RenderContext, tight: boolean) {
  const first = it.children[0];
  return (
    <li class={it.task === undefined ? undefined : 'ck-md-task'}>
      {it.task !== undefined && (
        <input
          type="checkbox"
          disabled
          checked={it.task}
          aria-label={first?.type === 'p' ? flattenText(first.children) : undefined}
        />
      )}
      {renderBlocks(it.children, ms, x, tight)}
    </li>
  );
}

function renderTable(b: Extract<Block, { type: 'table' }>, ms: Markers, x: RenderContext) {
  const parts = split([b.head, ...b.rows], ms);
  const row = (r: TableRow, i: number) =>
    memoize(x, r, parts[i]!, '', () => {
      const cur = { m: parts[i]!, k: 0 };
      return (
        <tr>
          {r.cells.map((c, j) => {
            const kids = renderInlineAt(c, cur, x);
            if (j === r.cells.length - 1) kids.push(renderMarkers(cur, Infinity));
            const cls = b.align[j] ? 'ck-md-' + b.align[j] : undefined;
            return i ? <td class={cls}>{kids}</td> : <th class={cls} scope="col">{kids}</th>;
          })}
        </tr>
      );
    });
  return (
    <div class="ck-md-table" tabIndex={0} role="region" aria-label={x.strings.table ?? DEFAULT_MARKDOWN_STRINGS.table}>
      <table>
        <thead>{row(b.head, 0)}</thead>
        <tbody>{b.rows.map((r, i) => row(r, i + 1))}</tbody>
      </table>
    </div>
  );
}

/** Renders inline nodes with their markers; markers left over (after the last text) go at the end. */
function renderInline(list: readonly Inline[], ms: Markers, x: RenderContext): ComponentChild[] {
  const cur = { m: ms, k: 0 };
  const out = renderInlineAt(list, cur, x);
  out.push(renderMarkers(cur, Infinity));
  return out;
}

// Emits the markers with index ≤ `upTo` as one group: they belong right before the text starting at `upTo`.
function renderMarkers(cur: Cursor | null, upTo: number): ComponentChild {
  const g: MarkdownMarker[] = [];
  while (cur && cur.k < cur.m.length && cur.m[cur.k]!.index <= upTo) g.push(cur.m[cur.k++]!);
  return g.length ? <span class="ck-md-cite">{g.map((m) => <Fragment key={m.key}>{m.render()}</Fragment>)}</span> : null;
}

function renderInlineAt(list: readonly Inline[], cur: Cursor | null, x: RenderContext): ComponentChild[] {
  const out: ComponentChild[] = [];
  for (const n of list) {
    if (n.type === 'br') out.push(<br />);
    else if (!('at' in n)) out.push(h(n.type, null, renderInlineAt(n.children, cur, x)));
    else {
      out.push(renderMarkers(cur, n.at));
      if (n.type === 'code') out.push(<code class="ck-md-icode">{n.v}</code>);
      else if (n.type === 'link') out.push(renderLink(n, x));
      else if (n.type === 'image') out.push(renderImage(n, x));
      else if (n.n || !cur) out.push(n.v);
      else {
        // Split the text wherever a marker falls inside it.
        let p = 0;
        for (let m; (m = cur.m[cur.k]) && m.index < n.at + n.v.length; ) {
          out.push(n.v.slice(p, (p = m.index - n.at)), renderMarkers(cur, m.index));
        }
        out.push(n.v.slice(p));
      }
    }
  }
  return out;
}

function renderLink(n: Extract<Inline, { type: 'link' }>, x: RenderContext): ComponentChild {
  // Markers never go inside a link: a button inside an anchor is nested interactive content.
  const kids = renderInlineAt(n.children, null, x);
  const link = x.policy.link(n.href);
  if (!link) return kids;
  if (link.kind === 'deeplink') {
    return (
      <button type="button" class="ck-md-deeplink" title={n.title} onClick={() => x.deeplink(link.name, link.data)}>
        {kids}
      </button>
    );
  }
  return (
    <a class="ck-md-link" href={link.href} title={n.title} target="_blank" rel="noopener noreferrer">
      {kids}
    </a>
  );
}

function renderImage(n: Extract<Inline, { type: 'image' }>, x: RenderContext): ComponentChild {
  const img = x.policy.image(n.src);
  if (!img) return n.alt;
  const label = x.strings.loadImage(img.host);
  return <GuardedImage src={img.src} alt={n.alt} title={n.title} blocked={img.blocked} loadLabel={label} />;
}
