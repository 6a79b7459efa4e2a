/**
 * Font option validation. Family lists are re-serialized from parsed names (never copied), and font files are
 * handed to the frame as FontFace arguments, so typography options cannot smuggle CSS into the page.
 */
import type { ResolvedFontSource } from './resolved.ts';

// Generic families are keywords: quoting one would turn it into a (missing) family name.
const GENERIC = /^(serif|sans-serif|monospace|cursive|fantasy|math|emoji|fangsong|system-ui|ui-[a-z-]+)$/;
// One CSS identifier: no leading digit, no punctuation beyond "-" and "_" (non-ASCII letters allowed).
const IDENT = /^-?[a-z_\u00a0-\uffff][\w\u00a0-\uffff-]*$/i;
// Inside quotes CSS allows nearly anything; we allow what real family names use, and never ; { } ( ) < > " ' \.
const QUOTED_NAME = /^[\w\u00a0-\uffff .&+-]+$/;

/** Parses a CSS font-family list; returns it re-serialized (names quoted, generic keywords bare) or `null`. */
export function serializeFontFamilies(input: string): string | null {
  if (input.length > 500) return null;
  const families: string[] = [];
  for (const raw of input.split(',')) {
    const part = raw.trim();
    const quoted = /^(["'])(.*)\1$/.exec(part);
    const name = (quoted ? (quoted[2] ?? '') : part).trim().replace(/\s+/g, ' ');
    if (!name || !QUOTED_NAME.test(name)) return null;
    if (!quoted && !name.split(' ').every((word) => IDENT.test(word))) return null;
    families.push(!quoted && GENERIC.test(name.toLowerCase()) ? name.toLowerCase() : `"${name}"`);
  }
  return families.join(', ');
}

/** True for a single family name usable as FontFace's family both as a plain string and as CSS identifiers. */
export function isFontFaceFamily(name: string): boolean {
  return name.length <= 100 && name.split(' ').every((word) => IDENT.test(word));
}

/** True for an absolute https URL or a relative URL (no scheme), without characters that need CSS escaping. */
export function isFontUrl(src: string): boolean {
  if (src.length > 2048 || !src || /[\s"'\\<>]/.test(src)) return false;
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(src);
  return scheme ? scheme[1]?.toLowerCase() === 'https' : !src.startsWith('//');
}

/** True for a CSS unicode-range list such as `U+0000-00FF, U+0131, U+4??`. */
export function isUnicodeRange(value: string): boolean {
  const range = /^u\+[\da-f?]{1,6}(-[\da-f]{1,6})?$/i;
  return value.length <= 1000 && value.split(',').every((part) => range.test(part.trim()));
}

/** Normalizes a font weight (`400`, `"bold"`, `"100 900"`) to its descriptor text, or `null` when invalid. */
export function normalizeFontWeight(weight: string | number): string | null {
  if (typeof weight === 'number') return weight >= 1 && weight <= 1000 ? String(weight) : null;
  const text = weight.trim().toLowerCase();
  if (/^(normal|bold|bolder|lighter)$/.test(text)) return text;
  const numbers = text.split(/\s+/);
  const ok = numbers.length <= 2 && numbers.every((n) => /^\d{1,4}(\.\d+)?$/.test(n) && +n >= 1 && +n <= 1000);
  return ok ? numbers.join(' ') : null;
}

/** Arguments for `new FontFace(family, src, descriptors)`; `src` is a CSS `url("…")` built from a parsed URL. */
export type FontFaceSpec = { family: string; src: string; descriptors: FontFaceDescriptors };

/**
 * Turns validated font sources into FontFace arguments. Relative URLs resolve against `baseUrl` (the host
 * page, where the integrator's paths point); sources that do not resolve to http(s) are skipped.
 */
export function fontFaceDescriptors(sources: readonly ResolvedFontSource[], baseUrl?: string): FontFaceSpec[] {
  const specs: FontFaceSpec[] = [];
  for (const source of sources) {
    let url: URL;
    try {
      url = new URL(source.src, baseUrl);
    } catch {
      continue;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') continue;
    const descriptors: FontFaceDescriptors = {};
    if (source.weight) descriptors.weight = source.weight;
    if (source.style) descriptors.style = source.style;
    if (source.display) descriptors.display = source.display;
    if (source.unicodeRange) descriptors.unicodeRange = source.unicodeRange;
    // URL serialization percent-encodes quotes and backslashes, so the quoted url() cannot be broken out of.
    specs.push({ family: source.family, src: `url(${JSON.stringify(url.href)})`, descriptors });
  }
  return specs;
}
