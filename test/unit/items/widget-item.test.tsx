// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import de from '../../../src/i18n/locales/de-DE.ts';
import { click, fakeModels, flush, item, itemIn, mountItem, ready, statesOf, type MountedItem } from './harness.tsx';

let m: MountedItem;
beforeAll(ready);
afterEach(() => {
  m.unmount();
  vi.unstubAllGlobals();
});

describe('widget items', () => {
  it('stream in (s5) and offer Copy only once done, copying copy_text', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const states = statesOf('s5');
    m = mountItem(...itemIn(states[2]!, 'msg_0015'));
    expect([m.text('.ck-w'), m.$$('.ck-actions').length]).toEqual(['Draft', 0]);
    const [done, pending] = itemIn(states.at(-1)!, 'msg_0015');
    m.update(done, pending);
    expect(m.$$('.ck-w-title, .ck-w .ck-md, .ck-w button').map((e) => e.textContent)).toEqual(['Final', 'Dear Harry', 'Send']);
    click(m.$('.ck-actions button[aria-label="Copy"]'));
    await flush();
    expect([writeText.mock.calls, m.$$('.ck-actions button[aria-label="Copied"]').length]).toEqual([[['Dear Harry']], 1]);
  });

  it('speak the UI language', () => {
    const fake = fakeModels();
    fake.strings.value = de;
    const rows = ['a', 'b', 'c'].map((v) => ({ type: 'ListViewItem', children: [{ type: 'Text', value: v }] }));
    m = mountItem(item({ id: 'W3', type: 'widget', widget: { type: 'ListView', limit: 2, children: rows } }), false, fake);
    expect(m.$('.ck-w-more').textContent).toBe('Mehr anzeigen');
  });

  it('show no actions for a widget without copy_text', () => {
    m = mountItem(item({ id: 'W1', type: 'widget', widget: { type: 'Card', children: [{ type: 'Text', value: 'Hi' }] } }));
    expect([m.text('.ck-w'), m.$$('.ck-actions').length]).toEqual(['Hi', 0]);
  });

  it('send actions to the chat model with the item id, and report a failing action', async () => {
    const fake = fakeModels();
    fake.widgetAction.mockRejectedValueOnce(new Error('Widget action "share" needs widgets.onAction on the page'));
    const action = { type: 'share', payload: { from: 'demo' }, handler: 'client', loadingBehavior: 'auto', streaming: true };
    m = mountItem(item({ id: 'W2', type: 'widget', widget: { type: 'Card', children: [{ type: 'Button', label: 'Tell', onClickAction: action }] } }), false, fake);
    click(m.$('.ck-w button'));
    await flush();
    expect(fake.widgetAction.mock.calls).toEqual([[action, 'W2']]);
    expect(fake.reportError.mock.calls.map(([e]) => (e as Error).message)).toEqual(['Widget action "share" needs widgets.onAction on the page']);
  });
});
