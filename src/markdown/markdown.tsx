import { Fragment, h, type ComponentChild, type VNode } from 'preact';
import { useRef } from 'preact/hooks';
import { parseMarkdown } from './block-parser.ts';
import { createIncrementalMarkdown, type IncrementalMarkdown } from './incremental.ts';
import { renderBlocks, type MarkdownMarker, type RenderContext } from './render.tsx';
import { DEFAULT_MARKDOWN_STRINGS, type MarkdownStrings } from './strings.ts';
import type { Block } from './types.ts';
import type { UrlPolicy } from './url-policy.ts';

/** Called when a `chatkit-link://name?k=v` link is activated. */
export type DeeplinkHandler = (name: string, data: Record<string, string>) => void;

/** Options of renderMarkdown (static text). */
export interface RenderMarkdownOptions {
  policy: UrlPolicy;
  onDeeplink?: DeeplinkHandler | undefined;
  strings?: MarkdownStrings | undefined;
  markers?: readonly MarkdownMarker[] | undefined;
}

/**
 * Props of Markdown. Pass `policy` and `strings` as stable objects: changing either re-renders every block.
 * A marker's `key` must change whenever its rendering does, because frozen blocks are memoized by marker keys.
 */
export interface MarkdownProps extends RenderMarkdownOptions {
  text: string;
  streaming?: boolean | undefined;
}

/** Frozen top-level blocks per memoized group: a render of a long answer diffs a few groups, not every block. */
const GROUP = 24;
const groupsOf = new WeakMap<RenderContext, WeakMap<object, { kids: ComponentChild[]; vnode: VNode }>>();

/**
 * Wraps whole runs of GROUP block vnodes (already memoized per block) in one Fragment vnode that is reused while
 * its blocks are: Preact skips a vnode it has seen before in one comparison. Fragments add no DOM, so the markup
 * and the CSS (`.ck-md > :last-child`…) are unchanged. The last block of a streaming answer is never grouped.
 */
function group(blocks: readonly Block[], kids: ComponentChild[], x: RenderContext, streaming?: boolean): ComponentChild[] {
  let cache = groupsOf.get(x);
  if (!cache) groupsOf.set(x, (cache = new WeakMap()));
  const frozen = streaming ? kids.length - 1 : kids.length;
  const out: ComponentChild[] = [];
  let i = 0;
  for (; i + GROUP <= frozen; i += GROUP) {
    const slice = kids.slice(i, i + GROUP);
    const hit = cache.get(blocks[i] as Block);
    if (hit && hit.kids.every((k, j) => k === slice[j])) out.push(hit.vnode);
    else {
      const vnode = h(Fragment, null, slice);
      cache.set(blocks[i] as Block, { kids: slice, vnode });
      out.push(vnode);
    }
  }
  for (; i < kids.length; i++) out.push(kids[i]);
  return out;
}

function renderRoot(
  blocks: readonly Block[],
  markers: RenderMarkdownOptions['markers'],
  x: RenderContext,
  streaming?: boolean,
): VNode {
  const sorted = [...(markers ?? [])].sort((a, b) => a.index - b.index);
  // With no blocks at all there is nowhere to attach markers, so they stand alone.
  const kids: ComponentChild = blocks.length ? group(blocks, renderBlocks(blocks, sorted, x), x, streaming) : sorted.map((m) => m.render());
  return <div class={streaming ? 'ck-md ck-md-streaming' : 'ck-md'}>{kids}</div>;
}

const makeContext = (o: RenderMarkdownOptions, deeplink: DeeplinkHandler): RenderContext => ({
  policy: o.policy,
  strings: o.strings ?? DEFAULT_MARKDOWN_STRINGS,
  deeplink,
  cache: new WeakMap(),
});

/** Renders markdown that may still be streaming; each update re-parses and re-renders only the open tail. */
export function Markdown(props: MarkdownProps) {
  const own = useRef<{ parser: IncrementalMarkdown; x: RenderContext | null; onDeeplink?: DeeplinkHandler | undefined }>();
  const s = (own.current ??= { parser: createIncrementalMarkdown(), x: null });
  // Read through the ref so an inline callback prop does not invalidate memoized blocks.
  s.onDeeplink = props.onDeeplink;
  if (s.x?.policy !== props.policy || s.x.strings !== (props.strings ?? DEFAULT_MARKDOWN_STRINGS)) {
    s.x = makeContext(props, (name, data) => s.onDeeplink?.(name, data));
  }
  return renderRoot(s.parser.update(props.text), props.markers, s.x, props.streaming);
}

/** Renders static markdown (notices, disclaimers) in one pass. */
export function renderMarkdown(text: string, options: RenderMarkdownOptions): VNode {
  return renderRoot(parseMarkdown(text), options.markers, makeContext(options, (n, d) => options.onDeeplink?.(n, d)));
}
