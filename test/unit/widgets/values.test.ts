import { describe, expect, it } from 'vitest';
import { applyBlock, applyBorder, applySpacing, boxProps, type Style } from '../../../src/widgets/block-style.ts';
import { resolveColor } from '../../../src/widgets/colors.ts';
import { readAspectRatio, readFlex, readLength, readPattern, readSpace } from '../../../src/widgets/values.ts';

describe('readLength and readSpace', () => {
  it('turns numbers into pixels and spacing units into 4px steps', () => {
    expect([readLength(12), readLength(0.5), readSpace(2), readSpace(0.5)]).toEqual(['12px', '0.5px', '8px', '2px']);
  });

  it('accepts plain lengths in CSS units and auto, rebuilt from their numbers', () => {
    expect(['50%', '1.5rem', '2em', '010px', 'auto', '40vh', '100vw', '30ch', '50dvh'].map((v) => readLength(v))).toEqual(['50%', '1.5rem', '2em', '10px', 'auto', '40vh', '100vw', '30ch', '50dvh']);
  });

  it('accepts calc(), min(), max() and clamp() made of lengths, numbers and operators only', () => {
    const ok = ['calc(100% - 16px)', 'min(50vw, 320px)', 'clamp(120px, 40vh, 30rem)', 'calc((100% - 2 * 8px) / 3)', 'max(1em, calc(2px + 1vh))'];
    expect(ok.map((v) => readLength(v))).toEqual(ok);
    const bad = ['calc(100% - var(--x))', 'calc(url(x))', 'calc(1px', 'calc(1px))(', 'calc(1px);color:red', 'calc("1px")', 'attr(x)', 'calc(1foo)', `calc(${'1px + '.repeat(50)}1px)`];
    expect(bad.map((v) => readLength(v))).toEqual(bad.map(() => undefined));
  });

  it('reads padding and margin shorthands of one to four lengths', () => {
    const style: Style = {};
    applySpacing(style, 'padding', '8px calc(1em + 2px) 4px 10%');
    expect(style).toEqual({ padding: '8px calc(1em + 2px) 4px 10%', '--ck-w-pad-l': '10%', '--ck-w-pad-r': 'calc(1em + 2px)' });
    const two: Style = {};
    applySpacing(two, 'padding', '0 24px');
    expect(two).toEqual({ padding: '0 24px', '--ck-w-pad-l': '24px', '--ck-w-pad-r': '24px' });
    const margin: Style = {};
    applySpacing(margin, 'margin', '4px 8px 12px');
    expect(margin).toEqual({ margin: '4px 8px 12px' });
    for (const bad of ['1px 2px 3px 4px 5px', '1px red', '', '1px;x:y']) {
      const s: Style = {};
      applySpacing(s, 'padding', bad);
      expect(s).toEqual({});
    }
  });

  it('drops NaN, Infinity, negatives, huge values, other functions and CSS injection', () => {
    const bad = [NaN, Infinity, -Infinity, -4, 1e9, '1e9px', '100000px', 'expression(alert(1))', '1px;color:red', '12', 'url(x)', {}, null, true];
    expect(bad.map((v) => readLength(v))).toEqual(bad.map(() => undefined));
    expect(readSpace(1e9)).toBeUndefined();
  });
});

describe('other readers', () => {
  it('reads aspect ratios, flex values and compilable patterns only', () => {
    expect([readAspectRatio(1.5), readAspectRatio('16/9'), readAspectRatio('16 / 0'), readAspectRatio('1;x')]).toEqual(['1.5', '16 / 9', undefined, undefined]);
    expect([readFlex(1), readFlex('2'), readFlex('auto'), readFlex('1 1 0'), readFlex(-1)]).toEqual(['1', '2', 'auto', undefined, undefined]);
    expect([readPattern('[0-9]+'), readPattern('(['), readPattern(5)]).toEqual(['[0-9]+', undefined, undefined]);
  });
});

