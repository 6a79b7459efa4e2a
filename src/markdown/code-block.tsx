import { useEffect, useRef, useState } from 'preact/hooks';
import type { MarkdownStrings } from './strings.ts';

/** Props of CodeBlock: the block's language and its text chunks (concatenated they are the code). */
export interface CodeBlockProps {
  lang: string;
  parts: readonly string[];
  strings: MarkdownStrings;
}

/** A fenced code block with a language label and a copy button that confirms for 2 s. */
export function CodeBlock({ lang, parts, strings }: CodeBlockProps) {
  const [copied, setCopied] = useState(false);
  // null once unmounted, so a clipboard promise settling late starts no timer.
  const timer = useRef<ReturnType<typeof setTimeout> | null | undefined>(undefined);
  useEffect(
    () => () => {
      clearTimeout(timer.current ?? undefined);
      timer.current = null;
    },
    [],
  );
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
        <code data-lang={lang || undefined}>{parts}</code>
      </pre>
    </div>
  );
}
