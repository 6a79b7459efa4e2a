import { describe, expect, it } from 'vitest';
import { contrastRatio, formatColor, parseColor } from '../../../src/config/color.ts';

const rgba = (r: number, g: number, b: number, a = 1) => ({ r, g, b, a });
const formatted = (s: string): string | null => {
  const c = parseColor(s);
  return c ? formatColor(c) : null;
};

describe('parseColor', () => {
  it('parses every hex form', () => {
    expect(parseColor('#f00')).toEqual(rgba(255, 0, 0));
    expect(parseColor('#f008')).toEqual(rgba(255, 0, 0, 136 / 255));
    expect(parseColor('#10A37F')).toEqual(rgba(16, 163, 127));
    expect(parseColor('#10a37f80')).toEqual(rgba(16, 163, 127, 128 / 255));
  });

  it('parses rgb() and rgba() in comma and space syntax, with percentages', () => {
    expect(parseColor('rgb(16, 163, 127)')).toEqual(rgba(16, 163, 127));
    expect(parseColor('rgba(16,163,127,0.5)')).toEqual(rgba(16, 163, 127, 0.5));
    expect(parseColor('rgb(16 163 127)')).toEqual(rgba(16, 163, 127));
    expect(parseColor('rgb(16 163 127 / 25%)')).toEqual(rgba(16, 163, 127, 0.25));
    expect(parseColor('rgb(100%, 0%, 50%)')).toEqual(rgba(255, 0, 127.5));
    expect(parseColor('RGBA(300, -5, 0, 2)')).toEqual(rgba(255, 0, 0, 1));
  });

  it('parses hsl() and hsla() with angle units', () => {
    expect(formatted('hsl(120, 100%, 25%)')).toBe('#008000');
    expect(formatted('hsl(0.5turn 100% 50%)')).toBe('#00ffff');
    expect(formatted('hsla(240deg, 100%, 50%, 0.5)')).toBe('rgb(0 0 255 / 0.5)');
    expect(formatted('hsl(240 100% 50% / 50%)')).toBe('rgb(0 0 255 / 0.5)');
  });

  it('parses named colours, both gray spellings and transparent, ignoring case and outer spaces', () => {
    expect(parseColor('RebeccaPurple')).toEqual(rgba(102, 51, 153));
    expect(parseColor(' lightgoldenrodyellow ')).toEqual(rgba(250, 250, 210));
    expect(parseColor('darkslategrey')).toEqual(rgba(47, 79, 79));
    expect(parseColor('yellowgreen')).toEqual(rgba(154, 205, 50));
    expect(parseColor('aliceblue')).toEqual(rgba(240, 248, 255));
    expect(parseColor('transparent')).toEqual(rgba(0, 0, 0, 0));
  });

  it('rejects malformed colours', () => {
    for (const bad of ['', '#', '#12', '#12345', '#1234567', '#ggg', 'rgb()', 'rgb(1, 2)', 'rgb(1 2 3 4)', 'rgb(1, 2 3)',
      'rgb(1 2 3 / 4 / 5)', 'rgb(1deg 2 3)', 'hsl(10% 50% 50%)', 'hsl(10 50% 50% / 1deg)', 'rgb(1. 2 3)', 'bluish', 'f0f8ff',
      'currentcolor', 'rgb(none 0 0)', 'color(srgb 1 0 0)']) {
      expect(parseColor(bad), bad).toBeNull();
    }
  });

  it('rejects hostile strings that try to escape into CSS', () => {
    for (const bad of ['red;}body{x', 'red; background:url(x)', 'url(x)', 'expression(alert(1))', 'rgb(1,2,3);x:y',
      'rgb(1,2,3)) url(x', '#fff\\;', 'red/**/', 'red\nx', 'red !important', 'var(--x)', 'rgb(calc(1) 2 3)']) {
      expect(parseColor(bad), bad).toBeNull();
    }
  });

  it('rejects very long input (a catastrophic regex would time the test out)', () => {
    expect(parseColor(`rgb(${'1'.repeat(100_000)} 2 3)`)).toBeNull();
    expect(parseColor(`rgb(${'1 '.repeat(30)}`)).toBeNull();
    expect(parseColor(`#${'f'.repeat(1_000_000)}`)).toBeNull();
    expect(parseColor(' '.repeat(50) + 'red')).toEqual(rgba(255, 0, 0));
  });
});

describe('formatColor', () => {
  it('writes opaque colours as hex and translucent ones as rgb() with alpha, rounding and clamping', () => {
    expect(formatColor(rgba(16.4, 162.6, 127))).toBe('#10a37f');
    expect(formatColor(rgba(0, 0, 0, 0.12345))).toBe('rgb(0 0 0 / 0.123)');
    expect(formatColor(rgba(-20, 300, 255, 5))).toBe('#00ffff');
  });
});

describe('contrastRatio', () => {
  it('matches the WCAG reference values', () => {
    expect(contrastRatio(rgba(0, 0, 0), rgba(255, 255, 255))).toBe(21);
    expect(contrastRatio(rgba(118, 118, 118), rgba(255, 255, 255))).toBeCloseTo(4.54, 2);
    expect(contrastRatio(rgba(10, 10, 10), rgba(10, 10, 10))).toBe(1);
  });
});
