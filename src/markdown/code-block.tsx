import { useEffect, useRef, useState } from 'preact/hooks';
import { grammarFor, TOKEN_CLASSES, type Token } from './highlight-names.ts';
import type { MarkdownStrings } from './strings.ts';

/** Props of CodeBlock: the block's language, its text chunks (concatenated they are the code), and whether it still grows. */
export interface CodeBlockProps {
  lang: string;
  parts: readonly string[];
  strings: MarkdownStrings;
  /** A streaming block without its closing fence yet: shown plain, highlighted once, when it is complete. */
  growing?: boolean | undefined;
}

type Highlighter = typeof import('./highlight.ts');
let loading: Promise<Highlighter> | null = null;

/** Loads the highlighter chunk once; a failed load is not cached. */
export function loadHighlighter(): Promise<Highlighter> {
  return (loading ??= import('./highlight.ts').catch((e: unknown) => {
    loading = null;
    throw e;
  }));
}

/** A fenced code block with a language label, highlighting for known languages, and a copy button that confirms for 2 s. */
export function CodeBlock({ lang, parts, strings, growing }: CodeBlockProps) {
  const [copied, setCopied] = useState(false);
  const [tokens, setTokens] = useState<{ parts: readonly string[]; v: Token[] } | null>(null);
  // null once unmounted, so a clipboard promise settling late starts no timer.
  const timer = useRef<ReturnType<typeof setTimeout> | null | undefined>(undefined);
  useEffect(
    () => () => {
      clearTimeout(timer.current ?? undefined);
      timer.current = null;
    },
    [],
  );
  const grammar = grammarFor(lang);
  useEffect(() => {
    if (growing || !grammar) return;
    let live = true;
    loadHighlighter().then(
      (m) => live && setTokens({ parts, v: m.highlightTokens(grammar, parts.join('')) }),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [growing, grammar, parts]);
  const copy = () => {
    navigator.clipboard?.writeText(parts.join('').replace(/\n$/, '')).then(
      () => {
        if (timer.current === null) return;
        clearTimeout(timer.current);
        setCopied(true);
        timer.current = setTimeout(() => setCopied(false), 2000);
      },
      () => {},
    );
  };
  const body =
    tokens?.parts === parts && !growing
      ? tokens.v.map(([cls, text]) => (cls && TOKEN_CLASSES.has(cls) ? <span class={'ck-hl-' + cls}>{text}</span> : text))
      : parts;
  return (
    <div class="ck-md-code">
      <div class="ck-md-code-head">
        <span class="ck-md-lang">{lang}</span>
        <button type="button" class="ck-md-copy" onClick={copy}>
          {copied ? strings.copied : strings.copyCode}
        </button>
      </div>
      {/* A long line scrolls sideways: the block is a named, focusable region so the keyboard can scroll it. */}
      <pre tabIndex={0} role="region" aria-label={lang ? `${strings.code ?? 'Code'}: ${lang}` : (strings.code ?? 'Code')}>
        <code data-lang={lang || undefined}>{body}</code>
      </pre>
    </div>
  );
}
