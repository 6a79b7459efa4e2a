import { describe, expect, it } from 'vitest';
import { compositeOver, contrastRatio, parseColor, type Rgba } from '../../../src/config/color.ts';
import { resolveOptions } from '../../../src/config/resolve.ts';
import type { ResolvedTheme } from '../../../src/config/resolved.ts';
import { themeVariables } from '../../../src/config/theme.ts';
import type { ColorOption, ThemeOption } from '../../../src/config/types.ts';

function themeOf(theme: ThemeOption | 'light' | 'dark'): ResolvedTheme {
  const { options, errors } = resolveOptions({ api: { url: '/ck' }, theme });
  expect(errors).toEqual([]);
  return options.theme;
}

function color(value: string | undefined): Rgba {
  const parsed = value === undefined ? null : parseColor(value);
  if (!parsed) throw new Error(`not a colour: ${String(value)}`);
  return parsed;
}

/** Contrast of a text colour on a (possibly translucent) surface painted over the background. */
function contrastOn(vars: Record<string, string>, text: string, surface: string, bg: Rgba): number {
  return contrastRatio(color(vars[text]), compositeOver(color(vars[surface]), bg));
}

const NEUTRAL_KEYS = [
  '--ck-bg',
  '--ck-fg',
  '--ck-fg-secondary',
  '--ck-fg-tertiary',
  '--ck-surface-2',
  '--ck-surface-3',
  '--ck-border',
  '--ck-border-strong',
  '--ck-input-border',
  '--ck-focus',
];
const ACCENT_KEYS = ['--ck-accent', '--ck-accent-hover', '--ck-accent-fg', '--ck-accent-soft'];
const WHITE = { r: 255, g: 255, b: 255, a: 1 };
const DARK_BASE = { r: 33, g: 33, b: 33, a: 1 };

