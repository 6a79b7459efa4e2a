import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../src/markdown/block-parser.ts';
import { flattenText, parseInline } from '../../../src/markdown/inline-parser.ts';
import type { RefMap } from '../../../src/markdown/link-syntax.ts';
import type { Block, InlineSource } from '../../../src/markdown/types.ts';

// Offset-free notation: inline content becomes its plain text.
function shape(blocks: readonly Block[], refs: RefMap = new Map()): unknown[] {
  const t = (o: InlineSource) => flattenText(parseInline(o, refs));
  return blocks.map((b) => {
    switch (b.type) {
      case 'p':
        return t(b);
      case 'h':
        return { ['h' + b.level]: t(b) };
      case 'hr':
        return 'HR';
      case 'code':
        return { code: b.parts.join(''), lang: b.lang };
      case 'quote':
        return { quote: shape(b.children, refs) };
      case 'table':
        return { align: b.align, head: b.head.cells.map(t), rows: b.rows.map((r) => r.cells.map(t)) };
      case 'list':
        return {
          [b.ordered ? 'ol' : 'ul']: b.items.map((i) => (i.task === undefined ? shape(i.children, refs) : { task: i.task, c: shape(i.children, refs) })),
          ...(b.loose ? { loose: true } : {}),
          ...(b.start !== 1 ? { start: b.start } : {}),
        };
    }
  });
}
const p = (s: string) => {
  const d = parseMarkdown(s);
  return shape(d.blocks, d.refs);
};

