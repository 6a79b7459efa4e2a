import { describe, expect, it } from 'vitest';
import { parseInline, flattenText } from '../../../src/markdown/inline-parser.ts';
import type { Inline } from '../../../src/markdown/types.ts';

// Compact, offset-free notation so structure assertions stay readable.
function shape(list: readonly Inline[]): unknown[] {
  return list.map((n) => {
    switch (n.type) {
      case 'text':
        return n.v;
      case 'code':
        return { code: n.v };
      case 'br':
        return 'BR';
      case 'image':
        return { img: n.src, alt: n.alt, ...(n.title ? { title: n.title } : {}) };
      case 'link':
        return { a: n.href, ...(n.title ? { title: n.title } : {}), c: shape(n.children) };
      case 'math':
        return { [n.display ? 'display' : 'math']: n.v };
      default:
        return { [n.type]: shape(n.children) };
    }
  });
}
const p = (s: string) => shape(parseInline({ src: s, at: 0 }));

describe('parseInline', () => {
  it('parses emphasis, strong emphasis and strikethrough', () => {
    expect(p('*a* _b_ **c** __d__ ~~e~~ ~f~')).toEqual([
      { em: ['a'] }, ' ', { em: ['b'] }, ' ', { strong: ['c'] }, ' ', { strong: ['d'] }, ' ', { del: ['e'] }, ' ', { del: ['f'] },
    ]);
    expect(p('***both***')).toEqual([{ em: [{ strong: ['both'] }] }]);
    expect(p('*a **b** c*')).toEqual([{ em: ['a ', { strong: ['b'] }, ' c'] }]);
  });

  it('follows the flanking rules: no intraword underscore emphasis, no emphasis around spaces', () => {
    expect(p('snake_case_name')).toEqual(['snake_case_name']);
    expect(p('a * b * c')).toEqual(['a * b * c']);
    expect(p('*foo*bar')).toEqual([{ em: ['foo'] }, 'bar']);
    expect(p('**unclosed')).toEqual(['**unclosed']);
    expect(p('~~~three~~~')).toEqual(['~~~three~~~']);
  });

  it('parses code spans of any backtick run, stripping one padding space', () => {
    expect(p('`a` ``b`c`` ` d ` `  `')).toEqual([{ code: 'a' }, ' ', { code: 'b`c' }, ' ', { code: 'd' }, ' ', { code: '  ' }]);
    expect(p('`*not emphasis*` `unclosed')).toEqual([{ code: '*not emphasis*' }, ' `unclosed']);
  });

  it('parses links with titles, angle destinations and balanced parentheses', () => {
    expect(p('[a](https://x.org "T") [b](</p q>) [c](/f(x)) [d](u \'t\')')).toEqual([
      { a: 'https://x.org', title: 'T', c: ['a'] }, ' ', { a: '/p%20q', c: ['b'] }, ' ', { a: '/f(x)', c: ['c'] }, ' ', { a: 'u', title: 't', c: ['d'] },
    ]);
    expect(p('[*em* text](/u)')).toEqual([{ a: '/u', c: [{ em: ['em'] }, ' text'] }]);
  });

  it('leaves brackets without a destination literal and never nests links', () => {
    expect(p('[just brackets] [x] (y)')).toEqual(['[just brackets] [x] (y)']);
    expect(p('[a [b](/in) c](/out)')).toEqual(['[a ', { a: '/in', c: ['b'] }, ' c](/out)']);
    expect(p('[unclosed](/x')).toEqual(['[unclosed](/x']);
  });

  it('decodes entities and backslash escapes in link destinations', () => {
    expect(p('[x](&#106;avascript:alert(1)) [y](/a\\)b)')).toEqual([{ a: 'javascript:alert(1)', c: ['x'] }, ' ', { a: '/a)b', c: ['y'] }]);
  });

  it('parses images with alt text from their content', () => {
    expect(p('![an *alt*](https://i.org/a.png "t")')).toEqual([{ img: 'https://i.org/a.png', alt: 'an alt', title: 't' }]);
  });

  it('parses angle autolinks and bare URLs, trimming trailing punctuation', () => {
    expect(p('<https://a.org/x> <me@mail.org> see https://b.org/p?q=1. (www.c.org) https://d.org/a_(b)) x')).toEqual([
      { a: 'https://a.org/x', c: ['https://a.org/x'] }, ' ', { a: 'mailto:me@mail.org', c: ['me@mail.org'] }, ' see ',
      { a: 'https://b.org/p?q=1', c: ['https://b.org/p?q=1'] }, '. (', { a: 'http://www.c.org', c: ['www.c.org'] }, ') ',
      { a: 'https://d.org/a_(b)', c: ['https://d.org/a_(b)'] }, ') x',
    ]);
    expect(p('nothttps://a.org [https://in.link](/l)')).toEqual(['nothttps://a.org ', { a: '/l', c: ['https://in.link'] }]);
  });

  it('keeps raw HTML as literal text', () => {
    expect(p('<script>alert(1)</script> <img src=x onerror=alert(1)>')).toEqual(['<script>alert(1)</script> <img src=x onerror=alert(1)>']);
  });

  it('decodes entities and escapes to text', () => {
    expect(p('&amp; &lt;b&gt; &#39; &#x27; &copy; &nosuch; &#0; \\* \\a')).toEqual([
      '&', ' ', '<', 'b', '>', ' ', "'", ' ', "'", ' ', '©', ' &nosuch; ', '\ufffd', ' ', '*', ' \\a',
    ]);
  });

  it('makes hard breaks from two trailing spaces or a backslash, soft breaks otherwise', () => {
    expect(p('a  \nb\\\nc\nd')).toEqual(['a', 'BR', 'b', 'BR', 'c\nd']);
    expect(p('a \n   b')).toEqual(['a', '\n', 'b']);
  });

  it('records the source offset of every text node', () => {
    const nodes = parseInline({ src: 'ab **cd** &amp; `e`', at: 100 });
    expect(nodes).toEqual([
      { type: 'text', v: 'ab ', at: 100 },
      { type: 'strong', children: [{ type: 'text', v: 'cd', at: 105 }] },
      { type: 'text', v: ' ', at: 109 },
      { type: 'text', v: '&', at: 110, n: 5 },
      { type: 'text', v: ' ', at: 115 },
      { type: 'code', v: 'e', at: 116 },
    ]);
  });

  it('leaves thousands of unmatched delimiters as the literal text', () => {
    const src = 'a* _b '.repeat(20000);
    expect(flattenText(parseInline({ src, at: 0 }))).toBe(src);
  });
});
