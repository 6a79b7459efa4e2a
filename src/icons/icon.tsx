/**
 * `<Icon name=… />`: every icon the product renders, as an inline `<svg>` built with `h()` from node data.
 * Decorative by default (`aria-hidden`); with a `label` it is an image with that accessible name.
 * While artwork loads the svg keeps its box (no children), so nothing around it moves.
 */
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { FALLBACK_ICON, type IconNode } from './icon-node.ts';
import { loadIcon, lookupIcon } from './resolve-icon.ts';

/** Props of {@link Icon}. */
export interface IconProps {
  /** A core name (`arrow-up`), a ChatKit/widget/header name (`book-open`), or `lucide:<name>`. */
  name: string;
  /** Width and height; a number is pixels. Default 20. */
  size?: number | string;
  /** Accessible name; without it the icon is hidden from assistive technology. */
  label?: string;
  /** Extra classes after `ck-icon`. */
  class?: string;
}

const NOTHING: IconNode = [];

// Icons that point along the line of text mirror in right-to-left UIs (styles/base.css); up/down arrows and
// chevrons are symmetric, so mirroring them changes nothing. Text-alignment icons keep their meaning.
const POINTING = /^(?!.*align).*(left|right|undo|redo|reply|forward|send|log-)/;

/** Renders one icon; unknown names and failed loads render a neutral fallback and never throw. */
export function Icon({ name, size = 20, label, class: className }: IconProps) {
  const [failed, setFailed] = useState<string | undefined>(undefined);
  const [, setLoaded] = useState(0);
  const node = lookupIcon(name);
  const waiting = node === undefined && failed !== name;

  useEffect(() => {
    if (!waiting) return undefined;
    let live = true;
    void loadIcon(name).then(() => {
      if (!live) return;
      if (lookupIcon(name) === undefined) setFailed(name);
      else setLoaded((n) => n + 1);
    });
    return () => {
      live = false;
    };
  }, [name, waiting]);

  const shapes = waiting ? NOTHING : (node ?? FALLBACK_ICON);
  return h(
    'svg',
    {
      width: size,
      height: size,
      viewBox: '0 0 24 24',
      fill: 'none',
      stroke: 'currentColor',
      'stroke-width': '2',
      'stroke-linecap': 'round',
      'stroke-linejoin': 'round',
      class: `ck-icon${POINTING.test(name) ? ' ck-flip' : ''}${className ? ' ' + className : ''}`,
      'data-state': waiting ? 'loading' : node ? undefined : 'fallback',
      ...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': 'true' }),
    },
    shapes.map(([tag, attrs], i) => h(tag, { key: i, ...attrs })),
  );
}
