/**
 * What the live region says for a reply: its Markdown as plain text (no `#`, `**`, pipes or fences: a screen
 * reader would read them out; converted by the lazily loaded Markdown engine), complete up to a bound that keeps
 * one announcement listenable.
 */
export { markdownToPlainText } from '../markdown/markdown.tsx';

/** The longest announcement (characters); longer replies end at a sentence or word boundary, with "…". */
export const MAX_ANNOUNCEMENT = 1000;

/** Bounds `text` to `max` characters, cutting after the last sentence (else word) that fits. */
export function boundAnnouncement(text: string, max = MAX_ANNOUNCEMENT): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const sentence = Math.max(head.lastIndexOf('. ') + 1, head.lastIndexOf('\n'));
  return `${head.slice(0, sentence > max / 2 ? sentence : head.lastIndexOf(' ') + 1 || max).trimEnd()}…`;
}
