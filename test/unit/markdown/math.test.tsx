// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { parseInline } from '../../../src/markdown/inline-parser.ts';
import { renderMarkdown } from '../../../src/markdown/markdown.tsx';
import { loadMath } from '../../../src/markdown/math-view.tsx';
import { createUrlPolicy } from '../../../src/markdown/url-policy.ts';

const policy = createUrlPolicy();
const kinds = (s: string) => parseInline({ src: s, at: 0 }).map((n) => (n.type === 'math' ? `${n.display ? 'D' : 'M'}:${n.v}` : n.type === 'text' ? n.v : n.type));

async function mount(md: string): Promise<HTMLElement> {
  await loadMath();
  const host = document.createElement('div');
  document.body.append(host);
  act(() => render(renderMarkdown(md, { policy }), host));
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
  return host;
}

describe('math syntax', () => {
  it('recognises $…$, $$…$$, \\(…\\) and \\[…\\]', () => {
    expect(kinds('a $x^2$ b')).toEqual(['a ', 'M:x^2', ' b']);
    expect(kinds('$$\\sum_i i$$')).toEqual(['D:\\sum_i i']);
    expect(kinds('so \\(a+b\\) and \\[c\\]')).toEqual(['so ', 'M:a+b', ' and ', 'D:c']);
  });

  it('leaves prices and stray dollars as text', () => {
    expect(kinds('$5 and $6')).toEqual(['$5 and $6']);
    expect(kinds('costs $5, or $10-$20 total')).toEqual(['costs $5, or $10-$20 total']);
    expect(kinds('a $ b $ c')).toEqual(['a $ b $ c']);
    expect(kinds('\\(\\) and \\$x\\$')).toEqual(['(', ')', ' and ', '$', 'x', '$']);
  });

  it('keeps code spans ahead of math', () => {
    expect(kinds('`$x$` $y$')).toEqual(['code', ' ', 'M:y']);
  });
});

describe('MathView', () => {
  it('renders MathML through DOM APIs, no style attribute, with the source as alttext and annotation', async () => {
    const host = await mount('Euler: $e^{i\\pi}+1=0$.');
    const math = host.querySelector('math')!;
    expect(math.namespaceURI).toBe('http://www.w3.org/1998/Math/MathML');
    expect(math.getAttribute('alttext')).toBe('$e^{i\\pi}+1=0$');
    expect(math.querySelector('annotation')!.textContent).toBe('e^{i\\pi}+1=0');
    expect(math.querySelector('msup')).not.toBeNull();
    expect(host.querySelector('[style]')).toBeNull();
    expect(host.querySelector('p')!.firstChild!.textContent).toBe('Euler: ');
    act(() => render(null, host));
  });

  it('renders a paragraph that is only $$…$$ as display math', async () => {
    const host = await mount('$$\n\\frac{a}{b}\n$$');
    expect(host.querySelector('p'), host.innerHTML).toBeNull();
    expect(host.querySelector('.ck-md-math-block math mfrac'), host.innerHTML).not.toBeNull();
    expect(host.querySelector('math')!.getAttribute('display')).toBe('block');
    act(() => render(null, host));
  });

  it('shows the source as code when the TeX does not parse', async () => {
    const host = await mount('bad $\\frac{a$ here');
    expect(host.querySelector('math')).toBeNull();
    expect(host.querySelector('code.ck-md-math-src')!.textContent).toBe('$\\frac{a$');
    act(() => render(null, host));
  });

  it('copies the TeX source when the selection is inside a formula', async () => {
    const host = await mount('$x+y$');
    const span = host.querySelector('.ck-md-math')!;
    document.getSelection()!.selectAllChildren(span);
    const data = new Map<string, string>();
    const ev = new Event('copy', { bubbles: true, cancelable: true }) as ClipboardEvent;
    Object.defineProperty(ev, 'clipboardData', { value: { setData: (t: string, v: string) => data.set(t, v) } });
    span.querySelector('mi')!.dispatchEvent(ev);
    expect(data.get('text/plain')).toBe('$x+y$');
    expect(ev.defaultPrevented).toBe(true);
    act(() => render(null, host));
  });
});
