/**
 * Syntax highlighting for fenced code, in a lazily loaded chunk: highlight.js grammars through lowlight, which
 * returns a token tree (hast) instead of an HTML string, so tokens become text nodes in classed spans.
 */
import { createLowlight } from 'lowlight';
import bash from 'highlight.js/lib/languages/bash';
import c from 'highlight.js/lib/languages/c';
import cpp from 'highlight.js/lib/languages/cpp';
import css from 'highlight.js/lib/languages/css';
import diff from 'highlight.js/lib/languages/diff';
import go from 'highlight.js/lib/languages/go';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import python from 'highlight.js/lib/languages/python';
import rust from 'highlight.js/lib/languages/rust';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';
import type { Token } from './highlight-names.ts';

const low = createLowlight({ bash, c, cpp, css, diff, go, java, javascript, json, python, rust, sql, typescript, xml, yaml });

interface Hast { type: string; value?: string; properties?: { className?: string[] }; children?: Hast[] }

function flatten(nodes: Hast[], cls: string, out: Token[]): void {
  for (const n of nodes) {
    if (n.type === 'text') out.push([cls, n.value ?? '']);
    else if (n.children) {
      const name = n.properties?.className?.[0]?.replace(/^hljs-/, '') ?? '';
      flatten(n.children, name || cls, out);
    }
  }
}

/** Tokens of `code` in `lang` (a grammar name registered above): [class name or '', text] pairs. */
export function highlightTokens(lang: string, code: string): Token[] {
  const out: Token[] = [];
  flatten(low.highlight(lang, code).children as Hast[], '', out);
  return out;
}
