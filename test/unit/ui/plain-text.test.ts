import { describe, expect, it } from 'vitest';
import { boundAnnouncement, markdownToPlainText, MAX_ANNOUNCEMENT } from '../../../src/ui/plain-text.ts';

describe('markdownToPlainText', () => {
  it('drops heading marks, emphasis, links, code fences and table pipes', () => {
    const md = '# A tour of Markdown\n\nAnswers are **Markdown** with _emphasis_, `code` and [links](https://example.com).\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```js\nlet x = 1;\n```\n\n> quoted\n\n---\n\n![a chart](https://example.com/c.png)';
    expect(markdownToPlainText(md)).toBe('A tour of Markdown\nAnswers are Markdown with emphasis, code and links.\none\ntwo\na, b\n1, 2\nlet x = 1;\nquoted\na chart');
  });
});

describe('boundAnnouncement', () => {
  it('keeps a text within the bound whole', () => {
    const text = 'x'.repeat(MAX_ANNOUNCEMENT);
    expect(boundAnnouncement(text)).toBe(text);
  });
  it('ends a longer text after the last sentence that fits, with an ellipsis', () => {
    const sentence = 'This sentence has exactly fifty characters in it. ';
    const out = boundAnnouncement(sentence.repeat(30));
    expect(out.length).toBeLessThanOrEqual(MAX_ANNOUNCEMENT);
    expect(out).toBe(`${sentence.repeat(19).trimEnd()}…`);
  });
  it('falls back to a word boundary when there is no sentence end', () => {
    expect(boundAnnouncement('word '.repeat(400), 20)).toBe('word word word…');
  });
});
