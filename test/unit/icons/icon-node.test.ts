import { describe, expect, it } from 'vitest';
import { FALLBACK_ICON, parseIconNode } from '../../../src/icons/icon-node.ts';

const arrowUp = [['path', { d: 'm5 12 7-7 7 7' }], ['path', { d: 'M12 19V5' }]];

describe('parseIconNode', () => {
  it('accepts Lucide node data and returns a frozen copy', () => {
    const parsed = parseIconNode(JSON.parse(JSON.stringify(arrowUp)));
    expect(parsed).toEqual(arrowUp);
    expect(Object.isFrozen(parsed)).toBe(true);
    expect(Object.isFrozen(parsed?.[0]?.[1])).toBe(true);
  });

  it('accepts every allowlisted shape and geometry attribute, turning numbers into strings', () => {
    const node = [
      ['circle', { cx: 12, cy: 12, r: 10 }],
      ['rect', { x: '3', y: '3', width: '18', height: '18', rx: '2', ry: '2' }],
      ['line', { x1: '1', y1: '2', x2: '3', y2: '4' }],
      ['polyline', { points: '1 2 3 4' }],
      ['polygon', { points: '1,2 3,4 5,6' }],
      ['ellipse', { cx: '12', cy: '12', rx: '3', ry: '1.5e1' }],
      ['circle', { cx: '1', cy: '1', r: '1', fill: 'currentColor' }],
      ['path', { d: 'M0 0h1', fill: 'none', stroke: 'none', 'fill-rule': 'evenodd' }],
    ];
    expect(parseIconNode(node)?.[0]).toEqual(['circle', { cx: '12', cy: '12', r: '10' }]);
    expect(parseIconNode(node)).toHaveLength(8);
  });

  const hostile: [string, unknown][] = [
    ['a script element', [['script', { d: 'alert(1)' }]]],
    ['a style element', [['style', {}]]],
    ['a use element', [['use', { href: '#x' }]]],
    ['an image element', [['image', { href: 'https://evil.example/x.png' }]]],
    ['a foreignObject element', [['foreignObject', {}]]],
    ['an onload attribute', [['path', { d: 'M0 0', onload: 'alert(1)' }]]],
    ['a style attribute', [['path', { d: 'M0 0', style: 'fill:red' }]]],
    ['an href attribute', [['path', { d: 'M0 0', href: 'javascript:alert(1)' }]]],
    ['an xlink:href attribute', [['path', { d: 'M0 0', 'xlink:href': '#x' }]]],
    ['a class attribute', [['path', { d: 'M0 0', class: 'x' }]]],
    ['fill pointing at a url()', [['path', { d: 'M0 0', fill: 'url(https://evil.example/#p)' }]]],
    ['a colon in a value', [['path', { d: 'javascript:alert(1)' }]]],
    ['parentheses in a value', [['circle', { cx: 'calc(1px)', cy: '1', r: '1' }]]],
    ['quotes in a value', [['path', { d: 'M0 0" onload="alert(1)' }]]],
    ['a huge string', [['path', { d: `M0 0${' 1'.repeat(1500)}` }]]],
    ['an object as a value', [['path', { d: { toString: 'M0 0' } }]]],
    ['an array as a value', [['path', { d: ['M0 0'] }]]],
    ['an infinite number', [['circle', { cx: Infinity, cy: '1', r: '1' }]]],
    ['a __proto__ key', JSON.parse('[["path",{"d":"M0 0","__proto__":{"onload":"x"}}]]')],
    [
      'more than 16 attributes, even allowlisted ones',
      [['path', Object.fromEntries(
        ['d', 'cx', 'cy', 'r', 'rx', 'ry', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'width', 'height', 'points', 'fill', 'stroke']
          .map((k) => [k, k === 'fill' || k === 'stroke' ? 'none' : '1']),
      )]],
    ],
    ['too many elements', Array.from({ length: 65 }, () => ['path', { d: 'M0 0' }])],
    ['an empty list', []],
    ['a non-array', { 0: ['path', { d: 'M0 0' }], length: 1 }],
    ['a string', 'M0 0'],
    ['null', null],
    ['an element with three entries', [['path', { d: 'M0 0' }, ['path', {}]]]],
    ['an element without attributes', [['path']]],
    ['attributes that are an array', [['path', ['d', 'M0 0']]]],
    ['attributes that are null', [['path', null]]],
    ['a nested array as the tag', [[['path'], { d: 'M0 0' }]]],
  ];

  for (const [what, value] of hostile) {
    it(`rejects ${what}`, () => {
      expect(parseIconNode(value)).toBeNull();
    });
  }

  it('has a fallback that passes its own validation', () => {
    expect(parseIconNode(FALLBACK_ICON)).toEqual(FALLBACK_ICON);
  });
});
