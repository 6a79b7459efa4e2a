import { describe, expect, it } from 'vitest';
import { draftContent, shiftTags, type DraftTag } from '../../../src/store/composer-tags.ts';
import { createComposerSearch } from '../../../src/store/composer-search.ts';
import { setup } from './harness.tsx';

const tag = (id: string, at: number): DraftTag => ({ id, title: id, at });
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('mentions keep their place in the message', () => {
  it('sends "Tell me about @Cinderia station?" as text, tag, text, in the order typed', async () => {
    const t = setup({ entities: { onTagSearch: async () => [{ id: 'st_1', title: 'Cinderia', group: 'Stations' }] } });
    const search = createComposerSearch(t.composer, 0);
    t.composer.text.value = 'Tell me about @Cin';
    search.update('Tell me about @Cin', 18);
    await flush();
    await search.pick(0);
    // The user goes on typing after the mention.
    t.composer.text.value = `${t.composer.text.value} station?`;
    await t.composer.submit();
    const content = (t.api()[0]?.params as { input: { content: unknown[] } }).input.content;
    expect(content).toEqual([
      { type: 'input_text', text: 'Tell me about ' },
      { type: 'input_tag', id: 'st_1', text: 'Cinderia', data: {}, group: 'Stations', interactive: false },
      { type: 'input_text', text: ' station?' },
    ]);
  });

  it('shifts tag offsets with edits before them, and not with edits after them', () => {
    const tags = [tag('a', 4), tag('b', 9)];
    expect(shiftTags(tags, 'ask now then', 'please ask now then').map((x) => x.at)).toEqual([11, 16]);
    expect(shiftTags(tags, 'ask now then', 'ask now then!!').map((x) => x.at)).toEqual([4, 9]);
    expect(shiftTags(tags, 'ask now then', 'ask now thex').map((x) => x.at)).toEqual([4, 9]);
    // Deleting the text around a tag puts it at the edit point; one after the deletion moves back with the text.
    expect(shiftTags([tag('a', 6), tag('b', 10)], 'ask now then', 'ask then').map((x) => x.at)).toEqual([4, 6]);
  });

  it('trims the draft, drops whitespace-only text, and keeps tags alone when there is no text', () => {
    expect(draftContent('  hi  ', [tag('a', 6)])).toEqual([{ type: 'input_text', text: 'hi' }, { type: 'input_tag', id: 'a', text: 'a', data: {}, interactive: false }]);
    expect(draftContent('', [tag('a', 0), tag('b', 0)]).map((p) => p.type)).toEqual(['input_tag', 'input_tag']);
    expect(draftContent('x', [])).toEqual([{ type: 'input_text', text: 'x' }]);
  });
});