describe('themeVariables', () => {
  it('emits nothing for the defaults: the stylesheet already has them', () => {
    expect(themeVariables(themeOf('light'))).toEqual({ colorScheme: 'light', vars: {} });
    expect(themeVariables(themeOf('dark'))).toEqual({ colorScheme: 'dark', vars: {} });
  });

  it('maps radius, density, base size and fonts', () => {
    const theme = themeOf({
      radius: 'sharp',
      density: 'spacious',
      typography: { baseSize: 17, fontFamily: "'Open Sans', system-ui", fontFamilyMono: 'Fira Code' },
    });
    expect(themeVariables(theme).vars).toEqual({
      '--ck-radius': '2px',
      '--ck-radius-control': '2px',
      '--ck-space': '5px',
      '--ck-font-size': '1.0625rem',
      '--ck-font': '"Open Sans", system-ui',
      '--ck-font-mono': '"Fira Code"',
    });
    expect(themeVariables(themeOf({ radius: 'round', density: 'compact' })).vars).toEqual({
      '--ck-radius': '16px',
      '--ck-radius-control': '12px',
      '--ck-space': '3px',
    });
  });

  it('derives only the accent palette from an accent', () => {
    const { vars } = themeVariables(themeOf({ color: { accent: { primary: '#10a37f', level: 1 } } }));
    expect(Object.keys(vars)).toEqual(ACCENT_KEYS);
    expect(vars['--ck-accent']).toBe('#10a37f');
    expect(vars['--ck-accent-fg']).toBe('#000000');
    expect(vars['--ck-accent-soft']).toBe('rgb(16 163 127 / 0.1)');
    expect(vars['--ck-accent-hover']).toBe('#2dae8e');
  });

  it('tints soft surfaces more strongly as the accent level rises', () => {
    const soft = [0, 1, 2, 3].map((level) =>
      themeVariables(themeOf({ color: { accent: { primary: 'navy', level: level as 0 | 1 | 2 | 3 } } })).vars['--ck-accent-soft'],
    );
    expect(soft).toEqual(['rgb(0 0 128 / 0.06)', 'rgb(0 0 128 / 0.1)', 'rgb(0 0 128 / 0.16)', 'rgb(0 0 128 / 0.24)']);
  });

  it('puts readable text on any accent, in both schemes', () => {
    for (const scheme of ['light', 'dark'] as const) {
      const primaries = ['#10a37f', 'yellow', 'navy', '#808080', '#767676', 'hsl(200 100% 45%)', 'rgb(255 0 0 / 50%)'];
      for (const primary of [...primaries, 'black', 'white']) {
        const { vars } = themeVariables(themeOf({ colorScheme: scheme, color: { accent: { primary, level: 3 } } }));
        expect(contrastRatio(color(vars['--ck-accent-fg']), color(vars['--ck-accent'])), primary).toBeGreaterThanOrEqual(4.5);
        expect(contrastRatio(color(vars['--ck-accent-fg']), color(vars['--ck-accent-hover'])), primary).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it('flattens a translucent accent over the scheme background', () => {
    const { vars } = themeVariables(themeOf({ color: { accent: { primary: 'rgb(255 0 0 / 50%)', level: 0 } } }));
    expect(vars['--ck-accent']).toBe('#ff8080');
  });

  it('derives a hue-tinted gray ramp from grayscale, lighter or darker by shade', () => {
    const light = themeVariables(themeOf({ color: { grayscale: { hue: 220, tint: 6 } } })).vars;
    expect(Object.keys(light)).toEqual(NEUTRAL_KEYS);
    const bg = color(light['--ck-bg']);
    expect(bg.b).toBeGreaterThan(bg.r);
    const darker = color(themeVariables(themeOf({ color: { grayscale: { hue: 220, tint: 6, shade: 4 } } })).vars['--ck-bg']);
    expect(darker.r + darker.g + darker.b).toBeLessThan(bg.r + bg.g + bg.b);
    const neutral = color(themeVariables(themeOf({ color: { grayscale: { hue: 220, tint: 0 } } })).vars['--ck-bg']);
    expect(neutral.r).toBe(neutral.b);
  });

  it('uses surface colours for bg and fg and derives the surfaces between them', () => {
    const { vars } = themeVariables(themeOf({ color: { surface: { background: '#fdf6e3', foreground: '#073642' } } }));
    expect(vars['--ck-bg']).toBe('#fdf6e3');
    expect(vars['--ck-fg']).toBe('#073642');
    expect(Object.keys(vars)).toEqual(NEUTRAL_KEYS);
  });

  it('keeps input borders and the focus ring at 3:1 on a custom background (WCAG 1.4.11)', () => {
    for (const surface of [
      { background: '#fdf6e3', foreground: '#073642' },
      { background: '#1e3a8a', foreground: '#f8fafc' },
      { background: '#2e6fd8', foreground: '#ffffff' },
    ]) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const { vars } = themeVariables(themeOf({ colorScheme, color: { surface } }));
        const bg = color(vars['--ck-bg']);
        expect(contrastRatio(color(vars['--ck-input-border']), bg)).toBeGreaterThanOrEqual(3);
        expect(contrastRatio(color(vars['--ck-focus']), bg)).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('lets surface colours win over grayscale', () => {
    const surface = { background: 'white', foreground: 'black' };
    const { vars } = themeVariables(themeOf({ color: { grayscale: { hue: 0, tint: 9 }, surface } }));
    expect(vars['--ck-bg']).toBe('#ffffff');
    expect(vars['--ck-fg']).toBe('#000000');
  });

  it('keeps every text colour at 4.5:1 on the background and surfaces, in both schemes', () => {
    const themes: ThemeOption[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const shade of [-4, 0, 4] as const) {
        for (const tint of [0, 5, 9] as const) {
          themes.push({ colorScheme, color: { grayscale: { hue: 30, tint, shade }, accent: { primary: '#5b5bd6', level: 3 } } });
        }
      }
      themes.push({ colorScheme, color: { surface: { background: '#777777', foreground: '#888888' } } });
      const dim = { background: '#1e1e2e', foreground: '#45475a' };
      themes.push({ colorScheme, color: { surface: dim, accent: { primary: 'gold', level: 3 } } });
      themes.push({ colorScheme, color: { surface: { background: 'rgb(255 255 255 / 0.2)', foreground: 'rgb(0 0 0 / 0.3)' } } });
    }
    for (const theme of themes) {
      const { vars } = themeVariables(themeOf(theme));
      const bg = color(vars['--ck-bg']);
      const label = JSON.stringify(theme);
      for (const text of ['--ck-fg', '--ck-fg-secondary', '--ck-fg-tertiary']) {
        for (const surface of ['--ck-bg', '--ck-surface-2', '--ck-surface-3']) {
          expect(contrastOn(vars, text, surface, bg), `${label} ${text} on ${surface}`).toBeGreaterThanOrEqual(4.5);
        }
      }
      if (vars['--ck-accent-soft']) expect(contrastOn(vars, '--ck-fg', '--ck-accent-soft', bg), label).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('raises a low-contrast foreground until it is readable', () => {
    const { vars } = themeVariables(themeOf({ color: { surface: { background: '#777777', foreground: '#888888' } } }));
    expect(vars['--ck-bg']).toBe('#777777');
    expect(vars['--ck-fg']).not.toBe('#888888');
    expect(contrastRatio(color(vars['--ck-fg']), color(vars['--ck-bg']))).toBeGreaterThanOrEqual(4.5);
  });

  it('flattens a translucent surface over the scheme base', () => {
    const half = themeVariables(themeOf({ color: { surface: { background: 'rgb(0 0 0 / 0.5)', foreground: 'white' } } }));
    expect(half.vars['--ck-bg']).toBe('#808080');
    const clear = { background: 'transparent', foreground: 'white' };
    const dark = themeVariables(themeOf({ colorScheme: 'dark', color: { surface: clear } }));
    expect(color(dark.vars['--ck-bg'])).toEqual(DARK_BASE);
    expect(compositeOver(color('rgb(0 0 0 / 0)'), WHITE)).toEqual(WHITE);
  });

  it('only ever emits colours in our own format', () => {
    const color: ColorOption = { grayscale: { hue: 300, tint: 3 }, accent: { primary: 'HSL(300 50% 40%)', level: 2 } };
    const { vars } = themeVariables(themeOf({ colorScheme: 'dark', color }));
    for (const [name, value] of Object.entries(vars)) {
      expect(value, name).toMatch(/^(#[0-9a-f]{6}|rgb\(\d{1,3} \d{1,3} \d{1,3} \/ (0|0?\.\d{1,3}|1)\))$/);
    }
  });
});
