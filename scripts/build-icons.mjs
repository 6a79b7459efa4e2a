#!/usr/bin/env node
/**
 * Icon artwork from the `lucide` package (ISC; Feather-derived icons MIT), in two forms:
 *
 *   node scripts/build-icons.mjs <outDir>     writes <outDir>/icons/<name>.json for every Lucide icon, the
 *                                             node array as compact JSON, fetched at run time for `lucide:<name>`.
 *                                             The build calls `buildIcons(distDir)` instead.
 *   node scripts/build-icons.mjs --sources    regenerates src/icons/core-icons.ts and src/icons/named-icons.ts
 *                                             from the tables below (committed; a unit test checks they are current).
 *
 * The tables map our names to Lucide names. Where Lucide has nothing that fits, a small derived shape is drawn
 * in Lucide's style (24 grid, 2px stroke) and the reason is noted beside it.
 * Over 250 lines because it holds those tables (about 140 names, one per line); the logic is ~80 lines.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const lucideRoot = dirname(require.resolve('lucide/package.json'));
const lucideIconsDir = join(lucideRoot, 'dist', 'esm', 'icons');
const lucideVersion = require('lucide/package.json').version;
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Icons the shell always needs; keys are Lucide names (canonical, or an alias where the brief used one). */
const CORE = {
  'arrow-up': 'arrow-up', // send
  square: 'square', // stop generating
  x: 'x', // close
  plus: 'plus',
  'chevron-down': 'chevron-down',
  'chevron-up': 'chevron-up',
  'chevron-left': 'chevron-left',
  'chevron-right': 'chevron-right',
  copy: 'copy',
  check: 'check',
  'thumbs-up': 'thumbs-up',
  'thumbs-down': 'thumbs-down',
  'rotate-ccw': 'rotate-ccw', // retry
  history: 'rotate-ccw-clock', // Lucide alias `history`
  'square-pen': 'square-pen', // new chat
  trash: 'trash',
  pencil: 'pencil',
  paperclip: 'paperclip',
  mic: 'mic',
  file: 'file',
  image: 'image',
  'external-link': 'external-link',
  'circle-alert': 'circle-alert',
  info: 'info',
  'triangle-alert': 'triangle-alert',
  search: 'search',
  'at-sign': 'at-sign',
  'message-circle': 'message-circle', // launcher
  loader: 'loader', // spinner
  'arrow-down': 'arrow-down',
  'more-horizontal': 'ellipsis', // Lucide alias `more-horizontal`
};

const BOOK_OUTLINE = 'M4 19.5v-15A2.5 2.5 0 0 1 6.5 2H19a1 1 0 0 1 1 1v18a1 1 0 0 1-1 1H6.5a1 1 0 0 1 0-5H20';
const FRAME = ['rect', { width: '18', height: '18', x: '3', y: '3', rx: '2' }];
const INSET_LEFT = ['rect', { width: '4', height: '12', x: '6', y: '6', rx: '1' }];
const INSET_RIGHT = ['rect', { width: '4', height: '12', x: '14', y: '6', rx: '1' }];

/** Shapes Lucide lacks, drawn from Lucide parts. `from` names the Lucide icon each one starts from. */
const CUSTOM = {
  // Lucide is stroke-only; a filled star is its star with the fill switched on.
  'star-filled': {
    from: 'star',
    node: (star) => star.map(([tag, attrs]) => [tag, { ...attrs, fill: 'currentColor' }]),
  },
  // A solid disc (r 11 = Lucide's r 10 plus half its stroke) with circle-check's tick cut out as a hole, so the
  // tick shows whatever is behind the icon; a stroked tick in currentColor would vanish on the fill.
  'check-circle-filled': {
    from: 'circle-check',
    node: () => [
      [
        'path',
        {
          d:
            'M12 1a11 11 0 1 0 0 22a11 11 0 1 0 0-22z' +
            'M16.707 9.707 11.207 15.207a1 1 0 0 1-1.414 0L7.293 12.707a1 1 0 0 1 1.414-1.414L10.5 13.086' +
            'l4.793-4.793a1 1 0 0 1 1.414 1.414z',
          fill: 'currentColor',
          'fill-rule': 'evenodd',
          stroke: 'none',
        },
      ],
    ],
  },
  // Lucide has book-check, book-x… but no book-clock: the book with a clock where those put their mark.
  'book-clock': {
    from: 'book',
    node: () => [
      ['path', { d: BOOK_OUTLINE }],
      ['circle', { cx: '12', cy: '9.5', r: '4' }],
      ['path', { d: 'M12 7.5v2l1.5 1' }],
    ],
  },
  // An alternative home: Lucide's house without its door.
  'home-alt': { from: 'house', node: (house) => house.slice(1) },
  // circle-ellipsis with its dots stood upright.
  'dots-vertical-circle': {
    from: 'circle-ellipsis',
    node: () => [
      ['circle', { cx: '12', cy: '12', r: '10' }],
      ['path', { d: 'M12 7h.01' }],
      ['path', { d: 'M12 12h.01' }],
      ['path', { d: 'M12 17h.01' }],
    ],
  },
  // Lucide's panels are all docked; a floating panel is an inset card inside panel-left/-right's frame,
  // with panel-left-open/panel-right-open's chevron for the "open" variants.
  'sidebar-floating-left': {
    from: 'panel-left',
    node: () => [FRAME, INSET_LEFT],
  },
  'sidebar-floating-right': {
    from: 'panel-right',
    node: () => [FRAME, INSET_RIGHT],
  },
  'sidebar-floating-open-left': {
    from: 'panel-left-open',
    node: () => [FRAME, INSET_LEFT, ['path', { d: 'm14 9 3 3-3 3' }]],
  },
  'sidebar-floating-open-right': {
    from: 'panel-right-open',
    node: () => [FRAME, INSET_RIGHT, ['path', { d: 'm10 15-3-3 3-3' }]],
  },
};

