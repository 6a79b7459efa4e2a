import { describe, expect, it } from 'vitest';
import { CODE_CHUNK_LINES, parseMarkdown, type MarkdownDoc } from '../../../src/markdown/block-parser.ts';
import { createIncrementalMarkdown } from '../../../src/markdown/incremental.ts';
import { parseInline } from '../../../src/markdown/inline-parser.ts';
import { scanStats } from '../../../src/markdown/scan-stats.ts';
import type { Block, InlineSource } from '../../../src/markdown/types.ts';

// The document with every inline source parsed against its definitions: what rendering will show.
function resolved(doc: MarkdownDoc): unknown {
  const inl = (o: InlineSource) => parseInline(o, doc.refs);
  const walk = (b: Block): unknown =>
    b.type === 'p' || b.type === 'h' ? { ...b, inl: inl(b) }
    : b.type === 'quote' ? { ...b, children: b.children.map(walk) }
    : b.type === 'list' ? { ...b, items: b.items.map((it) => ({ ...it, children: it.children.map(walk) })) }
    : b.type === 'table' ? { ...b, head: b.head.cells.map(inl), rows: b.rows.map((r) => r.cells.map(inl)) }
    : b;
  return { blocks: doc.blocks.map(walk), refs: doc.refs };
}

// Deterministic PRNG so a failing split can be replayed.
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const mixed = [
  '# Release notes',
  '',
  'Intro with *emphasis*, **strong**, ~~struck~~, `code`, [a link](https://example.com "t") and https://bare.example/x.',
  'A second line  ',
  'after a hard break &amp; an entity. <script>alert(1)</script>',
  '',
  'Setext title',
  '============',
  '',
  '- item one',
  '- [x] done item',
  '  - nested *a*',
  '  - nested b',
  '',
  '  continued paragraph in item',
  '- item three',
  '',
  '1. first',
  '2. second',
  '10) other list',
  '',
  '> quote line',
  'lazy continuation',
  '> > nested quote',
  '>',
  '> - list in quote',
  '',
  '| a | b |',
  '|:--|--:|',
  '| 1 | **2** |',
  '| 3 |',
  '',
  '```ts',
  ...Array.from({ length: 80 }, (_, i) => `const v${i} = ${i}; // line ${i}`),
  '```',
  '',
  '***',
  '',
  '~~~',
  'tilde fence',
  '~~~',
  'Para right after, then ![img](https://img.example/a.png) and \\*escaped\\*.',
  '## Closing ##',
].join('\n');

const listDoc = Array.from({ length: 60 }, (_, i) =>
  i % 10 === 9 ? `\n${i + 1}. item ${i} with **bold** text\n\n   more for ${i}` : `${i + 1}. item ${i} with **bold** text`,
).join('\n');

const quoteDoc = Array.from({ length: 40 }, (_, i) => (i % 7 === 3 ? '>' : `> line ${i} _x_`)).join('\n') + '\n\nafter';

const tableDoc = ['| h1 | h2 | h3 |', '|---|:-:|---|', ...Array.from({ length: 70 }, (_, i) => `| r${i} | *${i}* | \`c\` |`)].join('\n');

function feed(doc: string, seed: number, onUpdate: (prefix: string, blocks: MarkdownDoc) => void): void {
  const next = random(seed);
  const parser = createIncrementalMarkdown();
  for (let n = 0; n < doc.length; ) {
    n = Math.min(doc.length, n + 1 + Math.floor(next() * 12));
    const prefix = doc.slice(0, n);
    onUpdate(prefix, parser.update(prefix));
  }
}

