// @vitest-environment happy-dom
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { CORE_ICONS } from '../../../src/icons/core-icons.ts';
import { Icon } from '../../../src/icons/icon.tsx';
import { CHATKIT_ICON_NAMES, HEADER_ICON_NAMES, WIDGET_ICON_NAMES } from '../../../src/icons/icon-names.ts';
import { FALLBACK_ICON, parseIconNode } from '../../../src/icons/icon-node.ts';
import { NAMED_ICONS } from '../../../src/icons/named-icons.ts';

/** Renders every name through <Icon> and returns each svg's inner markup once nothing is loading. */
async function renderAll(names: readonly string[]): Promise<Map<string, { state: string | null; markup: string }>> {
  const container = document.createElement('div');
  await act(() => {
    render(h('div', null, names.map((name) => h(Icon, { key: name, name }))), container);
  });
  await new Promise((resolve) => setTimeout(resolve, 0));
  await act(() => undefined);
  const svgs = [...container.querySelectorAll('svg')];
  const out = new Map(names.map((name, i) => [name, {
    state: svgs[i]?.getAttribute('data-state') ?? null,
    markup: svgs[i]?.innerHTML ?? '',
  }]));
  render(null, container);
  return out;
}

const families: [string, readonly string[]][] = [
  ['ChatKitIcon + WidgetIcon (the Python IconName set: base, clock, dot)', [...new Set([...CHATKIT_ICON_NAMES, ...WIDGET_ICON_NAMES])]],
  ['HeaderIcon', HEADER_ICON_NAMES],
];

describe('named icons', () => {
  for (const [family, names] of families) {
    it(`render real, mutually distinct artwork for every ${family} name`, async () => {
      const rendered = await renderAll(names);
      const notReady = names.filter((n) => rendered.get(n)?.state !== null);
      expect(notReady).toEqual([]);
      const byMarkup = new Map<string, string[]>();
      for (const name of names) {
        const markup = rendered.get(name)?.markup ?? '';
        byMarkup.set(markup, [...(byMarkup.get(markup) ?? []), name]);
      }
      const clashes = [...byMarkup.values()].filter((group) => group.length > 1);
      expect(clashes).toEqual([]);
      expect(byMarkup.size).toBe(names.length);
    });
  }

  it('cover exactly the names of the three families', () => {
    const expected = [...new Set([...CHATKIT_ICON_NAMES, ...WIDGET_ICON_NAMES, ...HEADER_ICON_NAMES])].sort();
    expect(Object.keys(NAMED_ICONS).sort()).toEqual(expected);
  });

  it('pass the same validation as fetched artwork, and none is the fallback', () => {
    for (const [name, node] of Object.entries(NAMED_ICONS)) {
      expect(parseIconNode(node), name).toEqual(node);
      expect(node, name).not.toEqual(FALLBACK_ICON);
    }
    for (const [name, node] of Object.entries(CORE_ICONS)) {
      expect(parseIconNode(node), name).toEqual(node);
    }
  });

  it('draw the same artwork as the core icon wherever a name is in both', () => {
    const shared = Object.keys(CORE_ICONS).filter((name) => Object.hasOwn(NAMED_ICONS, name));
    expect(shared.sort()).toEqual(['check', 'chevron-left', 'chevron-right', 'external-link', 'history', 'info', 'plus', 'search']);
    for (const name of shared) {
      expect(NAMED_ICONS[name as keyof typeof NAMED_ICONS], name).toEqual(CORE_ICONS[name as keyof typeof CORE_ICONS]);
    }
  });

  it('fill the filled variants and leave their outline twins unfilled', () => {
    expect(NAMED_ICONS['star-filled'][0]?.[1].fill).toBe('currentColor');
    expect(NAMED_ICONS.star[0]?.[1].fill).toBeUndefined();
    expect(NAMED_ICONS['check-circle-filled'][0]?.[1]).toMatchObject({ fill: 'currentColor', 'fill-rule': 'evenodd' });
  });
});
