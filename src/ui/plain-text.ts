/**
 * What the live region says for a reply: its Markdown as plain text (no `#`, `**`, pipes or fences: a screen
 * reader would read them out), complete up to a bound that keeps one announcement listenable.
 */
import { parseMarkdown } from '../markdown/block-parser.ts';
import type { Block, Inline } from '../markdown/types.ts';

/** The longest announcement (characters); longer replies end at a sentence or word boundary, with "…". */
export const MAX_ANNOUNCEMENT = 1000;

function inline(nodes: readonly Inline[]): string {
  return nodes.map((n) => (n.type === 'br' ? ' ' : n.type === 'image' ? n.alt : 'v' in n ? n.v : inline(n.children))).join('');
}

function block(b: Block): string[] {
  switch (b.type) {
    case 'p':
    case 'h':
      return [inline(b.children)];
    case 'quote':
      return b.children.flatMap(block);
    case 'list':
      return b.items.flatMap((item) => item.children.flatMap(block));
    case 'table':
      return [b.head, ...b.rows].map((row) => row.cells.map(inline).join(', '));
    case 'code':
      return [b.parts.join('').trimEnd()];
    case 'hr':
      return [];
  }
}

/** Markdown → plain text, one line per block. */
export function markdownToPlainText(markdown: string): string {
  return parseMarkdown(markdown).flatMap(block).filter(Boolean).join('\n');
}

/** Bounds `text` to `max` characters, cutting after the last sentence (else word) that fits. */
export function boundAnnouncement(text: string, max = MAX_ANNOUNCEMENT): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const sentence = Math.max(head.lastIndexOf('. ') + 1, head.lastIndexOf('\n'));
  return `${head.slice(0, sentence > max / 2 ? sentence : head.lastIndexOf(' ') + 1 || max).trimEnd()}…`;
}
