// @vitest-environment happy-dom
import { options, type VNode } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WidgetComponent } from '../../../src/protocol/widgets.ts';
import { appendStreamingText, editComponent } from '../../../src/store/apply-widget-update.ts';
import { MarkdownBlock, Text } from '../../../src/widgets/components/text.tsx';
import { card, mount, type Mounted } from './mount.tsx';

// Preact's before-render hook (`options._render`, mangled to `__r`): counts which components actually render.
type Hooked = typeof options & { __r?: (vnode: VNode) => void };
const hooked = options as Hooked;
let previous: Hooked['__r'];
let renders: unknown[] = [];
beforeEach(() => {
  previous = hooked.__r;
  renders = [];
  hooked.__r = (vnode) => {
    renders.push(vnode.type);
    previous?.(vnode);
  };
});
afterEach(() => {
  hooked.__r = previous;
  m.unmount();
});

let m: Mounted;

describe('render cost of streamed updates', () => {
  it('re-renders only the edited branch when a delta arrives', () => {
    const rows = Array.from({ length: 50 }, (_, i): WidgetComponent => ({ type: 'Row', children: [{ type: 'Text', value: `row ${i}` }] }));
    let tree = card(...rows, { id: 'md1', type: 'Markdown', value: 'Dear', streaming: true });
    m = mount(tree);
    renders = [];
    tree = editComponent(tree, 'md1', (c) => appendStreamingText(c, ' Harry', false));
    m.rerender(tree);
    expect(renders.filter((t) => t === Text).length).toBe(0);
    expect(renders.filter((t) => t === MarkdownBlock).length).toBe(1);
    expect(m.$('.ck-w-markdown').textContent).toBe('Dear Harry');
  });
});