describe('parseMarkdown', () => {
  it('splits paragraphs on blank lines and keeps soft breaks inside them', () => {
    expect(p('one\ntwo\n\n\nthree')).toEqual(['one\ntwo', 'three']);
    expect(p('')).toEqual([]);
    expect(p('\n\n  \n')).toEqual([]);
  });

  it('parses ATX headings with optional closing hashes', () => {
    expect(p('# One\n## Two ##\n###### Six\n####### seven\n#no\n#')).toEqual([
      { h1: 'One' }, { h2: 'Two' }, { h6: 'Six' }, '####### seven\n#no', { h1: '' },
    ]);
  });

  it('parses setext headings from a paragraph and an underline', () => {
    expect(p('Big\nTitle\n===\nSmall\n---')).toEqual([{ h1: 'Big\nTitle' }, { h2: 'Small' }]);
  });

  it('parses thematic breaks, including ones that look like list markers', () => {
    expect(p('---\n* * *\n___\ntext\n\n- - -')).toEqual(['HR', 'HR', 'HR', 'text', 'HR']);
  });

  it('parses backtick and tilde fences with an info string, unclosed fences running to the end', () => {
    expect(p('```js title\nlet a;\n\n  b\n```\n~~~\n```\n~~~\n````\nopen')).toEqual([
      { code: 'let a;\n\n  b\n', lang: 'js' },
      { code: '```\n', lang: '' },
      { code: 'open\n', lang: '' },
    ]);
    expect(p('``` a`b\nnot a fence')).toEqual(['``` a`b\nnot a fence']);
  });

  it('strips the fence indentation from code lines', () => {
    expect(p('  ```\n  a\n    b\nc\n  ```')).toEqual([{ code: 'a\n  b\nc\n', lang: '' }]);
  });

  it('parses nested blockquotes with lazy continuation', () => {
    expect(p('> a\nlazy\n> > b\n>\n> c\n\nafter')).toEqual([{ quote: ['a\nlazy', { quote: ['b'] }, 'c'] }, 'after']);
  });

  it('parses tight and loose bullet lists and nested lists', () => {
    expect(p('- a\n- b\n  - c\n  - d\n- e')).toEqual([{ ul: [['a'], ['b', { ul: [['c'], ['d']] }], ['e']] }]);
    expect(p('- a\n\n- b')).toEqual([{ ul: [['a'], ['b']], loose: true }]);
    expect(p('- a\n\n  more\n- b')).toEqual([{ ul: [['a', 'more'], ['b']], loose: true }]);
    expect(p('- a\n  - b\n\n  - c')).toEqual([{ ul: [['a', { ul: [['b'], ['c']], loose: true }]] }]);
    expect(p('- a\n- b\n\n\nafter')).toEqual([{ ul: [['a'], ['b']] }, 'after']);
  });

  it('parses ordered lists with their start number and delimiter', () => {
    expect(p('3. a\n4. b\n1) c')).toEqual([{ ol: [['a'], ['b']], start: 3 }, { ol: [['c']] }]);
    expect(p('1. a\n\n   code-like\n2. b')).toEqual([{ ol: [['a', 'code-like'], ['b']], loose: true }]);
  });

  it('starts a new list when the bullet character changes', () => {
    expect(p('- a\n* b\n+ c')).toEqual([{ ul: [['a']] }, { ul: [['b']] }, { ul: [['c']] }]);
  });

  it('only lets a non-empty list item starting at 1 interrupt a paragraph', () => {
    expect(p('text\n2. not a list\n- yes')).toEqual(['text\n2. not a list', { ul: [['yes']] }]);
    expect(p('text\n1. yes')).toEqual(['text', { ol: [['yes']] }]);
  });

  it('continues a list item paragraph lazily', () => {
    expect(p('- a\nb\n- c')).toEqual([{ ul: [['a\nb'], ['c']] }]);
  });

  it('parses task list items', () => {
    expect(p('- [ ] todo\n- [x] done\n- [X] Done\n- [y] not\n- [ ]')).toEqual([
      { ul: [{ task: false, c: ['todo'] }, { task: true, c: ['done'] }, { task: true, c: ['Done'] }, ['[y] not'], ['[ ]']] },
    ]);
  });

  it('parses GFM tables with alignment, padding short rows and dropping extra cells', () => {
    expect(p('| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 |\n| x \\| y | z | w | extra |\nlast\n\nafter')).toEqual([
      { align: ['left', 'center', 'right'], head: ['a', 'b', 'c'], rows: [['1', '2', ''], ['x | y', 'z', 'w'], ['last', '', '']] },
      'after',
    ]);
    expect(p('a | b\n--- | ---')).toEqual([{ align: ['', ''], head: ['a', 'b'], rows: [] }]);
  });

  it('does not make a table when the delimiter row does not match the header', () => {
    expect(p('| a | b |\n|---|')).toEqual(['| a | b |\n|---|']);
    // A one-column delimiter row under a one-cell line is a table (as micromark-extension-gfm has it).
    expect(p('a\n|---|')).toEqual([{ align: [''], head: ['a'], rows: [] }]);
  });

  it('ends a table at a block start', () => {
    expect(p('| a |\n|---|\n| 1 |\n# H\n| 2 |')).toEqual([
      { align: [''], head: ['a'], rows: [['1']] }, { h1: 'H' }, '| 2 |',
    ]);
  });

  it('treats HTML blocks and indented text as paragraphs', () => {
    expect(p('<div onclick="x()">\n    indented\n</div>')).toEqual(['<div onclick="x()">\nindented\n</div>']);
  });

  it('records the source offset of blocks and their text', () => {
    const [h, list] = parseMarkdown('# Hi\n\n- one\n  two').blocks;
    expect(h).toEqual({ type: 'h', at: 2, l0: 0, l1: 0, level: 1, src: 'Hi', ref: false });
    expect(parseInline(h as InlineSource)).toEqual([{ type: 'text', v: 'Hi', at: 2 }]);
    const item = (list as Extract<Block, { type: 'list' }>).items[0]!;
    expect(item.at).toBe(6);
    const para = item.children[0] as InlineSource;
    expect(para).toMatchObject({ type: 'p', at: 8, src: 'one\ntwo', lines: [4, 14] });
    expect(parseInline(para)).toEqual([
      { type: 'text', v: 'one\n', at: 8 },
      { type: 'text', v: 'two', at: 14 },
    ]);
  });

  it('accepts CRLF line endings', () => {
    expect(p('# A\r\n\r\ntext\r\nmore\r\n')).toEqual([{ h1: 'A' }, 'text\nmore']);
  });
});
