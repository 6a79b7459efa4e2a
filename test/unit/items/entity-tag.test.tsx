// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { UserMessageItem } from '../../../src/protocol/items.ts';
import { click, fakeModels, fire, flush, item, mountItem, ready, type MountedItem } from './harness.tsx';

let m: MountedItem;
beforeAll(ready);
afterEach(() => m.unmount());

const tag = { type: 'input_tag', id: 'doc_1', text: 'Q2 Plan', data: { kind: 'doc' }, group: 'Docs', interactive: true };
const sent = (content: unknown[] = [{ type: 'input_text', text: 'See ' }, tag]) =>
  item<UserMessageItem>({ id: 'U1', type: 'user_message', content, attachments: [], inference_options: {} });
const entity = { id: 'doc_1', title: 'Q2 Plan', data: { kind: 'doc' }, interactive: true, group: 'Docs' };
const preview = (text: string) => ({ preview: { type: 'Basic', children: [{ type: 'Text', value: text }] } });

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}
const enter = (m: MountedItem) => fire(m.$('.ck-entity'), 'mouseenter', { bubbles: false });
const leave = (m: MountedItem) => fire(m.$('.ck-entity'), 'mouseleave', { bubbles: false });
const escape = () => {
  const e = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
  act(() => void document.body.dispatchEvent(e));
  return e;
};

describe('entity tags in sent messages', () => {
  it('are buttons that call entities.onClick with the tag as an Entity', async () => {
    const onClick = vi.fn(async () => undefined);
    m = mountItem(sent(), false, fakeModels({ entities: { onClick } }));
    expect(m.$('.ck-user-bubble').innerHTML).toBe('<span>See </span><span class="ck-entity"><button type="button" class="ck-tag">@Q2 Plan</button></span>');
    click(m.$('button.ck-tag'));
    await flush();
    expect(onClick.mock.calls).toEqual([[entity]]);
  });

  it('report a click callback that fails instead of throwing', async () => {
    const fake = fakeModels({ entities: { onClick: async () => Promise.reject(new Error('host broke')) } });
    m = mountItem(sent(), false, fake);
    click(m.$('button.ck-tag'));
    await flush();
    expect(fake.reportError.mock.calls.map(([e]) => (e as Error).message)).toEqual(['host broke']);
  });

  it('read as separate words: a space between text and tags unless the text already has one', () => {
    m = mountItem(sent([{ type: 'input_text', text: 'hello' }, tag, { ...tag, id: 'doc_2', text: 'Budget' }, { type: 'input_text', text: ' thanks' }]), false, fakeModels({}));
    expect(m.$('.ck-user-bubble').textContent).toBe('hello @Q2 Plan @Budget thanks');
  });

  it('stay plain text when not interactive or when the host has no entity callbacks', () => {
    m = mountItem(sent([{ ...tag, interactive: false }]), false, fakeModels({ entities: { onClick: async () => undefined } }));
    expect(m.$('.ck-user-bubble').innerHTML).toBe('<span class="ck-tag">@Q2 Plan</span>');
    m.unmount();
    m = mountItem(sent([tag]));
    expect(m.$('.ck-user-bubble').innerHTML).toBe('<span class="ck-tag">@Q2 Plan</span>');
  });

  it('show the host preview on hover and on focus, once per entity id, and hide it on leave and blur', async () => {
    const onRequestPreview = vi.fn(async () => preview('Quarterly plan'));
    m = mountItem(sent([tag, { type: 'input_text', text: ' and ' }, { ...tag }]), false, fakeModels({ entities: { onRequestPreview } }));
    enter(m);
    await flush();
    const tip = m.$('[role="tooltip"]');
    expect([tip.textContent, m.$('button.ck-tag').getAttribute('aria-describedby')]).toEqual(['Quarterly plan', tip.id]);
    leave(m);
    expect(m.$$('[role="tooltip"]').length).toBe(0);
    const second = m.$$('button.ck-tag')[1]!;
    act(() => second.focus());
    await flush();
    expect(m.$$('[role="tooltip"]').map((t) => t.textContent)).toEqual(['Quarterly plan']);
    act(() => second.blur());
    expect(m.$$('[role="tooltip"]').length).toBe(0);
    expect(onRequestPreview.mock.calls).toEqual([[entity]]);
  });

  it('dismiss the preview with Escape and consume the key, so the panel stays open', async () => {
    m = mountItem(sent(), false, fakeModels({ entities: { onRequestPreview: async () => preview('Plan') } }));
    const before = escape();
    expect(before.defaultPrevented).toBe(false);
    enter(m);
    await flush();
    expect(m.$$('[role="tooltip"]').length).toBe(1);
    const e = escape();
    expect([e.defaultPrevented, m.$$('[role="tooltip"]').length]).toEqual([true, 0]);
    expect(escape().defaultPrevented).toBe(false);
  });

  it('show nothing when the preview request fails or returns no widget, and ask again on the next hover after a failure', async () => {
    const answers = [Promise.reject(new Error('no preview')), Promise.resolve({ preview: null }), Promise.resolve('garbage')];
    answers[0]!.catch(() => undefined);
    const onRequestPreview = vi.fn(() => answers.shift()!);
    m = mountItem(sent(), false, fakeModels({ entities: { onRequestPreview } }));
    enter(m);
    await flush();
    expect(m.$$('[role="tooltip"]').length).toBe(0);
    leave(m);
    enter(m);
    await flush();
    expect(m.$$('[role="tooltip"], .ck-entity-preview').length).toBe(0);
    leave(m);
    enter(m);
    await flush();
    expect([m.$$('.ck-entity-preview').length, onRequestPreview.mock.calls.length]).toEqual([0, 2]);
  });

  it('ignore a preview that arrives after the pointer left', async () => {
    const d = deferred<unknown>();
    m = mountItem(sent(), false, fakeModels({ entities: { onRequestPreview: () => d.promise } }));
    enter(m);
    await flush();
    leave(m);
    d.resolve(preview('Late'));
    await flush();
    expect(m.$$('.ck-entity-preview').length).toBe(0);
  });
});
