/**
 * TeX math as MathML. Temml is loaded on the first formula (a lazy chunk), and its MathML tree is turned into
 * DOM nodes here, through createElementNS and CSSOM only (no markup strings, no style attributes), so strict
 * CSP holds. Until it loads, and if the TeX does not parse, the source shows as code. The source is the
 * formula's accessible name and what copying the formula puts on the clipboard.
 */
import { h } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

/** Props of MathView: the TeX, the source as written (delimiters included), and display or inline. */
export interface MathViewProps {
  tex: string;
  raw: string;
  display: boolean;
}

type Temml = typeof import('temml').default;
interface TreeNode {
  type?: string;
  text?: string;
  attributes?: Record<string, string>;
  classes?: string[];
  style?: Record<string, string>;
  children?: TreeNode[];
}

const MATHML = 'http://www.w3.org/1998/Math/MathML';
let temml: Temml | null = null;
let loading: Promise<Temml> | null = null;

/** Loads the converter once; a failed load is not cached, so the next formula tries again. */
export function loadMath(): Promise<Temml> {
  return (loading ??= import('temml').then(
    (m) => (temml = m.default),
    (e: unknown) => {
      loading = null;
      throw e;
    },
  ));
}

function toDom(n: TreeNode): Node {
  if (typeof n.text === 'string' && !n.type) return document.createTextNode(n.text);
  if (!n.type || !/^m[a-z]+$|^semantics$|^annotation$|^math$/.test(n.type)) {
    // Fragments, and the HTML nodes (spans, links, images) Temml makes only for trusted input: children only.
    const f = document.createDocumentFragment();
    for (const c of n.children ?? []) f.append(toDom(c));
    return f;
  }
  const el = document.createElementNS(MATHML, n.type);
  // CSSOM, never a style attribute (strict CSP). Where MathML elements have no CSSOM (old engines), no styles.
  const style = (el as Partial<MathMLElement>).style;
  for (const [k, v] of Object.entries(n.attributes ?? {})) {
    if (k === 'style') {
      for (const decl of v.split(';')) {
        const [p, val] = decl.split(':');
        if (p && val) style?.setProperty(p.trim(), val.trim());
      }
    } else if (!/^on|^href$|^src$/i.test(k)) el.setAttribute(k, v);
  }
  if (n.classes?.length) el.setAttribute('class', n.classes.join(' '));
  if (style) for (const [k, v] of Object.entries(n.style ?? {})) (style as unknown as Record<string, string>)[k] = v;
  for (const c of n.children ?? []) el.append(toDom(c));
  return el;
}

/** Builds the MathML element for `tex`, or null when the TeX does not parse. */
export function buildMath(t: Temml, tex: string, raw: string, display: boolean): Element | null {
  try {
    const tree = t.__renderToMathMLTree(tex, { displayMode: display, annotate: true, throwOnError: true, trust: false }) as TreeNode;
    const node = toDom(tree);
    const math = node instanceof Element ? node : (node as DocumentFragment).firstElementChild;
    math?.setAttribute('alttext', raw);
    return math;
  } catch {
    return null;
  }
}

/** A formula: MathML once Temml is loaded, the TeX source as code before that or when it does not parse. */
export function MathView({ tex, raw, display }: MathViewProps) {
  const ref = useRef<HTMLElement>(null);
  const [ready, setReady] = useState(!!temml);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!temml) loadMath().then(() => setReady(true), () => {});
  }, []);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!ready || !temml || !el) return;
    const math = buildMath(temml, tex, raw, display);
    el.replaceChildren(...(math ? [math] : []));
    setFailed(!math);
  }, [ready, tex, display]);
  const onCopy = (ev: ClipboardEvent) => {
    const sel = document.getSelection();
    if (!ev.clipboardData || !sel || !ref.current || !ref.current.contains(sel.anchorNode) || !ref.current.contains(sel.focusNode)) return;
    ev.clipboardData.setData('text/plain', raw);
    ev.preventDefault();
  };
  const cls = 'ck-md-math' + (display ? ' ck-md-math-block' : '');
  if (!ready || failed) return h(display ? 'pre' : 'code', { class: cls + ' ck-md-math-src' }, raw);
  return h(display ? 'div' : 'span', { class: cls, ref, onCopy });
}