describe('resolveColor', () => {
  it('maps text, surface, border and series tokens to --ck variables', () => {
    expect(['prose', 'secondary', 'danger', 'surface-elevated-secondary', 'subtle', 'blue'].map((c) => resolveColor(c, 'light'))).toEqual([
      'var(--ck-fg)',
      'var(--ck-fg-secondary)',
      'var(--ck-danger)',
      'var(--ck-surface-elevated-2, var(--ck-surface-2))',
      'var(--ck-border-subtle, var(--ck-border))',
      'var(--ck-series-blue, var(--ck-info))',
    ]);
  });

  it('maps primitive tokens and re-serializes CSS colours', () => {
    expect([resolveColor('red-100', 'light'), resolveColor('gray-500', 'dark'), resolveColor('#ABC', 'light'), resolveColor('rgba(0,0,0,.5)', 'light')]).toEqual([
      'var(--ck-red-100)',
      'var(--ck-gray-500)',
      '#aabbcc',
      'rgb(0 0 0 / 0.5)',
    ]);
  });

  it('picks the ThemeColor side of the scheme in force', () => {
    const theme = { light: 'blue-100', dark: '#000' };
    expect([resolveColor(theme, 'light'), resolveColor(theme, 'dark')]).toEqual(['var(--ck-blue-100)', '#000000']);
  });

  it('drops everything that is not a colour', () => {
    const bad = ['red;}body{x', 'url(javascript:alert(1))', 'expression(alert(1))', 'var(--x)', 'red-150', 'constructor', '__proto__', { light: { light: 'red' } }, 5, null];
    expect(bad.map((c) => resolveColor(c, 'light'))).toEqual(bad.map(() => undefined));
  });
});

describe('block and box styles', () => {
  it('maps sizing, radius, margin and flex', () => {
    expect(applyBlock({}, { type: 'Box', size: 40, minWidth: '50%', maxHeight: 'auto', aspectRatio: 2, radius: 'full', margin: 1, flex: 1 })).toEqual({
      width: '40px',
      height: '40px',
      minWidth: '50%',
      maxHeight: 'auto',
      aspectRatio: '2',
      borderRadius: '9999px',
      margin: '4px',
      flex: '1',
    });
  });

  it('expands Spacing objects with x/y and explicit sides winning', () => {
    const style: Style = {};
    applySpacing(style, 'padding', { x: 2, y: '1rem', top: 0 });
    expect(style).toEqual({ paddingTop: '0px', paddingRight: '8px', paddingBottom: '1rem', paddingLeft: '8px', '--ck-w-pad-l': '8px', '--ck-w-pad-r': '8px' });
  });

  it('builds borders from numbers, Border and Borders', () => {
    const a: Style = {};
    const b: Style = {};
    const c: Style = {};
    applyBorder(a, 1, 'light');
    applyBorder(b, { size: 2, style: 'dashed', color: 'strong' }, 'light');
    applyBorder(c, { top: 1, x: { size: 3, color: 'red;}x', style: 'evil' } }, 'light');
    expect([a, b, c]).toEqual([
      { borderWidth: '1px', borderStyle: 'solid', borderColor: 'var(--ck-border)' },
      { borderWidth: '2px', borderStyle: 'dashed', borderColor: 'var(--ck-border-strong)' },
      {
        borderTopWidth: '1px', borderTopStyle: 'solid', borderTopColor: 'var(--ck-border)',
        borderRightWidth: '3px', borderRightStyle: 'solid', borderRightColor: 'var(--ck-border)',
        borderLeftWidth: '3px', borderLeftStyle: 'solid', borderLeftColor: 'var(--ck-border)',
      },
    ]);
  });

  it('maps BoxBaseProps to exact classes and styles', () => {
    expect(boxProps({ type: 'Row', align: 'center', justify: 'between', wrap: 'wrap', gap: 3, padding: 4, background: 'surface-secondary' }, 'light', 'row')).toEqual({
      class: 'ck-w-box ck-w-row ck-w-align-center ck-w-justify-between ck-w-wrap',
      style: { gap: '12px', padding: '16px', '--ck-w-pad-l': '16px', '--ck-w-pad-r': '16px', background: 'var(--ck-surface-2)' },
    });
    expect(boxProps({ type: 'Row', align: 'sideways', justify: 'x y', gap: Infinity }, 'light', 'col')).toEqual({ class: 'ck-w-box ck-w-col', style: {} });
  });
});
