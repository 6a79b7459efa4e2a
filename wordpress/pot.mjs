/**
 * Generates the plugin's translation template (.pot) from its sources, as `wp i18n make-pot` would for this
 * plugin: gettext calls with the plugin's text domain in PHP and in the editor script (wp.i18n), their
 * `translators:` comments, block.json's title/description/keywords, and the plugin header.
 * Only literal strings are extracted (the plugin uses no others); a call with a non-literal argument fails the build.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

/** gettext functions → the roles of their leading arguments. */
const FUNCTIONS = {
  __: ['msgid', 'domain'],
  _e: ['msgid', 'domain'],
  esc_html__: ['msgid', 'domain'],
  esc_html_e: ['msgid', 'domain'],
  esc_attr__: ['msgid', 'domain'],
  esc_attr_e: ['msgid', 'domain'],
  _x: ['msgid', 'context', 'domain'],
  _ex: ['msgid', 'context', 'domain'],
  esc_html_x: ['msgid', 'context', 'domain'],
  esc_attr_x: ['msgid', 'context', 'domain'],
  _n: ['msgid', 'plural', null, 'domain'],
  _nx: ['msgid', 'plural', null, 'context', 'domain'],
};

const CALL = new RegExp(`(?<![\\w$>:])(${Object.keys(FUNCTIONS).join('|')})\\s*\\(`, 'g');

/** Reads one PHP/JS string literal at `i`; returns [value, end] or null. */
function literal(src, i) {
  const q = src[i];
  if (q !== "'" && q !== '"') return null;
  let out = '';
  for (let j = i + 1; j < src.length; j++) {
    const c = src[j];
    if (c === q) return [out, j + 1];
    if (c === '\\') {
      const n = src[++j];
      if (q === "'") out += n === "'" || n === '\\' ? n : '\\' + n;
      else out += { n: '\n', t: '\t', '"': '"', '\\': '\\', $: '$' }[n] ?? '\\' + n;
    } else {
      if (q === '"' && c === '$') throw new Error('variable in a double-quoted gettext string');
      out += c;
    }
  }
  return null;
}

/** The literal arguments of the call whose "(" ends at `i` (stops at the first non-literal). */
function args(src, i) {
  const out = [];
  for (;;) {
    while (/\s/.test(src[i])) i++;
    const lit = literal(src, i);
    if (!lit) return out;
    out.push(lit[0]);
    i = lit[1];
    while (/\s/.test(src[i])) i++;
    if (src[i] !== ',') return out;
    i++;
  }
}

/** Extracts entries from a source file into `entries` (keyed by context + msgid). */
export function extractSource(file, root, domain, entries) {
  const src = readFileSync(file, 'utf8');
  const ref = relative(root, file);
  for (const m of src.matchAll(CALL)) {
    const roles = FUNCTIONS[m[1]];
    const values = args(src, m.index + m[0].length);
    const got = Object.fromEntries(roles.map((r, k) => [r, values[k]]).filter(([r]) => r));
    if (got.domain !== domain) {
      if (values.length === 0) continue; // e.g. a JS variable named `__` being defined
      throw new Error(`${ref}:${lineOf(src, m.index)}: ${m[1]}() without the literal text domain '${domain}'`);
    }
    const before = src.slice(Math.max(0, m.index - 400), m.index);
    const found = /\/\*\s*translators:\s*((?:(?!\*\/)[\s\S])*?)\s*\*\/([^;{}]*)$/.exec(before);
    // A comment belongs to the first gettext call after it only.
    const comment = found && !new RegExp(CALL.source).test(found[2]) ? found[1] : undefined;
    add(entries, { msgid: got.msgid, plural: got.plural, context: got.context, ref: `${ref}:${lineOf(src, m.index)}`, comment });
  }
}

const lineOf = (src, index) => src.slice(0, index).split('\n').length;

function add(entries, e) {
  const key = `${e.context ?? ''}\u0004${e.msgid}`;
  const prev = entries.get(key);
  if (prev) {
    prev.refs.push(e.ref);
    if (e.comment && !prev.comments.includes(e.comment)) prev.comments.push(e.comment);
  } else entries.set(key, { ...e, refs: [e.ref], comments: e.comment ? [e.comment] : [] });
}

/** block.json strings, with the contexts WordPress translates them under. */
export function extractBlockJson(file, root, entries) {
  const json = JSON.parse(readFileSync(file, 'utf8'));
  const ref = relative(root, file);
  if (json.title) add(entries, { msgid: json.title, context: 'block title', ref });
  if (json.description) add(entries, { msgid: json.description, context: 'block description', ref });
  for (const k of json.keywords ?? []) add(entries, { msgid: k, context: 'block keyword', ref });
}

/** Plugin header fields translated by WordPress. */
export function extractHeader(file, root, entries) {
  const src = readFileSync(file, 'utf8');
  const ref = relative(root, file);
  for (const field of ['Plugin Name', 'Plugin URI', 'Description', 'Author']) {
    const value = new RegExp(`^\\s*\\*\\s*${field}:\\s*(.+)$`, 'm').exec(src)?.[1]?.trim();
    if (value) add(entries, { msgid: value, ref, comment: `${field} of the plugin` });
  }
}

const quote = (s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

/** The .pot text. */
export function formatPot(entries, { name, version }) {
  const head = [
    '# Copyright (C) 2026 chatkit-embed contributors',
    `# This file is distributed under the GPL-2.0-or-later.`,
    'msgid ""',
    'msgstr ""',
    `"Project-Id-Version: ${name} ${version}\\n"`,
    '"MIME-Version: 1.0\\n"',
    '"Content-Type: text/plain; charset=UTF-8\\n"',
    '"Content-Transfer-Encoding: 8bit\\n"',
    '"Language-Team: LANGUAGE <LL@li.org>\\n"',
    '"X-Domain: chat-widget-for-chatkit\\n"',
    '',
  ];
  const body = [...entries.values()].map((e) => {
    const lines = [];
    for (const c of e.comments) lines.push(`#. ${c.replace(/\n\s*/g, ' ')}`);
    lines.push(`#: ${e.refs.join(' ')}`);
    if (/%(\d+\$)?[sd]/.test(e.msgid)) lines.push('#, php-format');
    if (e.context) lines.push(`msgctxt ${quote(e.context)}`);
    lines.push(`msgid ${quote(e.msgid)}`);
    if (e.plural) lines.push(`msgid_plural ${quote(e.plural)}`, 'msgstr[0] ""', 'msgstr[1] ""');
    else lines.push('msgstr ""');
    return lines.join('\n') + '\n';
  });
  return head.join('\n') + '\n' + body.join('\n');
}
