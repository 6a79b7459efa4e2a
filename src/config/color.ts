/**
 * A small, strict CSS colour parser and formatter. Theme colours from options are parsed into numbers and
 * written back by `formatColor`, so option text is never copied into CSS: `red; background:url(x)` is simply
 * not a colour. Accepts hex (3/4/6/8 digits), rgb()/rgba(), hsl()/hsla() (comma and space syntax) and the
 * CSS named colours.
 */

/** A colour with 0–255 channels (unrounded) and 0–1 alpha. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

// "grey" spellings are folded onto "gray" before lookup, so the table lists each colour once.
const NAMED =
  ' ' +
  'aliceblue:f0f8ff antiquewhite:faebd7 aqua:00ffff aquamarine:7fffd4 azure:f0ffff beige:f5f5dc bisque:ffe4c4 ' +
  'black:000000 blanchedalmond:ffebcd blue:0000ff blueviolet:8a2be2 brown:a52a2a burlywood:deb887 ' +
  'cadetblue:5f9ea0 chartreuse:7fff00 chocolate:d2691e coral:ff7f50 cornflowerblue:6495ed cornsilk:fff8dc ' +
  'crimson:dc143c cyan:00ffff darkblue:00008b darkcyan:008b8b darkgoldenrod:b8860b darkgray:a9a9a9 ' +
  'darkgreen:006400 darkkhaki:bdb76b darkmagenta:8b008b darkolivegreen:556b2f darkorange:ff8c00 ' +
  'darkorchid:9932cc darkred:8b0000 darksalmon:e9967a darkseagreen:8fbc8f darkslateblue:483d8b ' +
  'darkslategray:2f4f4f darkturquoise:00ced1 darkviolet:9400d3 deeppink:ff1493 deepskyblue:00bfff ' +
  'dimgray:696969 dodgerblue:1e90ff firebrick:b22222 floralwhite:fffaf0 forestgreen:228b22 fuchsia:ff00ff ' +
  'gainsboro:dcdcdc ghostwhite:f8f8ff gold:ffd700 goldenrod:daa520 gray:808080 green:008000 greenyellow:adff2f ' +
  'honeydew:f0fff0 hotpink:ff69b4 indianred:cd5c5c indigo:4b0082 ivory:fffff0 khaki:f0e68c lavender:e6e6fa ' +
  'lavenderblush:fff0f5 lawngreen:7cfc00 lemonchiffon:fffacd lightblue:add8e6 lightcoral:f08080 ' +
  'lightcyan:e0ffff lightgoldenrodyellow:fafad2 lightgray:d3d3d3 lightgreen:90ee90 lightpink:ffb6c1 ' +
  'lightsalmon:ffa07a lightseagreen:20b2aa lightskyblue:87cefa lightslategray:778899 lightsteelblue:b0c4de ' +
  'lightyellow:ffffe0 lime:00ff00 limegreen:32cd32 linen:faf0e6 magenta:ff00ff maroon:800000 ' +
  'mediumaquamarine:66cdaa mediumblue:0000cd mediumorchid:ba55d3 mediumpurple:9370db mediumseagreen:3cb371 ' +
  'mediumslateblue:7b68ee mediumspringgreen:00fa9a mediumturquoise:48d1cc mediumvioletred:c71585 ' +
  'midnightblue:191970 mintcream:f5fffa mistyrose:ffe4e1 moccasin:ffe4b5 navajowhite:ffdead navy:000080 ' +
  'oldlace:fdf5e6 olive:808000 olivedrab:6b8e23 orange:ffa500 orangered:ff4500 orchid:da70d6 ' +
  'palegoldenrod:eee8aa palegreen:98fb98 paleturquoise:afeeee palevioletred:db7093 papayawhip:ffefd5 ' +
  'peachpuff:ffdab9 peru:cd853f pink:ffc0cb plum:dda0dd powderblue:b0e0e6 purple:800080 rebeccapurple:663399 ' +
  'red:ff0000 rosybrown:bc8f8f royalblue:4169e1 saddlebrown:8b4513 salmon:fa8072 sandybrown:f4a460 ' +
  'seagreen:2e8b57 seashell:fff5ee sienna:a0522d silver:c0c0c0 skyblue:87ceeb slateblue:6a5acd slategray:708090 ' +
  'snow:fffafa springgreen:00ff7f steelblue:4682b4 tan:d2b48c teal:008080 thistle:d8bfd8 tomato:ff6347 ' +
  'turquoise:40e0d0 violet:ee82ee wheat:f5deb3 white:ffffff whitesmoke:f5f5f5 yellow:ffff00 yellowgreen:9acd32 ';

const NUMBER = /^([+-]?(?:\d+(?:\.\d+)?|\.\d+)(?:e[+-]?\d+)?)(%|deg|grad|rad|turn)?$/;
const TURN: Record<string, number> = { deg: 1, grad: 0.9, rad: 180 / Math.PI, turn: 360 };

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** Parses a CSS colour; anything else (including CSS with extra tokens) is `null`. */
export function parseColor(input: string): Rgba | null {
  if (typeof input !== 'string' || input.length > 80) return null;
  const s = input.trim().toLowerCase();
  if (s.startsWith('#')) return parseHex(s.slice(1));
  const fn = /^(rgba?|hsla?)\(([^()]*)\)$/.exec(s);
  if (fn) return parseFunction(fn[1] ?? '', fn[2] ?? '');
  if (s === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
  if (!/^[a-z]{3,20}$/.test(s)) return null;
  const at = NAMED.indexOf(` ${s.replace('grey', 'gray')}:`);
  return at < 0 ? null : parseHex(NAMED.slice(at + s.length + 2, at + s.length + 8));
}

function parseHex(hex: string): Rgba | null {
  if (!/^[0-9a-f]+$/.test(hex)) return null;
  const short = hex.length === 3 || hex.length === 4;
  if (!short && hex.length !== 6 && hex.length !== 8) return null;
  const size = short ? 1 : 2;
  const at = (i: number): number | undefined => {
    const part = hex.slice(i * size, i * size + size);
    return part ? parseInt(short ? part + part : part, 16) : undefined;
  };
  return { r: at(0) ?? 0, g: at(1) ?? 0, b: at(2) ?? 0, a: (at(3) ?? 255) / 255 };
}

function parseFunction(name: string, body: string): Rgba | null {
  let parts: string[];
  if (body.includes(',')) {
    parts = body.split(',').map((part) => part.trim());
  } else {
    const [main = '', alpha, extra] = body.split('/');
    if (extra !== undefined) return null;
    parts = main.trim().split(/\s+/);
    if (parts.length !== 3) return null;
    if (alpha !== undefined) parts.push(alpha.trim());
  }
  if (parts.length !== 3 && parts.length !== 4) return null;
  const tokens = parts.map((part) => NUMBER.exec(part));
  if (tokens.some((t) => !t)) return null;
  const value = (i: number): [number, string] => [Number(tokens[i]?.[1] ?? 0), tokens[i]?.[2] ?? ''];
  const unitless = (i: number, scale: number): number | null => {
    const [v, unit] = value(i);
    return unit === '%' ? (v / 100) * scale : unit ? null : v;
  };
  const alpha = parts.length === 4 ? unitless(3, 1) : 1;
  if (alpha === null) return null;
  const a = clamp(alpha, 0, 1);
  if (name.startsWith('rgb')) {
    const [r, g, b] = [0, 1, 2].map((i) => unitless(i, 255));
    if (r == null || g == null || b == null) return null;
    return { r: clamp(r, 0, 255), g: clamp(g, 0, 255), b: clamp(b, 0, 255), a };
  }
  const [hue, unit] = value(0);
  const sat = unitless(1, 100);
  const light = unitless(2, 100);
  if (unit === '%' || sat === null || light === null) return null;
  return { ...hslToRgb(hue * (TURN[unit] ?? 1), clamp(sat, 0, 100), clamp(light, 0, 100)), a };
}

/** HSL (degrees, percent, percent) to RGB channels 0–255. */
export function hslToRgb(h: number, s: number, l: number): Omit<Rgba, 'a'> {
  const hue = ((h % 360) + 360) % 360;
  const sat = s / 100;
  const lig = l / 100;
  const f = (n: number): number => {
    const k = (n + hue / 30) % 12;
    return 255 * (lig - sat * Math.min(lig, 1 - lig) * Math.max(-1, Math.min(k - 3, 9 - k, 1)));
  };
  return { r: f(0), g: f(8), b: f(4) };
}

/** Serializes a colour as `#rrggbb` when opaque, else `rgb(r g b / a)`; the only way colours reach CSS. */
export function formatColor(c: Rgba): string {
  const channels = [c.r, c.g, c.b].map((v) => Math.round(clamp(v, 0, 255)));
  const a = Math.round(clamp(c.a, 0, 1) * 1000) / 1000;
  if (a >= 1) return `#${channels.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
  return `rgb(${channels.join(' ')} / ${a})`;
}

/** Linear interpolation from `from` (t = 0) to `to` (t = 1), alpha included. */
export function mixColors(from: Rgba, to: Rgba, t: number): Rgba {
  const mix = (x: number, y: number): number => x + (y - x) * t;
  return { r: mix(from.r, to.r), g: mix(from.g, to.g), b: mix(from.b, to.b), a: mix(from.a, to.a) };
}

/** Paints `top` over an opaque `bottom` (source-over), giving an opaque colour. */
export function compositeOver(top: Rgba, bottom: Rgba): Rgba {
  return { ...mixColors(bottom, top, top.a), a: 1 };
}

/** WCAG 2 relative luminance of the opaque colour. */
export function relativeLuminance(c: Rgba): number {
  const lin = (v: number): number => {
    const x = clamp(v, 0, 255) / 255;
    return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

/** WCAG 2 contrast ratio (1–21) between two opaque colours. */
export function contrastRatio(x: Rgba, y: Rgba): number {
  const [a, b] = [relativeLuminance(x), relativeLuminance(y)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}
