// @vitest-environment happy-dom
// Its own file so the named-icons chunk is certainly not in memory yet when the test starts.
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { Icon } from '../../../src/icons/icon.tsx';
import { NAMED_ICONS } from '../../../src/icons/named-icons.ts';

describe('Icon with a named icon', () => {
  it('keeps its box, empty, while the named chunk loads, then renders the artwork', async () => {
    const container = document.createElement('div');
    await act(() => {
      render(h(Icon, { name: 'agent', size: 24, label: 'Agent' }), container);
    });
    const first = container.querySelector('svg') as SVGSVGElement;
    expect(first.getAttribute('data-state')).toBe('loading');
    expect(first.childNodes.length).toBe(0);
    expect([first.getAttribute('width'), first.getAttribute('height'), first.getAttribute('aria-label')]).toEqual([
      '24', '24', 'Agent',
    ]);

    await vi.waitFor(() => expect(container.querySelector('svg')?.hasAttribute('data-state')).toBe(false));
    const done = container.querySelector('svg') as SVGSVGElement;
    expect([...done.children].map((el) => [el.tagName.toLowerCase(), el.getAttribute('d') ?? el.getAttribute('width')])).toEqual(
      NAMED_ICONS.agent.map(([tag, attrs]) => [tag, attrs.d ?? attrs.width]),
    );
    render(null, container);
  });
});