describe('createIncrementalMarkdown', () => {
  for (const [name, doc] of [['mixed', mixed], ['list', listDoc], ['quote', quoteDoc], ['table', tableDoc]] as const) {
    for (const seed of [1, 2, 3]) {
      it(`matches a from-scratch parse at every prefix of the ${name} document (seed ${seed})`, () => {
        feed(doc, seed, (prefix, d) => expect(resolved(d)).toEqual(resolved(parseMarkdown(prefix))));
      });
    }
  }

  it('matches a from-scratch parse on random markdown-like noise', () => {
    const vocab = ['- ', '* ', '+ ', '> ', '1. ', '2) ', '```', '~~~', '|', '---', '===', '\n', '\n\n', '  ', '    ', '\t', '\r\n',
      '*', '**', '_', '~~', '`', '``', '[', ']', '(', ')', '![', '](', 'https://a.example/x', 'www.b.org', '#', '## ', '\\',
      '&amp;', '&#x41;', '<', '>', '<https://c.example>', '[ ] ', '[x] ', 'word', ' ', ':-:', '"t"', '<script>'];
    for (let seed = 10; seed < 40; seed++) {
      const next = random(seed);
      const doc = Array.from({ length: 300 }, () => vocab[Math.floor(next() * vocab.length)]).join('');
      // Inline content is a pure function of a block's source and the definitions, both compared here.
      feed(doc, seed, (prefix, d) => expect(d, JSON.stringify(prefix)).toEqual(parseMarkdown(prefix)));
    }
  });

  it('matches a from-scratch parse when fed one character at a time', () => {
    const parser = createIncrementalMarkdown();
    for (let n = 1; n <= mixed.length; n++) expect(parser.update(mixed.slice(0, n))).toEqual(parseMarkdown(mixed.slice(0, n)));
  });

  it('keeps a top-level block identical once a later block has started on a complete line', () => {
    const frozen = new Map<number, Block>();
    feed(mixed, 7, (prefix, { blocks }) => {
      for (const [i, b] of frozen) expect(blocks[i]).toBe(b);
      const done = prefix.lastIndexOf('\n');
      blocks.forEach((b, i) => {
        if (i + 1 < blocks.length && blocks[i + 1]!.at < done) frozen.set(i, b);
      });
    });
    expect(frozen.size).toBeGreaterThan(10);
  });

  it('keeps list items and table rows identical once the next one has started on a complete line', () => {
    const parser = createIncrementalMarkdown();
    const list = (text: string) => parser.update(text).blocks[0] as Extract<Block, { type: 'list' }>;
    const u1 = list('- a\n- b\n');
    const u2 = list('- a\n- b\n- c');
    const u3 = list('- a\n- b\n- c\n- d');
    const u4 = list('- a\n- b\n- c\n- d and more');
    expect(u4).not.toBe(u3);
    for (const u of [u2, u3, u4]) expect(u.items[0]).toBe(u1.items[0]);
    // "- c" was still an unfinished line in u2, so item b froze only in u3.
    expect(u3.items[1]).not.toBe(u2.items[1]);
    expect(u4.items[1]).toBe(u3.items[1]);
    expect(u4.items[2]).not.toBe(u3.items[2]);

    const table = (text: string) => parser.update(text).blocks[0] as Extract<Block, { type: 'table' }>;
    const t1 = table('| a |\n|---|\n| 1 |\n| 2');
    const t2 = table('| a |\n|---|\n| 1 |\n| 2 |\n| 3 |');
    expect(t2.head).toBe(t1.head);
    expect(t2.rows[0]).toBe(t1.rows[0]);
    expect(t2.rows.map((r) => r.at)).toEqual([12, 18, 24]);
  });

  it('shares the frozen chunks of a growing code block', () => {
    const parser = createIncrementalMarkdown();
    const lines = Array.from({ length: CODE_CHUNK_LINES * 2 + 3 }, (_, i) => `line ${i}`);
    const a = parser.update('```\n' + lines.join('\n')).blocks[0] as Extract<Block, { type: 'code' }>;
    const b = parser.update('```\n' + lines.join('\n') + '\nmore').blocks[0] as Extract<Block, { type: 'code' }>;
    expect(a.parts.length).toBe(3);
    expect(b.parts.slice(0, 2)).toEqual(a.parts.slice(0, 2));
    expect(b.parts.join('')).toBe(lines.join('\n') + '\nmore\n');
  });

  it('reparses from scratch when the text no longer extends the previous text', () => {
    const parser = createIncrementalMarkdown();
    const before = parser.update('# One\n\nfirst paragraph\n\n- x\n');
    const after = parser.update('# Two\n\nother\n');
    expect(after).toEqual(parseMarkdown('# Two\n\nother\n'));
    expect(after.blocks[0]).not.toBe(before.blocks[0]);
    expect(parser.update('').blocks).toEqual([]);
  });

  it('returns the same array when the text did not change', () => {
    const parser = createIncrementalMarkdown();
    const a = parser.update('hello\n\nworld');
    expect(parser.update('hello\n\nworld')).toBe(a);
  });

  it('does not freeze a block that an unfinished last line might still turn into something else', () => {
    const parser = createIncrementalMarkdown();
    expect(parser.update('para\n#').blocks.map((b) => b.type)).toEqual(['p', 'h']);
    expect(parser.update('para\n#x').blocks.map((b) => b.type)).toEqual(['p']);
    expect(parser.update('para\n#x\n===\n').blocks.map((b) => b.type)).toEqual(['h']);
  });
});

describe('work per streaming update', () => {
  const pad = (i: number) => String(i).padStart(4, '0'); // equal-length lines, so equal work is expected
  // Streams `doc` in 9-character deltas and returns the characters scanned by each update.
  function scannedPerUpdate(doc: string): number[] {
    const parser = createIncrementalMarkdown();
    const out: number[] = [];
    for (let n = 9; n < doc.length + 9; n += 9) {
      const before = scanStats.scanned;
      parser.update(doc.slice(0, n));
      out.push(scanStats.scanned - before);
    }
    return out;
  }

  it('stays flat inside a fenced code block thousands of lines long', () => {
    const doc = '```js\n' + Array.from({ length: 3000 }, (_, i) => `console.log(${pad(i)}); // comment`).join('\n');
    const work = scannedPerUpdate(doc);
    const early = Math.max(...work.slice(0, 500));
    const late = Math.max(...work.slice(-500));
    expect(late).toBeLessThanOrEqual(early);
    expect(late).toBeLessThan(40 * CODE_CHUNK_LINES);
  });

  it('stays flat in a list of thousands of items', () => {
    const doc = Array.from({ length: 3000 }, (_, i) => `- item ${pad(i)} with *some* text`).join('\n');
    const work = scannedPerUpdate(doc);
    expect(Math.max(...work.slice(-500))).toBeLessThanOrEqual(Math.max(...work.slice(0, 500)));
    expect(Math.max(...work)).toBeLessThan(120);
  });

  it('stays flat in a table of thousands of rows', () => {
    const doc = '| a | b |\n|---|---|\n' + Array.from({ length: 3000 }, (_, i) => `| ${pad(i)} | **x** |`).join('\n');
    const work = scannedPerUpdate(doc);
    expect(Math.max(...work.slice(-500))).toBeLessThanOrEqual(Math.max(...work.slice(0, 500)));
  });

  it('grows with the open block when there is no later block to freeze (the counter can fail)', () => {
    const doc = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
    const work = scannedPerUpdate(doc);
    expect(work[work.length - 1]!).toBeGreaterThan(10 * work[2]!);
  });
});
