// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { WidgetComponent } from '../../../src/protocol/widgets.ts';
import { MAX_RENDER_DEPTH } from '../../../src/widgets/render-node.tsx';
import { card, flush, mount, type Mounted } from './mount.tsx';
import { act } from 'preact/test-utils';

let m: Mounted;
afterEach(() => m.unmount());

const MARKERS = ['body{', '}', 'javascript:', 'expression(', 'url(', 'NaN', 'Infinity', '1000000000', 'evil'];
/** Every attribute of every element, so a test can assert nothing hostile reached the DOM. */
const allAttributes = (root: Element) => [root, ...root.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => `${el.tagName}[${a.name}]=${a.value}`));
const leaks = (root: Element) => allAttributes(root).filter((a) => MARKERS.some((x) => a.includes(x)));

describe('hostile props', () => {
  it('drops injected colours, lengths and enums everywhere, so no style carries input text', () => {
    const color = 'red;}body{x';
    m = mount({
      type: 'Card',
      background: color,
      border: { size: 'evil', color },
      padding: 'expression(alert(1))',
      size: 'evil',
      children: [
        { type: 'Text', value: 'x', color, width: 'expression(alert(1))', size: 'evil', weight: '}', maxLines: Infinity },
        { type: 'Box', gap: 1e9, padding: NaN, margin: { top: -Infinity, x: 'url(javascript:alert(1))' }, height: Infinity, width: NaN, radius: 'evil', background: { light: color, dark: color }, align: 'evil}', flex: 'url(x)', aspectRatio: '1/0', children: [] },
        { type: 'Divider', color: 'url(javascript:x)', size: 1e9, spacing: 'NaN' },
        { type: 'Icon', name: 'check', color: 'expression(x)' },
        { type: 'Badge', label: 'b', color: 'evil', variant: '}', size: 'NaN' },
        { type: 'Button', label: 'b', color: 'evil', variant: 'evil', size: 'evil', iconSize: 'evil' },
        { type: 'Spacer', minSize: 'calc(1e9px)' },
        { type: 'Table', children: [{ type: 'Table.Row', children: [{ type: 'Table.Cell', colSpan: Infinity, rowSpan: NaN, width: 'evil', align: 'evil', children: [] }] }] },
      ],
    });
    expect(leaks(m.container)).toEqual([]);
    expect(m.$$('[style]').map((el) => el.getAttribute('style'))).toEqual([]);
    expect(m.$('.ck-w-box').className).toBe('ck-w-box ck-w-col');
  });

  it('never renders javascript:, data:text/html or relative images without a base', () => {
    const sources = ['javascript:alert(1)', 'url(javascript:alert(1))', 'JaVaScRiPt:alert(1)', 'java\nscript:alert(1)', 'data:text/html,<script>x</script>', '/relative.png', 42];
    m = mount(card(...sources.map((src) => ({ type: 'Image', src }) as WidgetComponent), { type: 'Markdown', value: '[x](javascript:alert(1)) ![y](javascript:alert(2))' }));
    expect(m.$$('img').length).toBe(0);
    expect(m.$$('a[href]').length).toBe(0);
    expect(leaks(m.container)).toEqual([]);
  });

  it('renders nothing for unknown component types, including names of Object members', () => {
    const types = ['Script', 'iframe', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'ListViewItemX', ''];
    m = mount(card(...types.map((type) => ({ type, value: 'x', children: [{ type: 'Text', value: 'hidden' }] }) as WidgetComponent)));
    expect(m.$('.ck-w-card-content').innerHTML).toBe('');
  });

  it('skips children that are not nodes and tolerates wrongly typed props', () => {
    m = mount(
      card(
        { type: 'Row', children: [null, 5, 'text', [], { value: 'no type' }, { type: 'Text', value: 'kept' }] as unknown as WidgetComponent[] },
        { type: 'Select', name: 's', options: 'abc' },
        { type: 'RadioGroup', name: 'r', options: [null, { label: 'no value' }, { value: 'v', label: 'V' }] },
        { type: 'Chart', data: null, series: {} },
        { type: 'Text', value: { toString: 'x' } },
        { type: 'ListView', limit: -1, children: 'x' as unknown as WidgetComponent[] },
        { type: 'Input', name: { evil: true }, defaultValue: ['x'] },
      ),
    );
    expect(m.$('.ck-w-row').textContent).toBe('kept');
    expect(m.$$('[role=radiogroup] input').length).toBe(1);
    expect(m.$$('.ck-w-chart').length).toBe(0);
    expect([m.$<HTMLInputElement>('input.ck-w-field').name, m.$<HTMLInputElement>('input.ck-w-field').value]).toEqual(['', '']);
  });

  it('survives a tree nested far deeper than the render limit, drawing only the allowed depth', () => {
    let node: WidgetComponent = { type: 'Text', value: 'leaf' };
    for (let i = 0; i < 5000; i++) node = { type: 'Box', children: [node] };
    m = mount(card(node));
    // The card is depth 0, so boxes fill depths 1 to the limit.
    expect(m.$$('.ck-w-box').length).toBe(MAX_RENDER_DEPTH);
    expect(m.$$('p').length).toBe(0);
  });

  it('treats __proto__ keys from JSON as plain data and never pollutes Object.prototype', async () => {
    const widget = JSON.parse(
      '{"type":"Card","__proto__":{"asForm":true},"children":[{"type":"Form","onSubmitAction":{"type":"save","payload":{"__proto__":{"polluted":1}}},' +
        '"children":[{"type":"Input","name":"__proto__.polluted","defaultValue":"x"},{"type":"Input","name":"constructor.prototype.polluted","defaultValue":"y"},' +
        '{"type":"Input","name":"ok","defaultValue":"z"},{"type":"Button","label":"Save","submit":true}]}]}',
    ) as WidgetComponent;
    m = mount(widget);
    expect(m.$$('.ck-w-card-body')[0]?.tagName).toBe('DIV');
    act(() => m.$('button').click());
    await flush();
    const payload = m.onAction.mock.calls[0]?.[0].payload as Record<string, unknown>;
    expect(Object.keys(payload)).toEqual(['__proto__', 'ok']);
    expect(Object.getPrototypeOf(payload)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps hostile chart data out of the SVG', () => {
    m = mount(card({ type: 'Chart', xAxis: { dataKey: 'x', labels: { __proto__: 'evil' } }, data: [{ x: 'a', v: 'NaN' }, { x: 'b', v: Infinity }, { x: 'c', v: 1e300 }, { x: 'd', v: '5' }], series: [{ type: 'bar', dataKey: 'v', label: 'V', color: 'red;}body{x' }, { type: 'line', dataKey: 'v', label: 'L', curveType: 'evil' }] }));
    expect(leaks(m.container)).toEqual([]);
    expect(m.$$('rect.ck-w-bar').length).toBe(1);
    expect(m.$('rect.ck-w-bar').getAttribute('style')).toBe('fill: var(--ck-series-blue, var(--ck-info));');
  });

  it('turns a component that throws while rendering into nothing and keeps its siblings', () => {
    const broken = { type: 'Text' } as WidgetComponent;
    Object.defineProperty(broken, 'value', { get: () => { throw new Error('boom'); }, enumerable: true });
    m = mount(card({ type: 'Text', value: 'before' }, broken, { type: 'Text', value: 'after' }));
    expect(m.$$('p').map((p) => p.textContent)).toEqual(['before', 'after']);
  });

  it('renders nothing for a missing or non-root widget', () => {
    m = mount(null as unknown as WidgetComponent);
    expect(m.container.innerHTML).toBe('');
  });
});
