// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { WidgetComponent } from '../../../src/protocol/widgets.ts';
import { card, flush, mount, type Mounted } from './mount.tsx';

let m: Mounted;
afterEach(() => m.unmount());

const action = (type: string, extra: Record<string, unknown> = {}) => ({ type, handler: 'server', loadingBehavior: 'auto', streaming: true, ...extra });
function deferred() {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}
function type(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  act(() => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
function change(el: HTMLInputElement | HTMLSelectElement, value: string | boolean) {
  act(() => {
    if (typeof value === 'boolean') (el as HTMLInputElement).checked = value;
    else el.value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
}
const click = (el: Element) => act(() => (el as HTMLElement).click());

describe('button actions', () => {
  it('calls onAction with the exact action config and the item id', async () => {
    m = mount(card({ type: 'Button', label: 'Yes', onClickAction: action('choose', { payload: { v: 'yes' } }) }));
    click(m.$('button'));
    await flush();
    expect(m.onAction.mock.calls).toEqual([[{ type: 'choose', payload: { v: 'yes' }, handler: 'server', loadingBehavior: 'auto', streaming: true }, { itemId: 'W1' }]]);
  });

  it('ignores actions without a usable string type and buttons without actions', async () => {
    m = mount(
      card(
        { type: 'Button', label: 'A', onClickAction: { payload: {} } },
        { type: 'Button', label: 'B', onClickAction: 'go' },
        { type: 'Button', label: 'C' },
        { type: 'Button', label: 'D', onClickAction: { type: 'x'.repeat(501) } },
        { type: 'Button', label: 'E', onClickAction: { type: '' } },
      ),
    );
    for (const b of m.$$('button')) click(b);
    await flush();
    expect(m.onAction).not.toHaveBeenCalled();
  });

  it('shows a spinner and disables the button while the action runs (auto → self), then clears', async () => {
    const d = deferred();
    m = mount(card({ type: 'Button', label: 'Go', onClickAction: action('go') }), { onAction: () => d.promise });
    const button = m.$<HTMLButtonElement>('button');
    click(button);
    expect([button.disabled, button.getAttribute('aria-busy'), m.$$('button .ck-w-spinner').length, m.$('.ck-w').className]).toEqual([true, 'true', 1, 'ck-w']);
    await act(async () => d.resolve());
    expect([button.disabled, button.hasAttribute('aria-busy'), m.$$('.ck-w-spinner').length]).toEqual([false, false, 0]);
  });

  it('makes the whole widget inert and dimmed for container loading, and clears it when the action rejects', async () => {
    const d = deferred();
    m = mount(card({ type: 'Button', label: 'Go', onClickAction: action('go', { loadingBehavior: 'container' }) }), { onAction: () => d.promise });
    click(m.$('button'));
    const root = m.$('.ck-w');
    expect([root.className, root.inert, root.getAttribute('aria-busy'), m.$<HTMLButtonElement>('button').disabled]).toEqual(['ck-w ck-w-busy', true, 'true', false]);
    await act(async () => d.reject(new Error('boom')));
    expect([root.className, root.inert, root.hasAttribute('aria-busy')]).toEqual(['ck-w', false, false]);
  });

  it('shows no loading state for loadingBehavior none', async () => {
    const d = deferred();
    m = mount(card({ type: 'Button', label: 'No', onClickAction: action('choose', { handler: 'client', loadingBehavior: 'none', payload: { v: 'no' } }) }), { onAction: () => d.promise });
    click(m.$('button'));
    expect([m.$<HTMLButtonElement>('button').disabled, m.$('.ck-w').className, m.$$('.ck-w-spinner').length]).toEqual([false, 'ck-w', 0]);
    await act(async () => d.resolve());
  });
});

describe('forms', () => {
  const todoForm = (extra: WidgetComponent[] = []): WidgetComponent =>
    card({
      type: 'Form',
      onSubmitAction: action('save', { payload: { list: 4 } }),
      children: [
        { type: 'Input', name: 'todo.title', required: true },
        { type: 'Textarea', name: 'todo.notes', defaultValue: 'n' },
        { type: 'Checkbox', name: 'todo.done' },
        { type: 'Select', name: 'prio', defaultValue: 'low', options: [{ value: 'low', label: 'Low' }, { value: 'high', label: 'High' }] },
        { type: 'Text', value: 'x', editable: { name: 'todo.tag' } },
        ...extra,
        { type: 'Button', label: 'Save', submit: true },
      ],
    });

  it('blocks submission while a required field is empty, then sends the nested values merged into the payload', async () => {
    m = mount(todoForm());
    click(m.$('button[type=submit]'));
    await flush();
    expect(m.onAction).not.toHaveBeenCalled();
    type(m.$<HTMLInputElement>('input[name="todo.title"]'), 'Milk');
    change(m.$<HTMLSelectElement>('select'), 'high');
    click(m.$('button[type=submit]'));
    await flush();
    const values = { todo: { title: 'Milk', notes: 'n', done: false, tag: 'x' }, prio: 'high' };
    expect(m.onAction.mock.calls).toEqual([[{ ...action('save'), payload: { list: 4, ...values } }, { itemId: 'W1', values }]]);
  });

  it('blocks submission when a pattern does not match', async () => {
    m = mount(card({ type: 'Form', onSubmitAction: action('save'), children: [{ type: 'Input', name: 'zip', pattern: '[0-9]{5}', defaultValue: 'abc' }, { type: 'Button', label: 'Save', submit: true }] }));
    click(m.$('button'));
    await flush();
    expect(m.onAction).not.toHaveBeenCalled();
  });

  it('checks a Textarea’s pattern, which browsers ignore on textareas, before submitting', async () => {
    m = mount(card({ type: 'Form', onSubmitAction: action('save'), children: [{ type: 'Textarea', name: 'code', pattern: '[a-z]+(\\n[a-z]+)*', defaultValue: 'ABC' }, { type: 'Button', label: 'Save', submit: true }] }));
    const area = m.$<HTMLTextAreaElement>('textarea');
    expect([area.validity.valid, area.validationMessage]).toEqual([false, 'Match the requested format.']);
    click(m.$('button'));
    await flush();
    expect(m.onAction).not.toHaveBeenCalled();
    act(() => {
      area.value = 'abc\ndef';
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(area.validity.valid).toBe(true);
    click(m.$('button'));
    await flush();
    expect(m.onAction.mock.calls[0]?.[0]).toEqual({ ...action('save'), payload: { code: 'abc\ndef' } });
  });

  it('fires the form action on a submit event (Enter in a field) and makes the widget busy meanwhile', async () => {
    const d = deferred();
    m = mount(card({ type: 'Form', onSubmitAction: action('save'), children: [{ type: 'Input', name: 'q', defaultValue: 'hi' }] }), { onAction: () => d.promise });
    act(() => void m.$('form').dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    expect(m.$('.ck-w').className).toBe('ck-w ck-w-busy');
    await act(async () => d.resolve());
    expect(m.onAction.mock.calls[0]?.[0]).toEqual({ ...action('save'), payload: { q: 'hi' } });
    expect(m.$('.ck-w').className).toBe('ck-w');
  });

  it('treats a null payload as none, so form values still merge', async () => {
    m = mount(card({ type: 'Form', children: [{ type: 'Input', name: 'q', defaultValue: 'v' }, { type: 'Button', label: 'Go', onClickAction: { type: 'go', payload: null } }] }));
    click(m.$('button'));
    await flush();
    expect(m.onAction.mock.calls).toEqual([[{ type: 'go', payload: { q: 'v' } }, { itemId: 'W1', values: { q: 'v' } }]]);
    expect(m.onError).not.toHaveBeenCalled();
  });

  it('gives a button with its own action inside a form the form values', async () => {
    m = mount(card({ type: 'Form', children: [{ type: 'Input', name: 'q', defaultValue: 'v' }, { type: 'Button', label: 'Go', onClickAction: action('go', { payload: { a: 1 } }) }] }));
    click(m.$('button'));
    await flush();
    expect(m.onAction.mock.calls).toEqual([[{ ...action('go'), payload: { a: 1, q: 'v' } }, { itemId: 'W1', values: { q: 'v' } }]]);
  });

  it('keeps payload keys over form values and reports each collision', async () => {
    m = mount(card({ type: 'Form', onSubmitAction: action('save', { payload: { id: 1, todo: { title: 'server' } } }), children: [{ type: 'Input', name: 'id', defaultValue: '9' }, { type: 'Input', name: 'todo.title', defaultValue: 'mine' }, { type: 'Button', label: 'Save', submit: true }] }));
    click(m.$('button'));
    await flush();
    expect(m.onAction.mock.calls[0]?.[0].payload).toEqual({ id: 1, todo: { title: 'server' } });
    expect(m.onError.mock.calls).toEqual([
      ['Form field "id" was not sent: the action payload already has that key.'],
      ['Form field "todo.title" was not sent: the action payload already has that key.'],
    ]);
  });
});

describe('Card actions', () => {
  const asForm = (extra: Record<string, unknown> = {}): WidgetComponent => ({
    type: 'Card',
    asForm: true,
    ...extra,
    confirm: { label: 'Send', action: action('send', { payload: { id: 1 } }) },
    cancel: { label: 'Cancel', action: action('cancel') },
    children: [{ type: 'Input', name: 'to.name', required: true }],
  });

  it('validates an asForm card, then sends confirm with its values and the whole card busy', async () => {
    const d = deferred();
    m = mount(asForm(), { onAction: () => d.promise });
    const [cancel, send] = m.$$<HTMLButtonElement>('.ck-w-card-footer button');
    expect([cancel?.textContent, cancel?.type, send?.textContent, send?.type]).toEqual(['Cancel', 'button', 'Send', 'submit']);
    click(send as Element);
    await flush();
    expect(m.onAction).not.toHaveBeenCalled();
    type(m.$<HTMLInputElement>('input'), 'Harry');
    click(send as Element);
    expect(m.$('.ck-w').className).toBe('ck-w ck-w-busy');
    await act(async () => d.resolve());
    expect(m.onAction.mock.calls).toEqual([[{ ...action('send'), payload: { id: 1, to: { name: 'Harry' } } }, { itemId: 'W1', values: { to: { name: 'Harry' } } }]]);
    expect(m.$('.ck-w').className).toBe('ck-w');
  });

  it('fires cancel without validation', async () => {
    m = mount(asForm());
    click(m.$$('.ck-w-card-footer button')[0] as Element);
    await flush();
    expect(m.onAction.mock.calls.map((c) => c[0].type)).toEqual(['cancel']);
  });

  it('collapses a collapsed card after its confirm action completes, but not after a failure', async () => {
    let fail = true;
    m = mount({ type: 'Card', collapsed: true, status: { text: 'Email' }, confirm: { label: 'Send', action: action('send') }, children: [{ type: 'Text', value: 'Dear Harry' }] }, { onAction: async () => { if (fail) throw new Error('no'); } });
    click(m.$('.ck-w-card-footer button'));
    await flush();
    expect(m.$$('.ck-w-card-body').length).toBe(1);
    fail = false;
    click(m.$('.ck-w-card-footer button'));
    await flush();
    expect([m.$$('.ck-w-card-body').length, m.$('section').className, m.$('.ck-w-status').textContent]).toEqual([0, 'ck-w-card ck-w-card-md ck-w-collapsed', 'Email']);
  });
});

describe('change actions', () => {
  const withForm = (control: WidgetComponent): WidgetComponent => card({ type: 'Form', children: [{ type: 'Input', name: 'note', defaultValue: 'n' }, control] });

  it('sends a Select change with the new value and the form values, without loading (auto → none)', async () => {
    const d = deferred();
    m = mount(withForm({ type: 'Select', name: 'pick', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }], onChangeAction: action('picked', { payload: { k: 1 } }) }), { onAction: () => d.promise });
    change(m.$<HTMLSelectElement>('select'), 'b');
    expect([m.$<HTMLSelectElement>('select').disabled, m.$('.ck-w').className]).toEqual([false, 'ck-w']);
    await act(async () => d.resolve());
    expect(m.onAction.mock.calls).toEqual([[{ ...action('picked'), payload: { k: 1, value: 'b', note: 'n', pick: 'b' } }, { itemId: 'W1', values: { note: 'n', pick: 'b' } }]]);
  });

  it('sends Checkbox, RadioGroup and DatePicker changes with their values', async () => {
    m = mount(
      card(
        { type: 'Checkbox', name: 'ok', onChangeAction: action('c') },
        { type: 'RadioGroup', name: 'size', options: [{ value: 's', label: 'S' }, { value: 'l', label: 'L' }], onChangeAction: action('r') },
        { type: 'DatePicker', name: 'day', onChangeAction: action('d'), clearable: true, defaultValue: '2024-01-01' },
      ),
    );
    change(m.$<HTMLInputElement>('input[type=checkbox]'), true);
    change(m.$$<HTMLInputElement>('input[type=radio]')[1] as HTMLInputElement, true);
    click(m.$('.ck-w-date > button'));
    click(m.$('[data-day="2024-01-03"]'));
    click(m.$('.ck-w-clear'));
    await flush();
    expect(m.onAction.mock.calls.map(([a, ctx]) => [a.type, a.payload, ctx])).toEqual([
      ['c', { value: true }, { itemId: 'W1' }],
      ['r', { value: 'l' }, { itemId: 'W1' }],
      ['d', { value: '2024-01-03' }, { itemId: 'W1' }],
      ['d', { value: '' }, { itemId: 'W1' }],
    ]);
    expect(m.$<HTMLInputElement>('input[name=day]').value).toBe('');
  });

  it('disables a control with loadingBehavior self until its change action settles', async () => {
    const d = deferred();
    m = mount(card({ type: 'Checkbox', name: 'ok', label: 'OK', onChangeAction: action('c', { loadingBehavior: 'self' }) }), { onAction: () => d.promise });
    const box = m.$<HTMLInputElement>('input');
    change(box, true);
    expect([box.disabled, m.$$('.ck-w-spinner').length]).toEqual([true, 1]);
    await act(async () => d.reject(new Error('x')));
    expect([box.disabled, box.checked, m.$$('.ck-w-spinner').length]).toEqual([false, true, 0]);
  });
});

describe('ListViewItem actions', () => {
  it('fires on click of the item button and on Enter or Space of a keyboard-operable row, not on inner controls', async () => {
    m = mount({
      type: 'ListView',
      children: [
        { type: 'ListViewItem', onClickAction: action('open', { payload: { id: 1 } }), children: [{ type: 'Text', value: 'One' }] },
        { type: 'ListViewItem', onClickAction: action('open', { payload: { id: 2 } }), children: [{ type: 'Text', value: 'Two' }, { type: 'Button', label: 'inner', onClickAction: action('inner') }] },
      ],
    });
    click(m.$('li button.ck-w-pressable'));
    await flush();
    const row = m.$('[role=button]');
    act(() => void row.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    await flush();
    act(() => void row.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true })));
    await flush();
    click(row.querySelector('button') as Element);
    await flush();
    click(row.querySelector('p') as Element);
    await flush();
    expect(m.onAction.mock.calls.map(([a]) => [a.type, a.payload])).toEqual([
      ['open', { id: 1 }],
      ['open', { id: 2 }],
      ['open', { id: 2 }],
      ['inner', undefined],
      ['open', { id: 2 }],
    ]);
  });
});

describe('state across widget updates', () => {
  it('keeps typed values and selections when the tree is replaced, keyed by id', () => {
    const tree = (title: string, extra: WidgetComponent[] = []): WidgetComponent =>
      card({ type: 'Title', value: title }, ...extra, { type: 'Input', id: 'in', name: 'a' }, { type: 'Select', key: 'sel', name: 's', options: [{ value: 'x', label: 'X' }, { value: 'y', label: 'Y' }] });
    m = mount(tree('One'));
    type(m.$<HTMLInputElement>('input'), 'typed');
    change(m.$<HTMLSelectElement>('select'), 'y');
    const input = m.$('input');
    m.rerender(tree('Two', [{ type: 'Text', value: 'inserted before' }]));
    expect([m.$('h3').textContent, m.$<HTMLInputElement>('input').value, m.$<HTMLSelectElement>('select').value, m.$('input') === input]).toEqual(['Two', 'typed', 'y', true]);
  });

  it('appends streamed Markdown text and drops the caret when streaming ends', () => {
    const tree = (value: string, streaming: boolean): WidgetComponent => card({ type: 'Title', value: 'Draft' }, { id: 'md1', type: 'Markdown', value, streaming });
    m = mount(tree('', true));
    m.rerender(tree('Dear ', true));
    expect([m.$('.ck-w-markdown').textContent, m.$('.ck-w-markdown').className]).toEqual(['Dear', 'ck-w-markdown ck-w-streaming']);
    m.rerender(tree('Dear Harry', false));
    expect([m.$('.ck-w-markdown').textContent, m.$('.ck-w-markdown').className]).toEqual(['Dear Harry', 'ck-w-markdown']);
  });
});

describe('a Select whose options have descriptions', () => {
  const options = [
    { value: 'std', label: 'Standard', description: '3–5 days' },
    { value: 'exp', label: 'Express', description: 'Tomorrow', disabled: true },
    { value: 'pick', label: 'Pick-up', description: 'In store today' },
  ];
  const key = (el: Element, k: string) => {
    const e = new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true });
    act(() => void el.dispatchEvent(e));
    return e;
  };

  it('is a combobox whose listbox shows each description under its label, driven by the keyboard', async () => {
    m = mount(card({ type: 'Form', onSubmitAction: action('save'), children: [{ type: 'Select', name: 'ship', placeholder: 'Shipping', options, onChangeAction: action('ship') }, { type: 'Button', label: 'Go', submit: true }] }));
    const combo = m.$('[role="combobox"]');
    expect([m.$$('select').length, combo.textContent, combo.getAttribute('aria-expanded'), combo.getAttribute('aria-label')]).toEqual([0, 'Shipping', 'false', 'Shipping']);
    combo.focus();
    key(combo, 'ArrowDown');
    const items = m.$$('[role="option"]');
    expect(items.map((o) => [o.querySelector('span')?.textContent, o.querySelector('.ck-w-listbox-description')?.textContent, o.getAttribute('aria-disabled')])).toEqual([
      ['Standard', '3–5 days', null],
      ['Express', 'Tomorrow', 'true'],
      ['Pick-up', 'In store today', null],
    ]);
    expect(combo.getAttribute('aria-activedescendant')).toBe(items[0]!.id);
    key(combo, 'ArrowDown');
    expect(combo.getAttribute('aria-activedescendant')).toBe(m.$$('[role="option"]')[2]!.id);
    key(combo, 'Enter');
    await flush();
    expect([m.$$('[role="listbox"]').length, combo.textContent, document.activeElement === combo]).toEqual([0, 'Pick-up', true]);
    expect(m.onAction.mock.calls[0]?.[0]).toEqual({ ...action('ship'), payload: { value: 'pick', ship: 'pick' } });
    key(combo, 'ArrowDown');
    const escape = key(combo, 'Escape');
    expect([escape.defaultPrevented, m.$$('[role="listbox"]').length]).toEqual([true, 0]);
    click(m.$('button[type=submit]'));
    await flush();
    expect(m.onAction.mock.calls[1]?.[0]).toEqual({ ...action('save'), payload: { ship: 'pick' } });
  });

  it('blocks submission while a required one has no value', async () => {
    m = mount(card({ type: 'Form', onSubmitAction: action('save'), children: [{ type: 'Select', name: 'ship', required: true, options }, { type: 'Button', label: 'Go', submit: true }] }));
    click(m.$('button[type=submit]'));
    await flush();
    expect(m.onAction).not.toHaveBeenCalled();
    click(m.$('[role="combobox"]'));
    click(m.$$('[role="option"]')[0]!);
    click(m.$('button[type=submit]'));
    await flush();
    expect(m.onAction.mock.calls[0]?.[0]).toEqual({ ...action('save'), payload: { ship: 'std' } });
  });
});

describe('the DatePicker calendar', () => {
  const key = (k: string, shiftKey = false) => {
    const el = document.activeElement as HTMLElement;
    const e = new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true, cancelable: true });
    act(() => void el.dispatchEvent(e));
    return e;
  };
  const focused = () => (document.activeElement as HTMLElement).dataset.day;

  it('is driven by the keyboard: days, weeks, week ends, months, years; Enter picks, Escape closes', async () => {
    m = mount(card({ type: 'Form', onSubmitAction: action('save'), children: [{ type: 'DatePicker', name: 'when', defaultValue: '2024-01-31', max: '2025-01-10', onChangeAction: action('d') }, { type: 'Button', label: 'Go', submit: true }] }));
    const button = m.$<HTMLButtonElement>('.ck-w-date > button');
    button.focus();
    click(button);
    await flush();
    expect(focused()).toBe('2024-01-31');
    const path: (string | undefined)[] = [];
    for (const [k, shift] of [['ArrowRight'], ['ArrowDown'], ['ArrowLeft'], ['ArrowUp'], ['Home'], ['End'], ['PageDown'], ['PageUp'], ['PageDown', true], ['PageDown', true]] as [string, boolean?][]) {
      key(k, shift);
      await flush();
      path.push(focused());
    }
    // Feb 1 → Feb 8 → Feb 7 → Jan 31 → Sun Jan 28 → Sat Feb 3 → Mar 3 → Feb 3 → Feb 3 2025 is past max: Jan 10 2025, and stays there.
    expect(path).toEqual(['2024-02-01', '2024-02-08', '2024-02-07', '2024-01-31', '2024-01-28', '2024-02-03', '2024-03-03', '2024-02-03', '2025-01-10', '2025-01-10']);
    expect(m.$('.ck-w-calendar-month').textContent).toBe('January 2025');
    key('PageUp');
    await flush();
    click(document.activeElement as HTMLElement);
    await flush();
    expect([m.$$('[role="dialog"]').length, document.activeElement, m.$<HTMLInputElement>('input[name=when]').value]).toEqual([0, button, '2024-12-10']);
    expect(m.onAction.mock.calls.map(([a]) => [a.type, a.payload])).toEqual([['d', { value: '2024-12-10', when: '2024-12-10' }]]);
    click(button);
    await flush();
    const esc = key('Escape');
    expect([esc.defaultPrevented, m.$$('[role="dialog"]').length, document.activeElement]).toEqual([true, 0, button]);
    click(m.$('button[type=submit]'));
    await flush();
    expect(m.onAction.mock.calls.at(-1)?.[1]).toEqual({ itemId: 'W1', values: { when: '2024-12-10' } });
  });

  it('blocks a form with a required, empty DatePicker', async () => {
    m = mount(card({ type: 'Form', onSubmitAction: action('save'), children: [{ type: 'DatePicker', name: 'when', required: true }, { type: 'Button', label: 'Go', submit: true }] }));
    click(m.$('button[type=submit]'));
    await flush();
    expect(m.onAction).not.toHaveBeenCalled();
  });
});
