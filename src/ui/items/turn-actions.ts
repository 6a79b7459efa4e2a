/**
 * Where a turn's message actions go. ChatKit shows one set of actions (copy, feedback, retry) per assistant
 * turn, after its last reply item, and Copy copies the whole turn: every assistant message and every widget's
 * `copy_text`, in order. A turn is everything between two user messages; the one still streaming gets none yet.
 */
import type { ThreadItem } from '../../protocol/items.ts';

/** The text an item contributes to its turn's Copy, or null for items that carry no copyable text. */
function copyTextOf(item: ThreadItem): string | null {
  if (item.type === 'assistant_message') return item.content.map((p) => p.text).join('\n\n');
  if (item.type === 'widget') return item.copy_text ?? null;
  return null;
}

/**
 * For each finished turn, the id of the item that shows the actions (its last assistant message or widget)
 * mapped to the turn's copy text ('' when the turn has none). `openTurn` is true while the last turn streams.
 */
export function turnActions(items: readonly ThreadItem[], openTurn: boolean): Map<string, string> {
  const out = new Map<string, string>();
  let target: string | null = null;
  let texts: string[] = [];
  const close = (): void => {
    if (target !== null) out.set(target, texts.filter(Boolean).join('\n\n'));
    target = null;
    texts = [];
  };
  for (const item of items) {
    if (item.type === 'user_message') {
      close();
      continue;
    }
    const text = copyTextOf(item);
    if (text === null && item.type !== 'widget') continue;
    target = item.id;
    if (text) texts.push(text);
  }
  if (!openTurn) close();
  return out;
}
