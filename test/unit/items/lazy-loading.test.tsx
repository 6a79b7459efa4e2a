// @vitest-environment happy-dom
// No `ready()` here: this file checks what renders before and after the lazy chunk arrives.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { item, mountItem, type MountedItem } from './harness.tsx';

let m: MountedItem;
afterEach(() => m.unmount());

describe('the lazy item chunk', () => {
  it('is not needed for messages, end-of-turn markers or completed tool calls, which render at once', () => {
    m = mountItem(item({ id: 'A1', type: 'assistant_message', content: [{ type: 'output_text', text: 'Plain *text*', annotations: [] }] }));
    expect(m.$('.ck-md').innerHTML).toBe('<p>Plain <em>text</em></p>');
    m.update(item({ id: 'E1', type: 'end_of_turn' }));
    expect(m.container.innerHTML).toBe('');
    m.update(item({ id: 'T1', type: 'client_tool_call', status: 'completed', call_id: 'c', name: 'x', arguments: {}, output: {} }));
    expect(m.container.innerHTML).toBe('');
  });

  it('shows a cited message without markers until the chunk arrives, then with them; rich items render at once after', async () => {
    const annotations = [{ source: { type: 'url', title: 'Example', url: 'https://example.com' }, index: 6 }];
    m = mountItem(item({ id: 'A2', type: 'assistant_message', content: [{ type: 'output_text', text: 'Hello!', annotations }] }));
    expect([m.$('.ck-md p').innerHTML, m.$$('.ck-sources').length]).toEqual(['Hello!', 0]);
    // The chunk arrives with its stylesheet (happy-dom answers the <link> with an error event a moment later).
    await vi.waitFor(() => expect(m.container.querySelector('.ck-cite')).not.toBeNull(), { timeout: 3000 });
    expect([m.$('.ck-md p').textContent, m.$$('.ck-sources').length]).toEqual(['Hello!1', 1]);
    m.unmount();
    m = mountItem(item({ id: 'W1', type: 'task', task: { type: 'custom', title: 'Indexing' } }));
    expect(m.text()).toBe('Indexing');
  });
});
