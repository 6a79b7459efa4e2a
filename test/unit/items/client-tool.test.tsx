// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readToolError } from '../../../src/ui/items/tool-error.ts';
import { historyItems, item, itemIn, mountItem, ready, statesOf, type MountedItem } from './harness.tsx';

let m: MountedItem;
beforeAll(ready);
afterEach(() => m.unmount());

const call = (extra: Record<string, unknown>) =>
  item({ id: 'tc_1', type: 'client_tool_call', call_id: 'call_1', name: 'get_selection', arguments: {}, ...extra });

describe('client tool calls', () => {
  it('show "Running get_selection…" with a spinner while pending (s3a)', () => {
    const states = statesOf('s3a');
    m = mountItem(...itemIn(states.at(-1)!, 'tc_0010'));
    const line = m.$('.ck-tool-call');
    expect([line.getAttribute('role'), line.textContent, line.querySelectorAll('.ck-spin').length]).toEqual(['status', 'Running get_selection…', 1]);
  });

  it('show nothing once completed, as in history (n2)', () => {
    const done = historyItems().find((i) => i.id === 'tc_0010')!;
    expect(done.type === 'client_tool_call' && done.status).toBe('completed');
    m = mountItem(done);
    expect(m.container.innerHTML).toBe('');
  });

  it('show a short error note when the output has an error key', () => {
    m = mountItem(call({ status: 'completed', output: { error: 'Selection is empty' } }));
    expect([m.$('.ck-tool-error').textContent, m.$$('.ck-spin').length]).toEqual(['get_selection failed: Selection is empty', 0]);
    m.update(call({ status: 'completed', output: { error: { code: 42 } } }));
    expect(m.$('.ck-tool-error').textContent).toBe('get_selection failed: {"code":42}');
    m.update(call({ status: 'completed', output: { error: null } }));
    expect(m.$('.ck-tool-error').textContent).toBe('get_selection failed: null');
  });

  it('read errors only from an own error key of an object output, shortened to 300 characters', () => {
    expect([readToolError(undefined), readToolError('error'), readToolError(['error']), readToolError({ errors: 1 }), readToolError(Object.create({ error: 'inherited' }))]).toEqual([null, null, null, null, null]);
    expect(readToolError({ error: 'x'.repeat(400) })).toBe(`${'x'.repeat(300)}…`);
    expect(readToolError({ error: undefined })).toBe('');
  });

  it('render a hostile tool name as text', () => {
    m = mountItem(call({ status: 'pending', name: '<img src=x onerror=alert(1)>' }));
    expect([m.$$('img').length, m.text('.ck-tool-call')]).toEqual([0, 'Running <img src=x onerror=alert(1)>…']);
  });
});
