// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { CodeBlock, loadHighlighter } from '../../../src/markdown/code-block.tsx';
import { grammarFor } from '../../../src/markdown/highlight-names.ts';
import { Markdown } from '../../../src/markdown/markdown.tsx';
import { DEFAULT_MARKDOWN_STRINGS } from '../../../src/markdown/strings.ts';
import { createUrlPolicy } from '../../../src/markdown/url-policy.ts';

const samples: Record<string, string> = {
  ts: 'const a: number = 1;', js: 'function f() { return 2; }', python: 'def f(x):\n    return None', bash: 'if [ -f x ]; then echo hi; fi',
  json: '{"a": true}', sql: 'SELECT * FROM t WHERE id = 1', html: '<div class="x">hi</div>', css: '.a { color: red; }',
  go: 'func main() { var x int }', rust: 'fn main() { let x = 5; }', java: 'public class A { }', c: 'int main(void) { return 0; }',
  cpp: 'class A { public: int x; };', yaml: 'key: value\nlist:\n  - 1', diff: '- old\n+ new',
};

async function settle() {
  await loadHighlighter();
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

describe('syntax highlighting', () => {
  it('knows the languages answers use most, by their usual fence names', () => {
    for (const lang of [...Object.keys(samples), 'typescript', 'py', 'sh', 'shell', 'yml', 'golang', 'rs', 'c++', 'tsx', 'jsx', 'xml']) {
      expect(grammarFor(lang), lang).not.toBeNull();
    }
    expect(grammarFor('brainfuck')).toBeNull();
  });

  it('tokenizes every language into classed tokens whose text is the code', async () => {
    const { highlightTokens } = await loadHighlighter();
    for (const [lang, code] of Object.entries(samples)) {
      const tokens = highlightTokens(grammarFor(lang)!, code);
      expect(tokens.map((t) => t[1]).join(''), lang).toBe(code);
      expect(tokens.some(([cls]) => cls !== ''), lang).toBe(true);
    }
  });

  it('renders spans with classes only (no style attribute), once the block is complete', async () => {
    const host = document.createElement('div');
    const parts = ['const x = "s"; // c\n'];
    act(() => render(<CodeBlock lang="ts" parts={parts} strings={DEFAULT_MARKDOWN_STRINGS} growing />, host));
    await settle();
    expect(host.querySelector('code')!.innerHTML).toBe('const x = "s"; // c\n');
    act(() => render(<CodeBlock lang="ts" parts={parts} strings={DEFAULT_MARKDOWN_STRINGS} />, host));
    await settle();
    const code = host.querySelector('code')!;
    expect(code.textContent).toBe('const x = "s"; // c\n');
    expect(code.querySelector('.ck-hl-keyword')!.textContent).toBe('const');
    expect(code.querySelector('.ck-hl-string')!.textContent).toBe('"s"');
    expect(code.querySelector('.ck-hl-comment')!.textContent).toBe('// c');
    expect(code.querySelector('[style]')).toBeNull();
    act(() => render(null, host));
  });

  it('does not highlight a streaming block on every delta, only when its fence closes', async () => {
    const m = await loadHighlighter();
    const spy = vi.spyOn(m, 'highlightTokens');
    const host = document.createElement('div');
    const policy = createUrlPolicy();
    let text = '```py\n';
    for (let i = 0; i < 30; i++) {
      text += `x${i} = ${i}\n`;
      act(() => render(<Markdown text={text} policy={policy} streaming />, host));
      await settle();
    }
    expect(spy).not.toHaveBeenCalled();
    act(() => render(<Markdown text={text + '```\n\nafter'} policy={policy} streaming />, host));
    await settle();
    act(() => render(<Markdown text={text + '```\n\nafter more'} policy={policy} streaming />, host));
    await settle();
    expect(spy).toHaveBeenCalledTimes(1);
    expect(host.querySelector('.ck-hl-number')).not.toBeNull();
    act(() => render(null, host));
  });
});

describe('highlight palettes', () => {
  const css = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../../styles/tokens.css'), 'utf8');
  const lum = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const contrast = (a: string, b: string) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x! + 0.05) / (y! + 0.05);
  };
  // The first rule block is the light scheme, the one under [data-color-scheme="dark"] the dark one.
  const dark = css.indexOf(':root[data-color-scheme="dark"]');
  const blocks = [css.slice(0, dark), css.slice(dark)];

  for (const [i, name] of ['light', 'dark'].entries()) {
    it(`gives every token colour at least 4.5:1 on the code background (${name})`, () => {
      const vars = Object.fromEntries([...blocks[i]!.matchAll(/(--ck-[\w-]+):\s*(#[\da-f]{6});/gi)].map((m) => [m[1], m[2]]));
      const hl = Object.keys(vars).filter((k) => k.startsWith('--ck-hl-'));
      expect(hl.length).toBe(9);
      for (const k of hl) expect(contrast(vars[k]!, vars['--ck-code-bg']!), k).toBeGreaterThanOrEqual(4.5);
    });
  }
});
