// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Markdown, renderMarkdown } from '../../../src/markdown/markdown.tsx';
import type { MarkdownMarker } from '../../../src/markdown/render.tsx';
import { createUrlPolicy, type UrlPolicy } from '../../../src/markdown/url-policy.ts';

const policy = createUrlPolicy();
let container: HTMLElement;

function mount(vnode: Parameters<typeof render>[0]): HTMLElement {
  container = document.createElement('div');
  document.body.append(container);
  act(() => render(vnode, container));
  return container.firstElementChild as HTMLElement;
}
const html = (md: string, p: UrlPolicy = policy) => mount(renderMarkdown(md, { policy: p })).innerHTML;

afterEach(() => {
  act(() => render(null, container));
  container.remove();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('renderMarkdown', () => {
  it('renders paragraphs, soft breaks and hard breaks', () => {
    expect(html('one\ntwo  \nthree\\\nfour\n\nnext')).toBe('<p>one\ntwo<br>three<br>four</p><p>next</p>');
  });

  it('renders ATX and setext headings two levels down (under the panel h1 and the message h2), sized by class', () => {
    expect(html('# a\n## b\n### c\n#### d\n##### e\n###### f\nG\n=\nH\n-')).toBe(
      '<h3 class="ck-md-h1">a</h3><h4 class="ck-md-h2">b</h4><h5 class="ck-md-h3">c</h5><h6 class="ck-md-h4">d</h6><h6 class="ck-md-h5">e</h6><h6 class="ck-md-h6">f</h6><h3 class="ck-md-h1">G</h3><h4 class="ck-md-h2">H</h4>',
    );
  });

  it('renders emphasis, strong, strikethrough and inline code', () => {
    expect(html('*a* __b__ ~~c~~ `<d>`')).toBe('<p><em>a</em> <strong>b</strong> <del>c</del> <code class="ck-md-icode">&lt;d&gt;</code></p>');
  });

  it('renders blockquotes, nested', () => {
    expect(html('> a\n> > b')).toBe('<blockquote><p>a</p><blockquote><p>b</p></blockquote></blockquote>');
  });

  it('renders tight lists without paragraphs and loose lists with them', () => {
    expect(html('- a\n- b\n  1. c')).toBe('<ul><li>a</li><li>b<ol><li>c</li></ol></li></ul>');
    expect(html('3. a\n\n4. b')).toBe('<ol start="3"><li><p>a</p></li><li><p>b</p></li></ol>');
  });

  it('renders task items as disabled, labelled checkboxes', () => {
    const root = mount(renderMarkdown('- [ ] todo\n- [x] done', { policy }));
    const boxes = [...root.querySelectorAll('input')];
    expect(boxes.map((b) => [b.type, b.disabled, b.checked, b.getAttribute('aria-label')])).toEqual([
      ['checkbox', true, false, 'todo'],
      ['checkbox', true, true, 'done'],
    ]);
    expect(root.querySelectorAll('li.ck-md-task').length).toBe(2);
  });

  it('renders a thematic break', () => {
    expect(html('a\n\n---\n\nb')).toBe('<p>a</p><hr><p>b</p>');
  });

  it('renders tables in a focusable, labelled scroll region with alignment classes', () => {
    expect(html('| a | b | c |\n|:-|:-:|-:|\n| 1 | *2* |')).toBe(
      '<div class="ck-md-table" tabindex="0" role="region" aria-label="Table"><table>' +
        '<thead><tr><th class="ck-md-left" scope="col">a</th><th class="ck-md-center" scope="col">b</th><th class="ck-md-right" scope="col">c</th></tr></thead>' +
        '<tbody><tr><td class="ck-md-left">1</td><td class="ck-md-center"><em>2</em></td><td class="ck-md-right"></td></tr></tbody>' +
        '</table></div>',
    );
  });

  it('renders fenced code with a language label, data-lang, a copy button, and a focusable named region', () => {
    expect(html('```py\nprint(1 < 2)\n```')).toBe(
      '<div class="ck-md-code"><div class="ck-md-code-head"><span class="ck-md-lang">py</span>' +
        '<button type="button" class="ck-md-copy">Copy code</button></div>' +
        '<pre tabindex="0" role="region" aria-label="Code: py"><code data-lang="py">print(1 &lt; 2)\n</code></pre></div>',
    );
  });

  it('renders links in a new tab without opener or referrer, keeping the title', () => {
    expect(html('[a](https://x.org/p "T") <https://y.org> https://z.org.')).toBe(
      '<p><a class="ck-md-link" href="https://x.org/p" title="T" target="_blank" rel="noopener noreferrer">a</a> ' +
        '<a class="ck-md-link" href="https://y.org/" target="_blank" rel="noopener noreferrer">https://y.org</a> ' +
        '<a class="ck-md-link" href="https://z.org/" target="_blank" rel="noopener noreferrer">https://z.org</a>.</p>',
    );
  });

  it('renders images lazily, without referrer, with alt text', () => {
    expect(html('![a cat](https://img.example/cat.png "Cat")')).toBe(
      '<p><img class="ck-md-img" loading="lazy" referrerpolicy="no-referrer" alt="a cat" title="Cat" src="https://img.example/cat.png"></p>',
    );
  });

  it('decodes entities and escapes to text', () => {
    const root = mount(renderMarkdown('&amp; &lt;b&gt; &#39; \\*x\\*', { policy }));
    expect(root.textContent).toBe("& <b> ' *x*");
    expect(root.querySelector('b')).toBeNull();
  });

  it('shows raw HTML as literal text', () => {
    const root = mount(renderMarkdown('<b>bold</b> <script>alert(1)</script>', { policy }));
    expect(root.innerHTML).toBe('<p>&lt;b&gt;bold&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });

  it('uses translated strings', () => {
    const strings = { copyCode: 'Code kopieren', copied: 'Kopiert', loadImage: (h: string) => `Bild von ${h} laden`, table: 'Tabelle' };
    const root = mount(
      renderMarkdown('```\nx\n```\n\n| a |\n|---|\n\n![i](https://b.example/i.png)', {
        policy: createUrlPolicy({ allowedImageDomains: [] }),
        strings,
      }),
    );
    expect([...root.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Code kopieren', 'Bild von b.example laden']);
    expect(root.querySelector('.ck-md-table')?.getAttribute('aria-label')).toBe('Tabelle');
  });
});

describe('strings', () => {
  it('fall back to the English table label when a translation omits it', () => {
    const strings = { copyCode: 'c', copied: 'd', loadImage: (h: string) => h };
    const root = mount(renderMarkdown('| a |\n|---|', { policy, strings }));
    expect(root.querySelector('.ck-md-table')?.getAttribute('aria-label')).toBe('Table');
  });
});

describe('hostile input', () => {
  const attacks = [
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x](&#106;avascript:alert(1))',
    '[x]( javascript:alert(1))',
    '[x](java\tscript:alert(1))',
    '[x](<javascript:alert(1)>)',
    '<javascript:alert(1)>',
    '<img src=x onerror=alert(1)>',
    '<script>alert(1)</script>',
    '<iframe src="https://evil.example"></iframe>',
    '![x](javascript:alert(1))',
    '![x](data:image/svg+xml,<svg onload=alert(1)>)',
    '[x](data:text/html,<script>alert(1)</script>)',
    '[x](vbscript:msgbox(1))',
    '<a href="javascript:alert(1)">x</a>',
    '```"><img src=x onerror=alert(1)>\ncode\n```',
    '| <img src=x onerror=alert(1)> |\n|---|\n| [x](javascript:alert(1)) |',
  ];

  for (const attack of attacks) {
    it(`renders ${JSON.stringify(attack)} inert`, () => {
      const root = mount(renderMarkdown(attack, { policy }));
      const all = [root, ...root.querySelectorAll('*')];
      expect(all.flatMap((el) => [...el.attributes].map((a) => a.name)).filter((n) => n.startsWith('on'))).toEqual([]);
      expect(root.querySelectorAll('script, iframe, object, embed, img, svg').length).toBe(0);
      expect(all.filter((el) => /javascript|vbscript|data:/i.test(el.getAttribute('href') ?? '')).length).toBe(0);
      expect(root.querySelectorAll('a').length).toBe(0);
    });
  }

  it('keeps random mixtures of hostile fragments inert', () => {
    const parts = ['[x](', 'javascript:alert(1)', ')', '<img src=x onerror=alert(1)>', '&#106;', '![', '](', 'data:text/html,x',
      '<', '>', '"', "'", ' onload=x ', '\n', '- ', '> ', '```', '| a |\n|---|\n', 'https://ok.example/', '*', '`', '\\'];
    let seed = 42;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let round = 0; round < 60; round++) {
      const md = Array.from({ length: 40 }, () => parts[Math.floor(next() * parts.length)]).join('');
      const root = mount(renderMarkdown(md, { policy }));
      const all = [root, ...root.querySelectorAll('*')];
      expect(all.flatMap((el) => [...el.attributes].map((a) => a.name)).filter((n) => n.startsWith('on')), md).toEqual([]);
      expect(root.querySelectorAll('script, iframe, object, embed, img, svg').length, md).toBe(0);
      const hrefs = all.map((el) => el.getAttribute('href')).filter((h) => h !== null);
      // Relative links are allowed; what must never appear is a scheme other than these once the browser resolves it.
      expect(hrefs.filter((h) => !['http:', 'https:', 'mailto:', 'tel:'].includes(new URL(h, 'https://base.example/').protocol)), md).toEqual([]);
      act(() => render(null, container));
      container.remove();
    }
  });

  it('shows the text of a rejected link and the alt of a rejected image', () => {
    expect(html('[click me](javascript:alert(1)) ![alt text](javascript:x)')).toBe('<p>click me alt text</p>');
  });
});

describe('images outside allowedImageDomains', () => {
  it('shows a load button instead of fetching, and loads the image on click', () => {
    const p = createUrlPolicy({ allowedImageDomains: ['ok.example'] });
    const root = mount(renderMarkdown('![ok](https://cdn.ok.example/a.png) ![far](https://far.example/b.png)', { policy: p }));
    expect([...root.querySelectorAll('img')].map((i) => i.getAttribute('src'))).toEqual(['https://cdn.ok.example/a.png']);
    const button = root.querySelector('button.ck-md-load-image') as HTMLButtonElement;
    expect(button.type).toBe('button');
    expect(button.textContent).toBe('Load image from far.example');
    act(() => button.click());
    expect([...root.querySelectorAll('img')].map((i) => [i.getAttribute('src'), i.alt])).toEqual([
      ['https://cdn.ok.example/a.png', 'ok'],
      ['https://far.example/b.png', 'far'],
    ]);
    expect(root.querySelector('button')).toBeNull();
  });
});

describe('deep links', () => {
  it('render as buttons that call onDeeplink with the name and query data', () => {
    const onDeeplink = vi.fn();
    const root = mount(<Markdown text="Open [the order](chatkit-link://order?id=7&tab=items)" policy={policy} onDeeplink={onDeeplink} />);
    expect(root.querySelector('a')).toBeNull();
    const button = root.querySelector('button.ck-md-deeplink') as HTMLButtonElement;
    expect(button.type).toBe('button');
    expect(button.textContent).toBe('the order');
    act(() => button.click());
    expect(onDeeplink.mock.calls).toEqual([['order', { id: '7', tab: 'items' }]]);
  });

  it('call the latest onDeeplink even when the block was rendered with an earlier one', () => {
    const first = vi.fn();
    const second = vi.fn();
    const text = '[go](chatkit-link://next)\n\nmore';
    mount(<Markdown text={text} policy={policy} onDeeplink={first} />);
    act(() => render(<Markdown text={text} policy={policy} onDeeplink={second} />, container));
    act(() => (container.querySelector('button') as HTMLButtonElement).click());
    expect(first).not.toHaveBeenCalled();
    expect(second.mock.calls).toEqual([['next', {}]]);
  });
});

describe('copy code button', () => {
  it('writes the exact code text to the clipboard and shows "Copied" for 2 seconds', async () => {
    vi.useFakeTimers();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    const code = Array.from({ length: 70 }, (_, i) => `line ${i} <&>`).join('\n');
    const root = mount(renderMarkdown('```\n' + code + '\n```', { policy }));
    const button = root.querySelector('button') as HTMLButtonElement;
    await act(async () => button.click());
    expect(writeText.mock.calls).toEqual([[code]]);
    expect(button.textContent).toBe('Copied');
    act(() => void vi.advanceTimersByTime(1999));
    expect(button.textContent).toBe('Copied');
    act(() => void vi.advanceTimersByTime(1));
    expect(button.textContent).toBe('Copy code');
  });

  it('clears its timer when unmounted', async () => {
    vi.useFakeTimers();
    vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    mount(renderMarkdown('```\nx\n```', { policy }));
    await act(async () => (container.querySelector('button') as HTMLButtonElement).click());
    expect(vi.getTimerCount()).toBe(1);
    act(() => render(null, container));
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stays on "Copy code" when the clipboard refuses', async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    mount(renderMarkdown('```\nx\n```', { policy }));
    const button = container.querySelector('button') as HTMLButtonElement;
    await act(async () => button.click());
    expect(button.textContent).toBe('Copy code');
  });
});

describe('citation markers', () => {
  const marker = (index: number, key: string): MarkdownMarker => ({ index, key, render: () => <sup>{key}</sup> });
  const withMarkers = (text: string, markers: MarkdownMarker[]) => mount(renderMarkdown(text, { policy, markers })).innerHTML;

  it('places a marker right after the text that ends at its index', () => {
    expect(withMarkers('Hello!', [marker(6, '1')])).toBe('<p>Hello!<span class="ck-md-cite"><sup>1</sup></span></p>');
    expect(withMarkers('Hello world', [marker(5, '1')])).toBe('<p>Hello<span class="ck-md-cite"><sup>1</sup></span> world</p>');
  });

  it('groups markers at the same index in the given order', () => {
    expect(withMarkers('ab cd', [marker(2, 'x'), marker(5, 'z'), marker(2, 'y')])).toBe(
      '<p>ab<span class="ck-md-cite"><sup>x</sup><sup>y</sup></span> cd<span class="ck-md-cite"><sup>z</sup></span></p>',
    );
  });

  it('keeps a marker at a block boundary with the text before it', () => {
    expect(withMarkers('First.\n\nSecond.', [marker(6, 'a'), marker(8, 'b'), marker(15, 'c')])).toBe(
      '<p>First.<span class="ck-md-cite"><sup>a</sup><sup>b</sup></span></p><p>Second.<span class="ck-md-cite"><sup>c</sup></span></p>',
    );
  });

  it('counts offsets in the raw markdown, skipping syntax', () => {
    // "**bold** tail": the text "bold" occupies offsets 2-5.
    expect(withMarkers('**bold** tail', [marker(4, 'm'), marker(8, 'n')])).toBe(
      '<p><strong>bo<span class="ck-md-cite"><sup>m</sup></span>ld</strong><span class="ck-md-cite"><sup>n</sup></span> tail</p>',
    );
  });

  it('moves a marker inside syntax to the next text, and past the end to the end of the last block', () => {
    expect(withMarkers('# Title\n\nBody', [marker(1, 'h'), marker(99, 'end')])).toBe(
      '<h3 class="ck-md-h1"><span class="ck-md-cite"><sup>h</sup></span>Title</h3><p>Body<span class="ck-md-cite"><sup>end</sup></span></p>',
    );
  });

  it('places markers inside list items', () => {
    expect(withMarkers('- one\n- two', [marker(5, 'a'), marker(11, 'b')])).toBe(
      '<ul><li>one<span class="ck-md-cite"><sup>a</sup></span></li><li>two<span class="ck-md-cite"><sup>b</sup></span></li></ul>',
    );
  });

  it('never puts a marker inside a link', () => {
    expect(withMarkers('see [the docs](https://d.example) now', [marker(8, 'a')])).toBe(
      '<p>see <a class="ck-md-link" href="https://d.example/" target="_blank" rel="noopener noreferrer">the docs</a>' +
        '<span class="ck-md-cite"><sup>a</sup></span> now</p>',
    );
  });

  it('renders markers of an empty message on their own', () => {
    expect(withMarkers('', [marker(0, 'a')])).toBe('<sup>a</sup>');
  });
});

describe('Markdown while streaming', () => {
  it('renders each prefix the same as a static render of it', () => {
    const doc = '# T\n\nSome *text* here.\n\n- a\n- b\n\n```js\nx\ny\n```\n\n| a |\n|---|\n| 1 |\n\nEnd.';
    mount(<Markdown text="" policy={policy} streaming />);
    for (let n = 1; n <= doc.length; n += 3) {
      act(() => render(<Markdown text={doc.slice(0, n)} policy={policy} streaming />, container));
      const expected = document.createElement('div');
      render(renderMarkdown(doc.slice(0, n), { policy }), expected);
      expect(container.firstElementChild!.innerHTML).toBe(expected.firstElementChild!.innerHTML);
    }
    expect(container.firstElementChild!.className).toBe('ck-md ck-md-streaming');
  });

  it('does not re-render frozen blocks as more text arrives', () => {
    const link = vi.fn(policy.link);
    const counting: UrlPolicy = { link, image: policy.image };
    const renders = vi.fn(() => <sup>1</sup>);
    const markers = [{ index: 2, key: 'k', render: renders }];
    let text = 'Hi [a](https://a.example)\n\n';
    mount(<Markdown text={text} policy={counting} markers={markers} streaming />);
    for (let i = 0; i < 20; i++) {
      text += `word${i} `;
      act(() => render(<Markdown text={text} policy={counting} markers={[...markers]} streaming />, container));
    }
    expect(link).toHaveBeenCalledTimes(1);
    expect(renders).toHaveBeenCalledTimes(1);
    expect(container.querySelector('p')!.innerHTML).toBe(
      'Hi<span class="ck-md-cite"><sup>1</sup></span> <a class="ck-md-link" href="https://a.example/" target="_blank" rel="noopener noreferrer">a</a>',
    );
  });

  it('renders a long answer (many groups of frozen blocks) like a static render, each link once', () => {
    const link = vi.fn(policy.link);
    const counting: UrlPolicy = { link, image: policy.image };
    let text = '';
    mount(<Markdown text={text} policy={counting} streaming />);
    for (let i = 0; i < 80; i++) {
      text += `Para [${i}](https://a.example/${i}) `;
      act(() => render(<Markdown text={text} policy={counting} streaming />, container));
      text += 'end.\n\n';
      act(() => render(<Markdown text={text} policy={counting} streaming />, container));
    }
    act(() => render(<Markdown text={text} policy={counting} />, container));
    const expected = document.createElement('div');
    render(renderMarkdown(text, { policy }), expected);
    expect(container.firstElementChild!.innerHTML).toBe(expected.firstElementChild!.innerHTML);
    expect(container.querySelectorAll('p')).toHaveLength(80);
    // A paragraph is rendered while open and when it freezes (at most three times), never in the 150 renders after.
    expect(link.mock.calls.length).toBeLessThanOrEqual(80 * 3);
    expect(link.mock.calls.filter(([href]) => href === 'https://a.example/0').length).toBeLessThanOrEqual(3);
  });

  it('starts over when the text is replaced instead of extended', () => {
    mount(<Markdown text={'# Old\n\nold text\n\n- a'} policy={policy} />);
    act(() => render(<Markdown text={'New *text*'} policy={policy} />, container));
    expect(container.firstElementChild!.innerHTML).toBe('<p>New <em>text</em></p>');
  });

  it('re-renders a frozen block when its markers change', () => {
    const text = 'First para.\n\nSecond';
    mount(<Markdown text={text} policy={policy} markers={[]} />);
    act(() => render(<Markdown text={text} policy={policy} markers={[{ index: 11, key: 'n', render: () => '[1]' }]} />, container));
    expect(container.querySelector('p')!.textContent).toBe('First para.[1]');
  });
});
