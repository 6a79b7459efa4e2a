// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { collectValues, mergeValues } from '../../../src/widgets/form-values.ts';

function form(build: (f: HTMLFormElement) => void): HTMLFormElement {
  const f = document.createElement('form');
  build(f);
  return f;
}
function field(f: HTMLFormElement, tag: string, attrs: Record<string, string>, props: Record<string, unknown> = {}) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (tag === 'select') for (const v of ['', 'a', 'b']) el.append(Object.assign(document.createElement('option'), { value: v, textContent: v }));
  f.append(el);
  Object.assign(el, props);
  return el;
}

describe('collectValues', () => {
  it('reads every kind of named control and nests dotted names', () => {
    const f = form((f) => {
      field(f, 'input', { name: 'todo.title' }, { value: 'Milk' });
      field(f, 'input', { name: 'todo.meta.count', type: 'number' }, { value: '3' });
      field(f, 'textarea', { name: 'notes' }, { value: 'a\nb' });
      field(f, 'select', { name: 'pick' }, { value: 'b' });
      field(f, 'input', { name: 'done', type: 'checkbox' }, { checked: true });
      field(f, 'input', { name: 'g~1', 'data-ck-name': 'size', type: 'radio', value: 's' });
      field(f, 'input', { name: 'g~1', 'data-ck-name': 'size', type: 'radio', value: 'l' }, { checked: true });
      field(f, 'input', { type: 'search' }, { value: 'filter text' });
    });
    expect(collectValues(f)).toEqual({ todo: { title: 'Milk', meta: { count: 3 } }, notes: 'a\nb', pick: 'b', done: true, size: 'l' });
  });

  it('skips names that would reach the prototype or write through a non-object', () => {
    const f = form((f) => {
      field(f, 'input', { name: '__proto__.polluted' }, { value: 'x' });
      field(f, 'input', { name: 'constructor.prototype.x' }, { value: 'x' });
      field(f, 'input', { name: 'a' }, { value: 'flat' });
      field(f, 'input', { name: 'a.b' }, { value: 'nested' });
      field(f, 'input', { name: 'x..y' }, { value: 'empty segment' });
    });
    const values = collectValues(f);
    expect(values).toEqual({ a: 'flat' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('mergeValues', () => {
  it('adds values under the payload, merging nested objects, payload keys winning', () => {
    const payload = { id: 1, todo: { id: 7, title: 'server' } };
    const result = mergeValues(payload, { id: 2, todo: { title: 'typed', due: 'today' }, extra: true });
    expect(result).toEqual({ payload: { id: 1, todo: { id: 7, title: 'server', due: 'today' }, extra: true }, collisions: ['id', 'todo.title'] });
    expect(payload).toEqual({ id: 1, todo: { id: 7, title: 'server' } });
  });

  it('starts from an empty payload and refuses to merge into a non-object payload', () => {
    expect(mergeValues(undefined, { a: 1 })).toEqual({ payload: { a: 1 }, collisions: [] });
    expect(mergeValues('text', { a: 1, b: 2 })).toEqual({ payload: 'text', collisions: ['a', 'b'] });
  });
});
