/**
 * The Markdown engine (parser, renderer, error boundary), loaded as a lazy chunk by markdown.tsx so the first
 * open does not carry it.
 */
import { Component, h, type ComponentChild, type VNode } from 'preact';
import { useRef } from 'preact/hooks';
import { parseMarkdown, type MarkdownDoc } from './block-parser.ts';
import { createIncrementalMarkdown, type IncrementalMarkdown } from './incremental.ts';
import { createOpenParagraph, type OpenParagraph } from './open-paragraph.ts';
import { frozen, openParagraph, renderBlocks, type FrozenProps, type MarkdownMarker, type RenderContext } from './render.tsx';
import { DEFAULT_MARKDOWN_STRINGS, type MarkdownStrings } from './strings.ts';
import type { UrlPolicy } from './url-policy.ts';

/** Called when a `chatkit-link://name?k=v` link is activated. */
export type DeeplinkHandler = (name: string, data: Record<string, string>) => void;

/** Options of renderMarkdown (static text). */
export interface RenderMarkdownOptions {
  policy: UrlPolicy;
  onDeeplink?: DeeplinkHandler | undefined;
  strings?: MarkdownStrings | undefined;
  markers?: readonly MarkdownMarker[] | undefined;
  /** GFM autolink literals: bare `https://…`, `www.…` and e-mail addresses become links (default true). */
  autolinkLiterals?: boolean | undefined;
}

/**
 * Props of Markdown. Pass `policy` and `strings` as stable objects: changing either re-renders every block.
 * A marker's `key` must change whenever its rendering does, because frozen blocks are memoized by marker keys.
 */
export interface MarkdownProps extends RenderMarkdownOptions {
  text: string;
  streaming?: boolean | undefined;
}

/** Finished top-level blocks per frozen group: a render of a long answer compares a few groups, not every block. */
const GROUP = 24;

/**
 * Wraps each whole run of GROUP finished blocks in one Frozen `<div class="ck-md-run">` that depends on all of
 * its blocks, so Preact skips the run in one comparison and the browser skips laying out and painting the runs
 * that are off screen (content-visibility, styles/markdown.css). The blocks after the last whole run, the one
 * still streaming among them, stay direct children of `.ck-md`.
 */
function group(kids: Array<VNode<FrozenProps>>, streaming?: boolean): ComponentChild[] {
  const done = streaming ? kids.length - 1 : kids.length;
  const out: ComponentChild[] = [];
  let i = 0;
  for (; i + GROUP <= done; i += GROUP) {
    const slice = kids.slice(i, i + GROUP);
    out.push(frozen(slice.flatMap((k) => k.props.deps), () => <div class="ck-md-run">{slice}</div>));
  }
  for (; i < kids.length; i++) out.push(kids[i]);
  return out;
}

function renderRoot(
  doc: MarkdownDoc,
  markers: RenderMarkdownOptions['markers'],
  x: RenderContext,
  streaming?: boolean,
  para?: OpenParagraph,
): VNode {
  const { blocks, refs } = doc;
  const sorted = [...(markers ?? [])].sort((a, b) => a.index - b.index);
  const open = streaming && para ? openParagraph(blocks) : undefined;
  // With no blocks at all there is nowhere to attach markers, so they stand alone.
  const kids: ComponentChild = blocks.length
    ? group(renderBlocks(blocks, sorted, x, { refs, streaming: !!streaming, open, para }), streaming)
    : sorted.map((m) => m.render());
  return <div class={streaming ? 'ck-md ck-md-streaming' : 'ck-md'}>{kids}</div>;
}

interface GuardProps {
  text: string;
  children?: ComponentChild;
}

/**
 * Shows the source as plain text if rendering a message throws (whatever the cause), instead of losing the
 * message or the whole thread. Tries again when the text changes.
 */
class MarkdownGuard extends Component<GuardProps, { failed: string | null }> {
  override state = { failed: null as string | null };
  override componentDidCatch(): void {
    this.setState({ failed: this.props.text });
  }
  override render() {
    if (this.state.failed === this.props.text) {
      return <div class="ck-md"><p class="ck-md-plain">{this.props.text}</p></div>;
    }
    return this.props.children;
  }
}

const makeContext = (o: RenderMarkdownOptions, deeplink: DeeplinkHandler): RenderContext => ({
  policy: o.policy,
  strings: o.strings ?? DEFAULT_MARKDOWN_STRINGS,
  deeplink,
  literals: o.autolinkLiterals ?? true,
});

/** Renders markdown that may still be streaming; each update re-parses and re-renders only the open tail. */
export function Markdown(props: MarkdownProps) {
  return h(MarkdownGuard, { text: props.text }, h(MarkdownBody, props));
}

function MarkdownBody(props: MarkdownProps) {
  const own = useRef<{ parser: IncrementalMarkdown; para: OpenParagraph; x: RenderContext | null; onDeeplink?: DeeplinkHandler | undefined }>();
  const s = (own.current ??= { parser: createIncrementalMarkdown(), para: createOpenParagraph(), x: null });
  // Read through the ref so an inline callback prop does not invalidate memoized blocks.
  s.onDeeplink = props.onDeeplink;
  if (s.x?.policy !== props.policy || s.x.strings !== (props.strings ?? DEFAULT_MARKDOWN_STRINGS)) {
    s.x = makeContext(props, (name, data) => s.onDeeplink?.(name, data));
  }
  return renderRoot(s.parser.update(props.text), props.markers, s.x, props.streaming, s.para);
}

/** Renders static markdown (notices, disclaimers) in one pass. */
export function renderMarkdown(text: string, options: RenderMarkdownOptions): VNode {
  return h(MarkdownGuard, { text }, h(StaticMarkdown, { text, options })) as VNode;
}

// Parses inside the guard, so a parse that throws is caught too.
function StaticMarkdown({ text, options }: { text: string; options: RenderMarkdownOptions }) {
  return renderRoot(parseMarkdown(text), options.markers, makeContext(options, (n, d) => options.onDeeplink?.(n, d)));
}
export { markdownToPlainText } from './plain-text.ts';
