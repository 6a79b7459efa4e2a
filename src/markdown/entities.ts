/** HTML character references and backslash escapes, decoded to plain text (never to markup). */

// The references models actually emit, packed as name + one character; any other name stays literal,
// which is what CommonMark does for unknown names too.
const NAMED = new Map(
  [...'amp&lt<gt>quot"apos\'nbsp\u00a0copy©reg®trade™hellip…mdash—ndash–times×rarr→colon:'.matchAll(
    /([a-z]+)([^a-z])/g,
  )].map((m) => [m[1]!, m[2]!]),
);

const REF = /&(#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/g;

/** Decodes the body of one character reference (`amp`, `#39`, `#x27`); null when it is not one. */
export function decodeEntity(body: string): string | null {
  if (body[0] !== '#') return NAMED.get(body) ?? null;
  const x = body[1] === 'x' || body[1] === 'X';
  const cp = parseInt(body.slice(x ? 2 : 1), x ? 16 : 10);
  // NUL, surrogates and out-of-range code points become U+FFFD, as HTML does.
  return String.fromCodePoint(!cp || cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000) ? 0xfffd : cp);
}

/** Decodes every character reference in `s`. */
export function decodeEntities(s: string): string {
  return s.includes('&') ? s.replace(REF, (m, b: string) => decodeEntity(b) ?? m) : s;
}

/** Decodes backslash escapes and character references in one pass, so `\&amp;` stays literal. */
export function unescapeText(s: string): string {
  return s.replace(/\\([!-/:-@[-`{-~])|&(#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/g, (m, e, b) =>
    e ?? decodeEntity(b as string) ?? m,
  );
}
