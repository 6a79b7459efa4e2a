/**
 * Blocks → vnodes through a fixed set of elements; text always becomes text nodes. Each block is a Frozen
 * component keyed by the block object (plus the markers that land in it), so a finished block is rendered once
 * and Preact skips it on every later update. Longer than most modules: block, inline, table and open-paragraph
 * rendering share the marker placement and the memoization.
 */
import { Component, Fragment, h, type ComponentChild, type VNode } from 'preact';
import { CodeBlock } from './code-block.tsx';
import { GuardedImage } from './guarded-image.tsx';
import { flattenText, parseInline } from './inline-parser.ts';
import type { RefMap } from './link-syntax.ts';
import { MathView } from './math-view.tsx';
import { parseOpenParagraph, type OpenParagraph } from './open-paragraph.ts';
import { DEFAULT_MARKDOWN_STRINGS, type MarkdownStrings } from './strings.ts';
import type { Block, Inline, InlineSource, ListItem, TableRow } from './types.ts';
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
  /** GFM autolink literals (bare URLs and e-mail addresses become links); on unless turned off. */
  literals: boolean;
}

/** Per render: the document's definitions, and whether the text may still grow (an open code block is not highlighted). */
export interface RenderEnv {
  refs: RefMap;
  streaming: boolean;
  /** While streaming: the paragraph still growing, and the chunks of it already frozen. */
  open?: Block | undefined;
  para?: OpenParagraph | undefined;
}

/** The paragraph at the end of the chain of last children, if the text ends in one. */
export function openParagraph(blocks: readonly Block[]): Block | undefined {
  let b: Block | ListItem | undefined = blocks[blocks.length - 1];
  for (let d = 0; b && d < 64; d++, b = lastChild(b)) if (b.type === 'p') return b;
  return undefined;
}

const lastChild = (b: Block | ListItem): Block | ListItem | undefined =>
  b.type === 'list' ? b.items[b.items.length - 1] : b.type === 'quote' || b.type === 'item' ? b.children[b.children.length - 1] : undefined;

// Inline content parsed per source object, valid while no definition has been added since (definitions only grow).
const parsed = new WeakMap<InlineSource, { size: number; literals: boolean; v: Inline[] }>();

/** The inline nodes of `o`, parsed once per set of reference definitions. */
export function inlineOf(o: InlineSource, refs: RefMap, literals = true): Inline[] {
  const hit = parsed.get(o);
  if (hit && hit.size === refs.size && hit.literals === literals) return hit.v;
  const v = parseInline(o, refs, literals);
  parsed.set(o, { size: refs.size, literals, v });
  return v;
}

// A paragraph that is only `$$…$$` or `\[…\]` is display math.
const DISPLAY_MATH = /^(?:\$\$((?:(?!\$\$)[\s\S])+)\$\$|\\\[((?:(?!\\\])[\s\S])+)\\\])$/;

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
export function renderBlocks(blocks: readonly Block[], markers: Markers, x: RenderContext, e: RenderEnv, tight = false): Array<VNode<FrozenProps>> {
  const parts = split(blocks, markers);
  const last = blocks.length - 1;
  // Only the last block can hold an open code block, so only it may depend on `streaming`.
  return blocks.map((b, i) =>
    memoize(x, e, b, b.ref, parts[i]!, (tight ? 't' : '') + (i === last && e.streaming && endsOpen(b) ? 's' : ''), () =>
      renderBlock(b, parts[i]!, x, e, tight),
    ),
  );
}