/** Every ChatKit / widget / header name (src/icons/icon-names.ts) → a Lucide name or a CUSTOM key. */
const NAMED = {
  // Base family (ChatKitIcon, WidgetIcon, Python IconName) plus clock and dot.
  agent: 'bot',
  analytics: 'chart-line',
  atom: 'atom',
  batch: 'layers',
  bolt: 'zap',
  'book-open': 'book-open',
  'book-closed': 'book',
  'book-clock': 'book-clock',
  bug: 'bug',
  calendar: 'calendar',
  chart: 'chart-column',
  check: 'check',
  'check-circle': 'circle-check',
  'check-circle-filled': 'check-circle-filled',
  'chevron-left': 'chevron-left',
  'chevron-right': 'chevron-right',
  'circle-question': 'circle-question-mark',
  clock: 'clock',
  compass: 'compass',
  confetti: 'party-popper',
  cube: 'box',
  desktop: 'monitor',
  document: 'file-text',
  dot: 'dot',
  'dots-horizontal': 'ellipsis',
  'dots-vertical': 'ellipsis-vertical',
  'empty-circle': 'circle',
  'external-link': 'external-link',
  globe: 'globe',
  keys: 'key',
  lab: 'flask-conical',
  images: 'images',
  info: 'info',
  lifesaver: 'life-buoy',
  lightbulb: 'lightbulb',
  mail: 'mail',
  'map-pin': 'map-pin',
  maps: 'map',
  mobile: 'smartphone',
  name: 'id-card-lanyard',
  notebook: 'notebook',
  'notebook-pencil': 'notebook-pen',
  'page-blank': 'file',
  phone: 'phone',
  play: 'play',
  plus: 'plus',
  profile: 'circle-user',
  'profile-card': 'id-card',
  reload: 'refresh-cw',
  star: 'star',
  'star-filled': 'star-filled',
  search: 'search',
  sparkle: 'sparkle',
  'sparkle-double': 'sparkles',
  'square-code': 'square-code',
  'square-image': 'image',
  'square-text': 'square-text',
  suitcase: 'briefcase',
  'settings-slider': 'sliders-horizontal',
  user: 'user',
  wreath: 'award', // Lucide has no laurel wreath; the award rosette carries the same meaning
  write: 'pencil',
  'write-alt': 'square-pen',
  'write-alt2': 'pen-line',
  // Header family (star, star-filled, bug, book-open, dots-* are shared with the base family above).
  'sidebar-left': 'panel-left',
  'sidebar-right': 'panel-right',
  'sidebar-open-left': 'panel-left-open',
  'sidebar-open-right': 'panel-right-open',
  'sidebar-open-left-alt': 'panel-left-dashed',
  'sidebar-open-right-alt': 'panel-right-dashed',
  'sidebar-floating-left': 'sidebar-floating-left',
  'sidebar-floating-right': 'sidebar-floating-right',
  'sidebar-floating-open-left': 'sidebar-floating-open-left',
  'sidebar-floating-open-right': 'sidebar-floating-open-right',
  'sidebar-collapse-left': 'panel-left-close',
  'sidebar-collapse-right': 'panel-right-close',
  'collapse-left': 'arrow-left-to-line',
  'collapse-right': 'arrow-right-to-line',
  'open-left': 'arrow-left-from-line',
  'open-right': 'arrow-right-from-line',
  'double-chevron-left': 'chevrons-left',
  'double-chevron-right': 'chevrons-right',
  home: 'house',
  'home-alt': 'home-alt',
  'back-small': 'chevron-left',
  'back-large': 'arrow-left',
  'expand-large': 'maximize-2',
  'collapse-large': 'minimize-2',
  'expand-small': 'expand',
  'collapse-small': 'shrink',
  'chat-temporary': 'message-circle-dashed',
  'settings-cog': 'settings',
  grid: 'layout-grid',
  'dots-horizontal-circle': 'circle-ellipsis',
  'dots-vertical-circle': 'dots-vertical-circle',
  menu: 'menu',
  'menu-inverted': 'text-align-end',
  hamburger: 'text-align-justify',
  history: 'rotate-ccw-clock', // the same artwork as the core `history` icon
  compose: 'square-pen',
  share: 'share',
  'light-mode': 'sun',
  'dark-mode': 'moon',
  close: 'x',
};

