/**
 * Markdown → plain text, one line per block (part of the lazy engine): what the live region announces and what
 * message actions are described by. No `#`, `**`, pipes or fences: a screen reader would read them out.
 */
import { parseMarkdown } from './block-parser.ts';
import { inlineOf } from './render.tsx';
import type { RefMap } from './link-syntax.ts';
import type { Block, Inline, InlineSource } from './types.ts';

function inline(nodes: readonly Inline[]): string {
  return nodes.map((n) => (n.type === 'br' ? ' ' : n.type === 'image' ? n.alt : 'v' in n ? n.v : inline(n.children))).join('');
}

function block(b: Block, refs: RefMap): string[] {
  const text = (s: InlineSource): string => inline(inlineOf(s, refs));
  switch (b.type) {
    case 'p':
    case 'h':
      return [text(b)];
    case 'quote':
      return b.children.flatMap((c) => block(c, refs));
    case 'list':
      return b.items.flatMap((item) => item.children.flatMap((c) => block(c, refs)));
    case 'table':
      return [b.head, ...b.rows].map((row) => row.cells.map(text).join(', '));
    case 'code':
      return [b.parts.join('').trimEnd()];
    default:
      return [];
  }
}

/** Markdown → plain text, one line per block. */
export function markdownToPlainText(markdown: string): string {
  const doc = parseMarkdown(markdown);
  return doc.blocks.flatMap((b) => block(b, doc.refs)).filter(Boolean).join('\n');
}