/** Whether `b` ends in a code block cut off by the end of the text (down the chain of last children). */
function endsOpen(b: Block | ListItem | undefined): boolean {
  for (let d = 0; b && d < 64; d++, b = lastChild(b)) if (b.type === 'code') return !!b.open;
  return false;
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

// A block whose inline source may use a reference definition (`ref`) re-renders when a definition is added.
function memoize(x: RenderContext, e: RenderEnv, o: object, ref: boolean | undefined, ms: Markers, extra: string, make: () => ComponentChild) {
  return frozen([o, x, ref ? e.refs.size : 0, extra + ms.map((m) => m.key).join('\0')], make);
}

function renderBlock(b: Block, ms: Markers, x: RenderContext, e: RenderEnv, tight: boolean): ComponentChild {
  switch (b.type) {
    case 'p': {
      const m = DISPLAY_MATH.exec(b.src);
      if (m) {
        return [<MathView tex={(m[1] ?? m[2])!.trim()} raw={b.src} display />, renderMarkers({ m: ms, k: 0 }, Infinity)];
      }
      const kids = b === e.open && e.para ? renderOpen(b, ms, x, e, e.para) : renderInline(inlineOf(b, e.refs, x.literals), ms, x);
      return tight ? kids : <p>{kids}</p>;
    }
    case 'h':
      // Markdown sits under the panel's h1 and a message's h2: "#" is an h3 (down to h6); the class keeps its size.
      return h(`h${Math.min(b.level + 2, 6)}`, { class: `ck-md-h${b.level}` }, renderInline(inlineOf(b, e.refs, x.literals), ms, x));
    case 'quote':
      return <blockquote>{renderBlocks(b.children, ms, x, e)}</blockquote>;
    case 'list': {
      const parts = split(b.items, ms);
      const items = b.items.map((it, i) =>
        memoize(x, e, it, it.ref, parts[i]!, b.loose ? 'l' : '', () => renderItem(it, parts[i]!, x, e, !b.loose)),
      );
      return b.ordered ? <ol start={b.start === 1 ? undefined : b.start}>{items}</ol> : <ul>{items}</ul>;
    }
    case 'table':
      return renderTable(b, ms, x, e);
    case 'code':
      return [
        <CodeBlock lang={b.lang} parts={b.parts} strings={x.strings} growing={!!b.open && e.streaming} />,
        renderMarkers({ m: ms, k: 0 }, Infinity),
      ];
    case 'hr':
      return [<hr />, renderMarkers({ m: ms, k: 0 }, Infinity)];
  }
}

function renderItem(it: ListItem, ms: Markers, x: RenderContext, e: RenderEnv, tight: boolean) {
  const first = it.children[0];
  return (
    <li class={it.task === undefined ? undefined : 'ck-md-task'}>
      {it.task !== undefined && (
        <input
          type="checkbox"
          disabled
          checked={it.task}
          aria-label={first?.type === 'p' ? flattenText(inlineOf(first, e.refs, x.literals)) : undefined}
        />
      )}
      {renderBlocks(it.children, ms, x, e, tight)}
    </li>
  );
}

function renderTable(b: Extract<Block, { type: 'table' }>, ms: Markers, x: RenderContext, e: RenderEnv) {
  const parts = split([b.head, ...b.rows], ms);
  const row = (r: TableRow, i: number) =>
    memoize(x, e, r, true, parts[i]!, '', () => {
      const cur = { m: parts[i]!, k: 0 };
      return (
        <tr>
          {r.cells.map((c, j) => {
            const kids = renderInlineAt(inlineOf(c, e.refs, x.literals), cur, x);
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
        {b.rows.length > 0 && <tbody>{b.rows.map((r, i) => row(r, i + 1))}</tbody>}
      </table>
    </div>
  );
}

/** The open paragraph: frozen chunks Preact skips, then the rest; the same DOM as rendering it whole. */
function renderOpen(b: InlineSource, ms: Markers, x: RenderContext, e: RenderEnv, para: OpenParagraph): ComponentChild[] {
  const { chunks, rest, restAt } = parseOpenParagraph(para, b, e.refs, x.literals);
  const out: ComponentChild[] = [];
  let k = 0;
  chunks.forEach((ch, i) => {
    const next = chunks[i + 1]?.at ?? restAt;
    const mine: MarkdownMarker[] = [];
    while (k < ms.length && ms[k]!.index < next) mine.push(ms[k++]!);
    out.push(frozen([ch.v, x, mine.map((m) => m.key).join('\0')], () => renderInlineAt(ch.v, { m: mine, k: 0 }, x)));
  });
  out.push(...renderInline(rest, ms.slice(k), x));
  return out;
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
      else if (n.type === 'math') out.push(<MathView tex={n.v} raw={n.raw} display={n.display} />);
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
