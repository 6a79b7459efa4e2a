/**
 * Icon artwork as data: Lucide's node format, `[[tag, attrs], …]` inside a 24×24 stroked `<svg>`.
 * Artwork fetched at run time (`lucide:*`) is untrusted, so `parseIconNode` admits only plain shapes with
 * geometry attributes: no `script`/`style`/`use`/`image`, no event handlers, `href`, `style` or `url(…)`.
 */

/** The SVG shape elements an icon may contain. */
export type IconTag = 'path' | 'circle' | 'rect' | 'line' | 'polyline' | 'polygon' | 'ellipse';

/** One shape: its tag and its attributes (all values strings, as Lucide ships them). */
export type IconElement = readonly [tag: IconTag, attrs: Readonly<Record<string, string>>];

/** A whole icon: the shapes inside the `<svg>`. */
export type IconNode = readonly IconElement[];

/** The neutral stand-in for unknown names and failed loads: a small circle, so the layout never shifts. */
export const FALLBACK_ICON: IconNode = [['circle', { cx: '12', cy: '12', r: '3' }]];

// Marked pure so a bundle that only needs FALLBACK_ICON drops the validator.
const TAGS: ReadonlySet<string> = /* @__PURE__ */ new Set(['path', 'circle', 'rect', 'line', 'polyline', 'polygon', 'ellipse']);

const GEOMETRY: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'd', 'cx', 'cy', 'r', 'rx', 'ry', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'width', 'height', 'points',
]);

// Presentation attributes with a closed set of values. 28 Lucide shapes use fill="currentColor" (dots in
// `images`, `tag`, `key-round`…), and our filled variants (`star-filled`, `check-circle-filled`) need the rest.
const ENUMERATED: Readonly<Record<string, readonly string[]>> = {
  fill: ['none', 'currentColor'],
  stroke: ['none', 'currentColor'],
  'fill-rule': ['nonzero', 'evenodd'],
};

// Path data and numbers only: letters, digits, separators, signs. No quotes, parentheses, colons or `#`,
// so no `url(…)` or `javascript:` can be spelled even if an attribute slipped through.
const SAFE_VALUE = /^[0-9a-zA-Z.,+\- ]*$/;

const MAX_ELEMENTS = 64;
const MAX_ATTRS = 16;
const MAX_VALUE_LENGTH = 2000;

/** Validates untrusted JSON as icon artwork; returns a fresh, frozen copy, or null when anything is off. */
export function parseIconNode(value: unknown): IconNode | null {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_ELEMENTS) return null;
  const out: IconElement[] = [];
  for (const element of value) {
    if (!Array.isArray(element) || element.length !== 2) return null;
    const [tag, attrs] = element as [unknown, unknown];
    if (typeof tag !== 'string' || !TAGS.has(tag)) return null;
    const clean = parseAttrs(attrs);
    if (!clean) return null;
    out.push(Object.freeze([tag as IconTag, clean] as const));
  }
  return Object.freeze(out);
}

function parseAttrs(attrs: unknown): Readonly<Record<string, string>> | null {
  if (typeof attrs !== 'object' || attrs === null || Array.isArray(attrs)) return null;
  const keys = Object.keys(attrs);
  if (keys.length > MAX_ATTRS) return null;
  const clean: Record<string, string> = {};
  for (const key of keys) {
    const raw: unknown = (attrs as Record<string, unknown>)[key];
    const value = typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : raw;
    if (typeof value !== 'string') return null;
    const allowed = Object.hasOwn(ENUMERATED, key) ? ENUMERATED[key] : undefined;
    if (allowed ? !allowed.includes(value) : !GEOMETRY.has(key)) return null;
    if (value.length > MAX_VALUE_LENGTH || !SAFE_VALUE.test(value)) return null;
    clean[key] = value;
  }
  return Object.freeze(clean);
}
