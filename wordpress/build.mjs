#!/usr/bin/env node
/**
 * Builds the installable WordPress plugin: wordpress/build/chat-widget-for-chatkit.zip
 *
 *   node wordpress/build.mjs     (runs `node build.mjs` first when dist/ has not been built)
 *
 * The zip holds one folder, chat-widget-for-chatkit/: the plugin's PHP, assets and block from
 * wordpress/chat-widget-for-chatkit/, the built widget (dist/) as widget/ (served from the site by default: the
 * plugin directory forbids remotely loaded code), and languages/chat-widget-for-chatkit.pot generated from the
 * sources. Fails when the version in the plugin header, readme.txt's Stable tag, CWFC_VERSION and block.json differ.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeZip } from '../scripts/zip.mjs';
import { extractBlockJson, extractHeader, extractSource, formatPot } from './pot.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const slug = 'chat-widget-for-chatkit';
const source = join(here, slug);
const dist = join(root, 'dist');
export const zipPath = join(here, 'build', `${slug}.zip`);

/** Every file under `dir`, as paths relative to it, sorted. */
function files(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out;
}

function checkVersions() {
  const main = readFileSync(join(source, `${slug}.php`), 'utf8');
  const found = {
    'plugin header Version': /^\s*\*\s*Version:\s*(\S+)/m.exec(main)?.[1],
    CWFC_VERSION: /define\(\s*'CWFC_VERSION',\s*'([^']+)'/.exec(main)?.[1],
    'readme.txt Stable tag': /^Stable tag:\s*(\S+)/m.exec(readFileSync(join(source, 'readme.txt'), 'utf8'))?.[1],
    'block.json version': JSON.parse(readFileSync(join(source, 'blocks/chat/block.json'), 'utf8')).version,
    'editor.asset.php version': /'version'\s*=>\s*'([^']+)'/.exec(readFileSync(join(source, 'blocks/chat/editor.asset.php'), 'utf8'))?.[1],
  };
  const versions = new Set(Object.values(found));
  if (versions.size !== 1 || versions.has(undefined)) {
    throw new Error(`versions differ: ${Object.entries(found).map(([k, v]) => `${k} = ${v}`).join(', ')}`);
  }
  return [...versions][0];
}

/** The .pot text for the plugin sources. */
export function makePot(version) {
  const entries = new Map();
  extractHeader(join(source, `${slug}.php`), source, entries);
  for (const f of files(source)) {
    if (/\.(php|js)$/.test(f)) extractSource(join(source, f), source, slug, entries);
  }
  extractBlockJson(join(source, 'blocks/chat/block.json'), source, entries);
  return { text: formatPot(entries, { name: 'Chat Widget for ChatKit', version }), count: entries.size };
}

/** Builds the zip; returns its path and a summary. */
export function buildPlugin() {
  if (!existsSync(join(dist, 'chatkit.js')) || !existsSync(join(dist, 'frame.html'))) {
    const r = spawnSync(process.execPath, [join(root, 'build.mjs')], { stdio: 'inherit', cwd: root });
    if (r.status !== 0) throw new Error('node build.mjs failed');
  }
  const version = checkVersions();
  const entries = [];
  for (const f of files(source)) {
    if (f.endsWith('.pot')) continue; // generated below
    entries.push([`${slug}/${f}`, readFileSync(join(source, f))]);
  }
  const widget = files(dist);
  for (const f of widget) entries.push([`${slug}/widget/${f}`, readFileSync(join(dist, f))]);
  const pot = makePot(version);
  entries.push([`${slug}/languages/${slug}.pot`, Buffer.from(pot.text)]);
  const bytes = writeZip(zipPath, entries);
  return { zipPath, version, files: entries.length, widgetFiles: widget.length, strings: pot.count, bytes };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = buildPlugin();
  console.log(
    `${relative(root, r.zipPath)}: version ${r.version}, ${r.files} files (${r.widgetFiles} from dist/), ${r.strings} strings in the .pot, ${(r.bytes / 1024).toFixed(0)} KiB`,
  );
}
