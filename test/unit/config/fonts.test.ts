import { describe, expect, it } from 'vitest';
import {
  fontFaceDescriptors,
  isFontUrl,
  isUnicodeRange,
  normalizeFontWeight,
  serializeFontFamilies,
} from '../../../src/config/fonts.ts';
import { resolveOptions } from '../../../src/config/resolve.ts';

describe('serializeFontFamilies', () => {
  it('quotes family names and leaves generic keywords bare', () => {
    expect(serializeFontFamilies("Inter, 'Helvetica Neue',  \"Segoe UI\" , Sans-Serif")).toBe(
      '"Inter", "Helvetica Neue", "Segoe UI", sans-serif',
    );
    expect(serializeFontFamilies('Source   Code Pro, ui-monospace')).toBe('"Source Code Pro", ui-monospace');
    expect(serializeFontFamilies('"Noto Sans JP", "M+ 1p"')).toBe('"Noto Sans JP", "M+ 1p"');
    expect(serializeFontFamilies('"serif"')).toBe('"serif"');
  });

  it('rejects anything that is not a plain list of family names', () => {
    for (const bad of ['', 'Inter,', ', Inter', 'Inter; color: red', 'a{b}', 'url(x)', 'expression(alert(1))', '<b>', '"Inter',
      '"In"ter"', "'a\"b'", 'a\\62', '2Font', 'Inter !important', 'var(--x)', 'x'.repeat(501)]) {
      expect(serializeFontFamilies(bad), bad).toBeNull();
    }
  });
});

describe('font source checks', () => {
  it('accepts https and relative URLs only', () => {
    for (const good of ['https://cdn.example.com/f.woff2', '/fonts/f.woff2', 'fonts/f.woff2', '../f.woff2']) {
      expect(isFontUrl(good), good).toBe(true);
    }
    for (const bad of ['http://x.com/f', 'data:font/woff2;base64,AA', 'javascript:x', '//cdn.example.com/f', '', '/a b',
      '/a".woff', '/a)\\']) {
      expect(isFontUrl(bad), bad).toBe(false);
    }
  });

  it('checks unicode ranges and weights', () => {
    expect(isUnicodeRange('U+0000-00FF, U+0131, u+4??')).toBe(true);
    expect(isUnicodeRange('U+0000-00FF; x')).toBe(false);
    expect([400, '700', 'Bold', '100  900', 1000].map(normalizeFontWeight)).toEqual(['400', '700', 'bold', '100 900', '1000']);
    expect([0, 1001, NaN, 'heavy', '100 200 300', '400;'].map(normalizeFontWeight)).toEqual([null, null, null, null, null, null]);
  });

  it('reports a bad font source and keeps the good ones', () => {
    const { options, errors } = resolveOptions({
      api: { url: '/ck' },
      theme: {
        typography: {
          fontSources: [
            { family: 'Inter', src: 'http://x/a.woff2' },
            { family: 'Inter', src: '/b.woff2', weight: 'heavy' },
            { family: 'Inter', src: '/c.woff2', display: 'swap' },
          ],
        },
      },
    });
    expect(errors.map((e) => e.message)).toEqual([
      'theme.typography.fontSources[0].src: expected an https or relative URL, received "http://x/a.woff2"',
      'theme.typography.fontSources[1].weight: expected a font weight such as 400, "bold" or "100 900", received "heavy"',
    ]);
    expect(options.theme.typography.fontSources).toEqual([
      { family: 'Inter', src: '/b.woff2' },
      { family: 'Inter', src: '/c.woff2', display: 'swap' },
    ]);
  });
});

describe('fontFaceDescriptors', () => {
  it('resolves sources against the host page and builds FontFace arguments', () => {
    expect(
      fontFaceDescriptors(
        [
          {
            family: 'Inter',
            src: '/fonts/inter.woff2',
            weight: '100 900',
            style: 'italic',
            display: 'swap',
            unicodeRange: 'U+0000-00FF',
          },
          { family: 'Open Sans', src: 'https://cdn.example.com/open sans.woff2' },
        ],
        'https://host.example/page',
      ),
    ).toEqual([
      {
        family: 'Inter',
        src: 'url("https://host.example/fonts/inter.woff2")',
        descriptors: { weight: '100 900', style: 'italic', display: 'swap', unicodeRange: 'U+0000-00FF' },
      },
      { family: 'Open Sans', src: 'url("https://cdn.example.com/open%20sans.woff2")', descriptors: {} },
    ]);
  });

  it('skips sources that cannot be resolved or are not http(s), and never lets a quote through', () => {
    expect(fontFaceDescriptors([{ family: 'A', src: '/a.woff2' }])).toEqual([]);
    expect(fontFaceDescriptors([{ family: 'A', src: 'data:x' }], 'https://h.example/')).toEqual([]);
    const [spec] = fontFaceDescriptors([{ family: 'A', src: '/a".woff2?q="x")' }], 'https://h.example/');
    expect(spec?.src).toBe('url("https://h.example/a%22.woff2?q=%22x%22)")');
  });
});
