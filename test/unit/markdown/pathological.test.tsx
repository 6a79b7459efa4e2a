// @vitest-environment happy-dom
/**
 * Every pathological family renders without throwing and with bounded nesting (time vs size is measured by
 * `npm run bench -- --only markdown`, never here). Plus the error boundary: whatever throws, the message shows.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { FAMILIES } from '../../../bench/lib/markdown-families.mjs';
import { MAX_DEPTH } from '../../../src/markdown/block-parser.ts';
import { Markdown, renderMarkdown } from '../../../src/markdown/markdown.tsx';
import { createUrlPolicy, type UrlPolicy } from '../../../src/markdown/url-policy.ts';

const policy = createUrlPolicy();

function mount(vnode: Parameters<typeof render>[0]): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  act(() => render(vnode, host));
  return host;
}

function depth(el: Element): number {
  let max = 0;
  const stack: Array<[Element, number]> = [[el, 0]];
  while (stack.length) {
    const [e, d] = stack.pop()!;
    max = Math.max(max, d);
    for (const c of e.children) stack.push([c, d + 1]);
  }
  return max;
}

describe('pathological Markdown', () => {
  for (const [name, make] of Object.entries(FAMILIES) as Array<[string, (n: number) => string]>) {
    it(`renders ${name} (20,000 characters) without throwing and at most 64 elements deep`, () => {
      const host = mount(renderMarkdown(make(20_000), { policy }));
      expect(host.querySelector('.ck-md-plain'), 'the error boundary caught something').toBeNull();
      expect(depth(host)).toBeLessThanOrEqual(64);
      act(() => render(null, host));
      host.remove();
    }, 30_000);
  }

  it('keeps nesting beyond the cap as text instead of deeper blocks', () => {
    const host = mount(renderMarkdown('> '.repeat(40) + 'deep', { policy }));
    expect(host.querySelectorAll('blockquote')).toHaveLength(MAX_DEPTH);
    expect(host.textContent).toBe('> '.repeat(40 - MAX_DEPTH) + 'deep');
    act(() => render(null, host));
  });

  it('drops emphasis nested beyond 16 levels but keeps its text', () => {
    const md = '*a **a '.repeat(20) + 'b' + ' a** a*'.repeat(20);
    const host = mount(renderMarkdown(md, { policy }));
    expect(host.querySelectorAll('em, strong').length).toBe(16);
    expect(host.textContent).toBe('a a '.repeat(20) + 'b' + ' a a'.repeat(20));
    act(() => render(null, host));
  });
});

describe('the error boundary around a message', () => {
  const throwing: UrlPolicy = {
    link: () => {
      throw new Error('boom');
    },
    image: policy.image,
  };

  it('shows the source as text when rendering throws, and renders again when the text changes', () => {
    const host = mount(<Markdown text="see [a](https://x.example)" policy={throwing} />);
    expect(host.innerHTML).toBe('<div class="ck-md"><p class="ck-md-plain">see [a](https://x.example)</p></div>');
    act(() => render(<Markdown text="now **fine**" policy={throwing} />, host));
    expect(host.innerHTML).toBe('<div class="ck-md"><p><strong>fine</strong></p></div>'.replace('<p>', '<p>now '));
    act(() => render(null, host));
  });

  it('guards static markdown too', () => {
    const host = mount(renderMarkdown('[b](https://y.example)', { policy: throwing }));
    expect(host.textContent).toBe('[b](https://y.example)');
    expect(host.querySelector('.ck-md-plain')).not.toBeNull();
    act(() => render(null, host));
  });
});
