/**
 * What the UI imports to render Markdown. The engine (parsers, renderer: ~17 KB brotli) is a lazy chunk,
 * requested as soon as this module runs, i.e. while the frame boots: it is there long before the first answer
 * can arrive. Until it is, and if it cannot load, the text shows as plain text (never lost); the view updates
 * by itself once it arrives. A failed load is retried on the next render.
 */
import { signal } from '@preact/signals';
import { h, type VNode } from 'preact';
import type { MarkdownProps, RenderMarkdownOptions } from './engine.tsx';

export type { DeeplinkHandler, MarkdownProps, RenderMarkdownOptions } from './engine.tsx';

type Engine = typeof import('./engine.tsx');
const engine = signal<Engine | null>(null);
let loading: Promise<Engine> | null = null;

/** Loads the engine once (tests await it before rendering); a failed load is not cached. */
export function loadMarkdown(): Promise<Engine> {
  return (loading ??= import('./engine.tsx').then(
    (m) => (engine.value = m),
    (e: unknown) => {
      loading = null;
      throw e;
    },
  ));
}

/** Markdown as plain text (src/markdown/plain-text.ts) once the engine is here; until then the source as it is. */
export function markdownToPlainText(text: string): string {
  return engine.value ? engine.value.markdownToPlainText(text) : text;
}

const start = () => void loadMarkdown().catch(() => {});
if (typeof window !== 'undefined') setTimeout(start, 0);

const plain = (text: string, streaming?: boolean) =>
  h('div', { class: streaming ? 'ck-md ck-md-streaming' : 'ck-md' }, h('p', { class: 'ck-md-plain' }, text));

/** Renders markdown that may still be streaming (see engine.tsx). */
export function Markdown(props: MarkdownProps) {
  const e = engine.value;
  if (!e) {
    start();
    return plain(props.text, props.streaming);
  }
  return h(e.Markdown, props);
}

function StaticMarkdown({ text, options }: { text: string; options: RenderMarkdownOptions }) {
  const e = engine.value;
  if (!e) {
    start();
    return plain(text);
  }
  return e.renderMarkdown(text, options);
}

/** Renders static markdown (notices, disclaimers). */
export function renderMarkdown(text: string, options: RenderMarkdownOptions): VNode {
  return h(StaticMarkdown, { text, options }) as VNode;
}
