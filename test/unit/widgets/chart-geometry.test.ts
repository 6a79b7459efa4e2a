import { describe, expect, it } from 'vitest';
import { curveSegments, layoutChart, niceTicks, readCurve, type SeriesSpec } from '../../../src/widgets/chart-geometry.ts';

const spec = (type: SeriesSpec['type'], extra: Partial<SeriesSpec> = {}): SeriesSpec => ({ type, label: type, dataKey: type, color: 'x', curve: 'linear', ...extra });

describe('readCurve', () => {
  it('maps every ChatKit curve type to the nearest implemented one', () => {
    const names = ['basis', 'basisClosed', 'basisOpen', 'bumpX', 'bumpY', 'bump', 'linear', 'linearClosed', 'natural', 'monotoneX', 'monotoneY', 'monotone', 'step', 'stepBefore', 'stepAfter', 'weird', 7];
    expect(names.map(readCurve)).toEqual([
      'monotone', 'monotone', 'monotone', 'bump', 'bump', 'bump', 'linear', 'linear', 'monotone', 'monotone', 'monotone', 'monotone', 'step', 'stepBefore', 'stepAfter', 'monotone', 'monotone',
    ]);
  });
});

describe('curveSegments', () => {
  const pts: [number, number][] = [[0, 0], [10, 10], [20, 0]];
  it('draws linear, step and bump segments exactly', () => {
    expect(curveSegments(pts, 'linear')).toBe(' L10 10 L20 0');
    expect(curveSegments(pts, 'step')).toBe(' L5 0 L5 10 L10 10 L15 10 L15 0 L20 0');
    expect(curveSegments(pts, 'stepAfter')).toBe(' L10 0 L10 10 L20 10 L20 0');
    expect(curveSegments(pts, 'stepBefore')).toBe(' L0 10 L10 10 L10 0 L20 0');
    expect(curveSegments(pts, 'bump')).toBe(' C5 0 5 10 10 10 C15 10 15 0 20 0');
  });

  it('draws monotone cubic segments that stay flat at a peak', () => {
    // The peak's tangent is 0, so both control points next to it share its y.
    expect(curveSegments(pts, 'monotone')).toBe(' C3.33 5 6.67 10 10 10 C13.33 10 16.67 5 20 0');
  });
});

describe('niceTicks', () => {
  it('covers the range with round steps including zero', () => {
    expect(niceTicks(0, 87)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(-12, 30)).toEqual([-20, 0, 20, 40]);
    expect(niceTicks(0, 0.3)).toEqual([0, 0.1, 0.2, 0.3]);
  });
});

describe('layoutChart', () => {
  it('groups unstacked bars side by side and stacks bars sharing a stack', () => {
    const series = [spec('bar', { dataKey: 'a' }), spec('bar', { dataKey: 'b', stack: 's' }), spec('bar', { dataKey: 'c', stack: 's' })];
    const out = layoutChart(series, [[10, 20], [5, 5], [5, 15]], 2, { bar: 0, category: 0 });
    expect(out.ticks).toEqual([0, 5, 10, 15, 20]);
    expect(out.bars.map((b) => [b.series, b.index, b.x, b.w, Math.round(b.y), Math.round(b.h)])).toEqual([
      [0, 0, 0, 150, 120, 120],
      [0, 1, 300, 150, 0, 240],
      [1, 0, 150, 150, 180, 60],
      [1, 1, 450, 150, 180, 60],
      [2, 0, 150, 150, 120, 60],
      [2, 1, 450, 150, 0, 180],
    ]);
  });

  it('stacks areas on each other and closes them along the lower series', () => {
    const series = [spec('area', { dataKey: 'a', stack: 'x' }), spec('area', { dataKey: 'b', stack: 'x' }), spec('line', { dataKey: 'c' })];
    const out = layoutChart(series, [[1, 1], [1, 3], [2, 2]], 2, {});
    expect(out.xs).toEqual([0, 600]);
    expect(out.areas.map((a) => a.d)).toEqual(['M0 180 L600 180 L600 240 L0 240 Z', 'M0 120 L600 0 L600 180 L0 180 Z']);
    expect(out.lines.map((l) => [l.series, l.d])).toEqual([[0, 'M0 180 L600 180'], [1, 'M0 120 L600 0'], [2, 'M0 120 L600 120']]);
  });
});
