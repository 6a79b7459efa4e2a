// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { WidgetComponent } from '../../../src/protocol/widgets.ts';
import { card, mount, type Mounted } from './mount.tsx';

let m: Mounted;
afterEach(() => m.unmount());

const data = [
  { month: 'jan', sales: 10, costs: 4, trend: 6 },
  { month: 'feb', sales: 20, costs: 8, trend: 9 },
  { month: 'mar', sales: 15, costs: '6', trend: 12 },
];
const chart = (extra: Record<string, unknown> = {}): WidgetComponent =>
  card({
    type: 'Chart',
    data,
    xAxis: { dataKey: 'month', labels: { jan: 'January' } },
    series: [
      { type: 'bar', label: 'Sales', dataKey: 'sales', color: 'green' },
      { type: 'bar', label: 'Costs', dataKey: 'costs', color: { light: '#ff0000', dark: '#00ff00' } },
      { type: 'line', label: 'Trend', dataKey: 'trend', curveType: 'natural' },
    ],
    showYAxis: true,
    ...extra,
  });

describe('Chart', () => {
  it('draws one rect per bar value, one path per line, a legend and x labels', () => {
    m = mount(chart());
    expect(m.$$('rect.ck-w-bar').length).toBe(6);
    expect(m.$$('path.ck-w-line').length).toBe(1);
    expect(m.$$('rect.ck-w-bar').map((r) => r.getAttribute('style'))).toEqual([
      ...Array(3).fill('fill: var(--ck-series-green, var(--ck-success));'),
      ...Array(3).fill('fill: #ff0000;'),
    ]);
    expect(m.$('path.ck-w-line').getAttribute('style')).toBe('stroke: var(--ck-series-orange, var(--ck-warning));');
    expect(m.$$('.ck-w-legend li').map((li) => li.textContent)).toEqual(['Sales', 'Costs', 'Trend']);
    expect(m.$$('.ck-w-xaxis span').map((s) => [s.textContent, s.style.left])).toEqual([
      ['January', '16.67%'],
      ['feb', '50%'],
      ['mar', '83.33%'],
    ]);
    expect(m.$$('.ck-w-ytick').map((t) => t.textContent)).toEqual(['0', '5', '10', '15', '20']);
    expect(m.$('figure').className).toBe('ck-w-chart ck-w-has-y');
  });

  it('hides the legend, y axis and x axis on request and sizes the plot', () => {
    m = mount(chart({ showLegend: false, showYAxis: false, xAxis: { dataKey: 'month', hide: true }, height: 120, width: '50%' }));
    expect([m.$$('.ck-w-legend').length, m.$$('.ck-w-ytick').length, m.$$('.ck-w-xaxis').length]).toEqual([0, 0, 0]);
    expect([m.$('.ck-w-plot').style.height, m.$('figure').style.width, m.$('figure').style.height]).toEqual(['120px', '50%', '']);
  });

  it('stacks areas sharing a stack and fills each', () => {
    m = mount(card({ type: 'Chart', data, xAxis: 'month', series: [{ type: 'area', label: 'A', dataKey: 'sales', stack: 1 }, { type: 'area', label: 'B', dataKey: 'costs', stack: 1, curveType: 'step' }] }));
    expect(m.$$('path.ck-w-area').length).toBe(2);
    expect(m.$$('path.ck-w-line').length).toBe(2);
    expect(m.$$('.ck-w-ytick').length).toBe(0);
  });

  it('has a visually hidden data table and a labelled, focusable plot', () => {
    m = mount(chart());
    const plot = m.$('.ck-w-plot');
    expect([plot.getAttribute('tabindex'), plot.getAttribute('role'), plot.getAttribute('aria-label')]).toEqual(['0', 'group', 'Sales, Costs, Trend']);
    const rows = m.$$('table.ck-w-sr tr').map((tr) => [...tr.children].map((c) => c.textContent));
    expect(rows).toEqual([
      ['month', 'Sales', 'Costs', 'Trend'],
      ['January', '10', '4', '6'],
      ['feb', '20', '8', '9'],
      ['mar', '15', '6', '12'],
    ]);
  });

  it('shows the datum in a tooltip on focus and moves it with the arrow keys', () => {
    m = mount(chart());
    const plot = m.$('.ck-w-plot');
    act(() => void plot.dispatchEvent(new FocusEvent('focus')));
    const tip = () => m.$$('.ck-w-tooltip').map((t) => [...t.children].map((c) => c.textContent));
    expect(tip()).toEqual([['January', 'Sales: 10', 'Costs: 4', 'Trend: 6']]);
    act(() => void plot.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true })));
    expect(tip()).toEqual([['mar', 'Sales: 15', 'Costs: 6', 'Trend: 12']]);
    act(() => void plot.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true })));
    expect(tip()).toEqual([['feb', 'Sales: 20', 'Costs: 8', 'Trend: 9']]);
    expect(m.$('.ck-w-tooltip').getAttribute('role')).toBe('status');
    act(() => void plot.dispatchEvent(new FocusEvent('blur')));
    expect(tip()).toEqual([]);
  });

  it('follows the pointer across the categories', () => {
    m = mount(chart({ showTooltip: true }));
    const plot = m.$('.ck-w-plot');
    plot.getBoundingClientRect = () => ({ left: 100, width: 300, top: 0, height: 200, right: 400, bottom: 200, x: 100, y: 0, toJSON: () => ({}) });
    act(() => void plot.dispatchEvent(new MouseEvent('mousemove', { clientX: 350, bubbles: true })));
    expect(m.$('.ck-w-tooltip strong').textContent).toBe('mar');
    act(() => void plot.dispatchEvent(new MouseEvent('mouseleave')));
    expect(m.$$('.ck-w-tooltip').length).toBe(0);
  });
});
