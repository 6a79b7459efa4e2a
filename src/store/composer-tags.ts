/**
 * Entity tags keep their place in the draft: each tag remembers the text offset where it was picked (`at`), the
 * offsets follow edits of the text, and the message is sent as `input_text` and `input_tag` parts in the order the
 * user typed them ("Tell me about @Cinderia station?" → text, tag, text), as ChatKit sends them.
 */
import type { Entity } from '../config/types.ts';
import type { UserMessageContent } from '../protocol/content.ts';

/** A tag in the draft, at a text offset. */
export type DraftTag = Entity & { at: number };

/** Moves tag offsets from text `a` to text `b` (one contiguous edit, found by common prefix and suffix). */
export function shiftTags(tags: readonly DraftTag[], a: string, b: string): DraftTag[] {
  let p = 0;
  const max = Math.min(a.length, b.length);
  while (p < max && a[p] === b[p]) p++;
  let s = 0;
  while (s < max - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  const removedEnd = a.length - s;
  const delta = b.length - a.length;
  // A tag at the edit point stays before what is typed there (the user types after the mention they picked).
  return tags.map((t) => (t.at <= p ? t : { ...t, at: t.at >= removedEnd ? t.at + delta : p }));
}

/** A tag as sent: the server requires `data`, so it is always present (§3.5.6). */
export const tagPart = (e: Entity): UserMessageContent => ({
  type: 'input_tag',
  id: e.id,
  text: e.title,
  data: e.data ?? {},
  ...(e.group !== undefined ? { group: e.group } : {}),
  interactive: e.interactive ?? false,
});

/** The message content: text and tags in reading order; the draft's outer whitespace trimmed, whitespace-only
 * text between tags dropped. */
export function draftContent(text: string, tags: readonly DraftTag[]): UserMessageContent[] {
  const start = text.length - text.trimStart().length;
  const end = Math.max(start, text.trimEnd().length);
  const sorted = [...tags].sort((x, y) => x.at - y.at);
  const parts: UserMessageContent[] = [];
  let from = start;
  // Text on both sides of a tag is kept apart from it by spaces ("ask @Alice now" is typed as "ask now" with the tag
  // at 4); tags that only follow the text need none.
  const pushText = (t: string): void => {
    if (!t.trim()) return;
    if (parts.at(-1)?.type === 'input_tag') {
      const before = parts.findLast((p) => p.type === 'input_text');
      if (before?.type === 'input_text' && !/\s$/.test(before.text)) before.text += ' ';
      if (!/^\s/.test(t)) t = ' ' + t;
    }
    parts.push({ type: 'input_text', text: t });
  };
  for (const tag of sorted) {
    const at = Math.min(Math.max(tag.at, from), end);
    pushText(text.slice(from, at));
    parts.push(tagPart(tag));
    from = at;
  }
  pushText(text.slice(from, end));
  return parts;
}
