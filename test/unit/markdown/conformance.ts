/**
 * How conformance is measured: our rendered DOM is mapped to the plain HTML a CommonMark renderer prints (the
 * wrappers and attributes we add for the UI removed), then both sides go through one normaliser: parsed as HTML,
 * attributes sorted, URLs resolved against one base (our URL policy resolves relative links, so the expected
 * HTML's are resolved the same way), whitespace collapsed outside <pre> and dropped around block tags.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { renderMarkdown } from '../../../src/markdown/markdown.tsx';
import { createUrlPolicy, type UrlPolicy } from '../../../src/markdown/url-policy.ts';

export const BASE = 'https://host.example/dir/';
const shipped = createUrlPolicy({ baseUrl: BASE });
/**
 * Every URL as written, resolved against BASE: measures the parser and renderer alone. The shipped policy turns
 * links to other schemes (`<irc://…>`, `<made-up-scheme://…>`) into text by design; `runCases` can use either.
 */
export const permissive: UrlPolicy = {
  link: (raw) => ({ kind: 'url', href: new URL(raw, BASE).href }),
  image: (raw) => ({ src: new URL(raw, BASE).href, host: '', blocked: false }),
};
export { shipped };
const BLOCK = 'address|article|aside|blockquote|body|dd|details|div|dl|dt|fieldset|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|summary|table|tbody|td|tfoot|th|thead|tr|ul';

/** Our rendering of `md` as plain HTML (before normalising). */
export function renderOurs(md: string, policy: UrlPolicy = shipped, gfm = true): string {
  const host = document.createElement('div');
  act(() => render(renderMarkdown(md, { policy, autolinkLiterals: gfm }), host));
  const root = host.firstElementChild!;
  for (const el of [...root.querySelectorAll('.ck-md-code-head')]) el.remove();
  for (const el of [...root.querySelectorAll('.ck-md-code, .ck-md-table, .ck-md-run')]) el.replaceWith(...el.childNodes);
  for (const el of [...root.querySelectorAll('code[data-lang]')]) {
    el.setAttribute('class', 'language-' + el.getAttribute('data-lang'));
    el.removeAttribute('data-lang');
  }
  for (const el of [...root.querySelectorAll('th, td')]) {
    const a = /ck-md-(left|right|center)/.exec(el.getAttribute('class') ?? '');
    el.removeAttribute('class');
    el.removeAttribute('scope');
    if (a) el.setAttribute('align', a[1]!);
  }
  // Accessibility decorations: "#" renders as h3 under the panel's h1 and the message's h2 (its class names the
  // Markdown level), and a code block is a named, focusable region.
  for (const el of [...root.querySelectorAll('h3, h4, h5, h6')]) {
    const level = /ck-md-h(\d)/.exec(el.getAttribute('class') ?? '')?.[1];
    if (!level) continue;
    const heading = document.createElement(`h${level}`);
    heading.append(...el.childNodes);
    el.replaceWith(heading);
  }
  for (const el of [...root.querySelectorAll('pre')]) for (const a of ['tabindex', 'role', 'aria-label']) el.removeAttribute(a);
  for (const el of [...root.querySelectorAll('a')]) for (const a of ['class', 'target', 'rel']) el.removeAttribute(a);
  for (const el of [...root.querySelectorAll('img')]) for (const a of ['class', 'loading', 'referrerpolicy']) el.removeAttribute(a);
  for (const el of [...root.querySelectorAll('.ck-md-icode, .ck-md-task')]) el.removeAttribute('class');
  for (const el of [...root.querySelectorAll('input')]) {
    el.removeAttribute('aria-label');
    // Preact sets `checked` as a property; the reference HTML has the attribute.
    if ((el as HTMLInputElement).checked) el.setAttribute('checked', '');
  }
  const html = root.innerHTML;
  act(() => render(null, host));
  return html;
}

function canon(n: Node, pre: boolean): string {
  if (n.nodeType === 3) return esc(pre ? n.textContent! : n.textContent!.replace(/\s+/g, ' '));
  if (n.nodeType !== 1) return '';
  const el = n as Element;
  const tag = el.tagName.toLowerCase();
  const attrs = [...el.attributes]
    .map((a) => {
      let v = a.value;
      if (a.name === 'href' || a.name === 'src') {
        try {
          v = new URL(v, BASE).href;
        } catch {
          /* kept as is */
        }
      }
      return ` ${a.name}="${esc(v)}"`;
    })
    .sort()
    .join('');
  const inner = [...el.childNodes].map((c) => canon(c, pre || tag === 'pre')).join('');
  return /^(br|hr|img|input)$/.test(tag) ? `<${tag}${attrs}>` : `<${tag}${attrs}>${inner}</${tag}>`;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The one normaliser, for our HTML and the expected HTML alike. */
export function normalize(html: string): string {
  const t = document.createElement('template');
  t.innerHTML = html;
  const s = [...t.content.childNodes].map((c) => canon(c, false)).join('');
  return s
    .replace(new RegExp(`\\s*(</?(?:${BLOCK})(?: [^>]*)?>)\\s*`, 'g'), '$1')
    .replace(/(<br>|<input [^>]*>)\s+/g, '$1')
    .trim();
}

/** Result of one example. */
export interface CaseResult {
  section: string;
  pass: boolean;
  got: string;
  want: string;
}

/** Renders each case and compares it with its expected HTML. */
export function runCases(cases: ReadonlyArray<{ markdown: string; html: string; section: string }>, policy = shipped, gfm = true): CaseResult[] {
  return cases.map((c) => {
    let got: string;
    try {
      got = normalize(renderOurs(c.markdown, policy, gfm));
    } catch (e) {
      got = 'THREW ' + String(e);
    }
    const want = normalize(c.html);
    return { section: c.section, pass: got === want, got, want };
  });
}

/** A per-section table (passed / total, percent) and the overall figure. */
export function report(title: string, results: readonly CaseResult[]): { passed: number; total: number; text: string } {
  const by = new Map<string, [number, number]>();
  for (const r of results) {
    const e = by.get(r.section) ?? [0, 0];
    e[0] += +r.pass;
    e[1]++;
    by.set(r.section, e);
  }
  const passed = results.filter((r) => r.pass).length;
  const pct = (a: number, b: number) => ((100 * a) / b).toFixed(1).padStart(5) + ' %';
  const lines = [...by].map(([s, [a, b]]) => `  ${s.padEnd(40)} ${String(a).padStart(4)} / ${String(b).padEnd(4)} ${pct(a, b)}`);
  const text = [`${title}: ${passed} / ${results.length} (${pct(passed, results.length).trim()})`, ...lines].join('\n');
  return { passed, total: results.length, text };
}