// One require of the package's CommonJS build (all icons, keyed by PascalCase name) instead of ~2,000
// module imports: several times faster, and fast under test runners that transform every import.
const lucideIcons = require('lucide').icons;

const toPascalCase = (kebab) => kebab.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');

/** Reads one Lucide icon's node array by its canonical kebab name. */
function readLucideIcon(name) {
  const node = lucideIcons[toPascalCase(name)];
  if (!Array.isArray(node)) throw new Error(`lucide has no icon named ${name}`);
  return node;
}

/** The canonical Lucide icon names (one .mjs per icon; aliases are only re-exports, so they are not listed). */
export async function listLucideIcons() {
  const files = await readdir(lucideIconsDir);
  return files.filter((f) => f.endsWith('.mjs')).map((f) => f.slice(0, -4)).sort();
}

function resolveArtwork(target) {
  const custom = CUSTOM[target];
  if (custom) return custom.node(readLucideIcon(custom.from));
  return readLucideIcon(target);
}

/**
 * Writes `<outDir>/icons/<name>.json` (the node array, compact JSON) for every Lucide icon; nothing else.
 * Returns the number of files written.
 */
export async function buildIcons(outDir) {
  const dir = join(outDir, 'icons');
  await mkdir(dir, { recursive: true });
  const names = await listLucideIcons();
  // Batches keep ~2,000 writes from queueing at once while still overlapping their I/O.
  for (let i = 0; i < names.length; i += 100) {
    await Promise.all(
      names.slice(i, i + 100).map((name) => writeFile(join(dir, `${name}.json`), JSON.stringify(readLucideIcon(name)))),
    );
  }
  return names.length;
}

const quote = (s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const key = (k) => (/^[a-z_$][a-z0-9_$]*$/i.test(k) ? k : quote(k));

function formatNode(node, indent) {
  const lines = node.map(([tag, attrs]) => {
    const props = Object.entries(attrs).map(([k, v]) => `${key(k)}: ${quote(String(v))}`);
    return `${indent}  [${quote(tag)}, { ${props.join(', ')} }],`;
  });
  return `[\n${lines.join('\n')}\n${indent}]`;
}

const HEADER = `/**
 * @license lucide v${lucideVersion} - ISC (icons derived from Feather: MIT, Copyright (c) 2013-present Cole Bemis)
 */
/*
 * Icon data from the \`lucide\` package (https://lucide.dev), Copyright (c) Lucide Icons and Contributors.
 * Permission to use, copy, modify, and/or distribute this software for any purpose with or without fee is hereby
 * granted, provided that the above copyright notice and this permission notice appear in all copies.
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES WITH REGARD TO THIS SOFTWARE
 * INCLUDING ALL IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS. Full text: node_modules/lucide/LICENSE.
 *
 * Generated by \`node scripts/build-icons.mjs --sources\`; edit the tables in that script, not this file.
 * Its length is data, not logic.
 */
`;

/** The text of src/icons/core-icons.ts and src/icons/named-icons.ts, keyed by repository-relative path. */
export async function generateIconSources() {
  const core = [];
  for (const [name, lucide] of Object.entries(CORE)) {
    const note = name === lucide ? '' : `  // Lucide \`${lucide}\`\n`;
    core.push(`${note}  ${key(name)}: ${formatNode(readLucideIcon(lucide), '  ')},`);
  }
  const named = [];
  for (const [name, target] of Object.entries(NAMED)) {
    const source = CUSTOM[target] ? `drawn from Lucide \`${CUSTOM[target].from}\`` : `Lucide \`${target}\``;
    named.push(`  // ${source}\n  ${key(name)}: ${formatNode(resolveArtwork(target), '  ')},`);
  }
  return {
    'src/icons/core-icons.ts': `${HEADER}import type { IconNode } from './icon-node.ts';

/** A core icon's name: its Lucide name (\`history\` and \`more-horizontal\` are Lucide aliases). */
export type CoreIconName = keyof typeof CORE_ICONS;

/** The icons the shell renders on first open, bundled statically so none of them waits on a request. */
export const CORE_ICONS = {
${core.join('\n')}
} satisfies Record<string, IconNode>;
`,
    'src/icons/named-icons.ts': `${HEADER}import type { IconNode } from './icon-node.ts';
import type { NamedIconName } from './icon-names.ts';

/** Artwork for every ChatKit, widget and header icon name. Loaded with \`import()\`, so it is its own chunk. */
export const NAMED_ICONS: Readonly<Record<NamedIconName, IconNode>> = {
${named.join('\n')}
};
`,
  };
}

async function main(args) {
  if (args[0] === '--sources') {
    for (const [path, text] of Object.entries(await generateIconSources())) {
      await writeFile(join(repoRoot, path), text);
      console.log(`wrote ${path}`);
    }
    return;
  }
  if (!args[0]) {
    console.error('usage: node scripts/build-icons.mjs <outDir> | --sources');
    process.exitCode = 2;
    return;
  }
  console.log(`wrote ${await buildIcons(args[0])} icons to ${join(args[0], 'icons')}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main(process.argv.slice(2));
