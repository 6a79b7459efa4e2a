// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StructuredInputItem } from '../../../src/protocol/items.ts';
import { StructuredInputPrompt } from '../../../src/ui/items/structured-input.tsx';
import { click, fakeModels, flush, item, mountItem, ready, type FakeModels, type MountedItem } from './harness.tsx';

let m: MountedItem;
beforeAll(ready);
afterEach(() => m.unmount());

// The C10 item (CHATKIT.md §7), plus a multiple-answer question.
const inputs = [
  { id: 'priority', question: 'Priority?', type: 'multiple_choice', options: [{ value: 'Low' }, { value: 'High' }], multiple: false },
  { id: 'tags', question: 'Tags?', type: 'multiple_choice', options: [{ value: 'a' }, { value: 'b' }, { value: 'c' }], multiple: true },
  { id: 'notes', question: 'Notes?', type: 'freeform', description: 'Optional' },
];
/** The prompt that takes the composer's place while the item is pending. */
const mountPrompt = (i: StructuredInputItem, fake: FakeModels = fakeModels()) => mountItem(i, false, fake, (it) => <StructuredInputPrompt item={it as StructuredInputItem} />);
const pendingItem = (extra: Record<string, unknown> = {}) => item<StructuredInputItem>({ id: 'S1', type: 'structured_input', status: 'pending', inputs, ...extra });
const check = (el: HTMLInputElement, on = true) =>
  act(() => {
    el.checked = on;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
const typeInto = (el: HTMLTextAreaElement, text: string) =>
  act(() => {
    el.value = text;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
const submit = (m: MountedItem) => m.$<HTMLButtonElement>('button[type="submit"]');
const skip = (m: MountedItem) => m.$$<HTMLButtonElement>('button').find((b) => b.textContent === 'Skip')!;

describe('a pending structured input', () => {
  it('is an accessible form: a radio group, a checkbox group, a described text area, Skip and Submit', () => {
    m = mountPrompt(pendingItem());
    expect(m.$$('fieldset').map((f) => [f.querySelector('legend')?.textContent, [...f.querySelectorAll('input')].map((i) => `${i.type}:${i.value}`)])).toEqual([
      ['Priority?', ['radio:Low', 'radio:High']],
      ['Tags?', ['checkbox:a', 'checkbox:b', 'checkbox:c']],
    ]);
    const radios = m.$$<HTMLInputElement>('input[type="radio"]');
    expect(new Set(radios.map((r) => r.name)).size).toBe(1);
    const area = m.$<HTMLTextAreaElement>('textarea');
    expect([m.$(`label[for="${area.id}"]`).textContent, m.$(`#${CSS.escape(area.getAttribute('aria-describedby')!)}`).textContent]).toEqual(['Notes?', 'Optional']);
    expect(m.$$('button').map((b) => [b.textContent, b.getAttribute('type'), (b as HTMLButtonElement).disabled])).toEqual([
      ['Skip', 'button', false],
      ['Submit', 'submit', true],
    ]);
  });

  it('submits exactly the answered questions, multiple answers in option order, text trimmed', async () => {
    m = mountPrompt(pendingItem());
    const [low, high] = m.$$<HTMLInputElement>('input[type="radio"]');
    const [a, b, c] = m.$$<HTMLInputElement>('input[type="checkbox"]');
    check(low!);
    check(high!);
    check(c!);
    check(a!);
    check(b!);
    check(b!, false);
    typeInto(m.$<HTMLTextAreaElement>('textarea'), '  ship it \n');
    click(submit(m));
    await flush();
    expect(m.fake.submitStructuredInput.mock.calls).toEqual([
      ['S1', { status: 'answered', answers: { priority: { values: ['High'] }, tags: { values: ['a', 'c'] }, notes: { values: ['ship it'] } } }],
    ]);
  });

  it('sends the C10 answer when only the priority is picked, and leaves blank text out', async () => {
    m = mountPrompt(pendingItem());
    check(m.$$<HTMLInputElement>('input[type="radio"]')[1]!);
    typeInto(m.$<HTMLTextAreaElement>('textarea'), '   ');
    click(submit(m));
    await flush();
    expect(m.fake.submitStructuredInput.mock.calls).toEqual([['S1', { status: 'answered', answers: { priority: { values: ['High'] } } }]]);
  });

  it('skips with an empty answer set', async () => {
    m = mountPrompt(pendingItem());
    check(m.$$<HTMLInputElement>('input[type="radio"]')[0]!);
    click(skip(m));
    await flush();
    expect(m.fake.submitStructuredInput.mock.calls).toEqual([['S1', { status: 'skipped', answers: {} }]]);
  });

  it('is disabled while a response streams, and cannot be sent twice while sending', async () => {
    const fake = fakeModels();
    fake.status.value = 'streaming';
    m = mountPrompt(pendingItem(), fake);
    expect([...m.$$<HTMLButtonElement>('button'), ...m.$$<HTMLFieldSetElement>('fieldset'), m.$<HTMLTextAreaElement>('textarea')].map((el) => el.disabled)).toEqual([true, true, true, true, true]);
    act(() => void (fake.status.value = 'idle'));
    let release!: () => void;
    fake.submitStructuredInput.mockImplementation(() => new Promise<void>((r) => (release = r)));
    click(skip(m));
    click(skip(m));
    expect([fake.submitStructuredInput.mock.calls.length, skip(m).disabled]).toEqual([1, true]);
    release();
    await flush();
    expect(skip(m).disabled).toBe(false);
  });

  it('reports a failed submission and enables the form again', async () => {
    const fake = fakeModels();
    fake.submitStructuredInput.mockRejectedValue(new Error('There is no thread to answer in'));
    m = mountPrompt(pendingItem(), fake);
    click(skip(m));
    await flush();
    expect([fake.reportError.mock.calls.map(([e]) => (e as Error).message), skip(m).disabled]).toEqual([['There is no thread to answer in'], false]);
  });

  it('renders hostile questions and options as text', () => {
    m = mountPrompt(item({ id: 'S2', type: 'structured_input', inputs: [{ id: 'x', type: 'multiple_choice', question: '<img src=x onerror=alert(1)>', options: [{ value: '<b>bold</b>' }] }] }));
    expect([m.$$('img, b').length, m.text('legend'), m.text('.ck-si-option')]).toEqual([0, '<img src=x onerror=alert(1)>', '<b>bold</b>']);
  });
});

describe('an "Other" answer', () => {
  const other = [
    { id: 'colour', question: 'Colour?', type: 'multiple_choice', options: [{ value: 'Red' }, { value: 'Blue' }], allow_other: true },
    { id: 'topics', question: 'Topics?', type: 'multiple_choice', options: [{ value: 'a' }, { value: 'b' }], multiple: true, allow_other: true },
    { id: 'plain', question: 'Plain?', type: 'multiple_choice', options: [{ value: 'x' }] },
  ];
  const otherItem = () => item<StructuredInputItem>({ id: 'S3', type: 'structured_input', status: 'pending', inputs: other });
  const type = (el: HTMLInputElement, text: string) =>
    act(() => {
      el.value = text;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });

  it('is offered only where the question allows it, with a labelled text box once chosen', async () => {
    m = mountPrompt(otherItem());
    expect(m.$$('fieldset').map((f) => [...f.querySelectorAll('.ck-si-option')].map((l) => l.textContent))).toEqual([
      ['Red', 'Blue', 'Other'],
      ['a', 'b', 'Other'],
      ['x'],
    ]);
    expect(m.$$('input[type="text"]').length).toBe(0);
    const [colourOther] = m.$$<HTMLInputElement>('fieldset')[0]!.querySelectorAll<HTMLInputElement>('input[value=""]');
    check(colourOther!);
    await flush();
    const box = m.$<HTMLInputElement>('input[type="text"]');
    expect([box.getAttribute('aria-label'), box.placeholder, document.activeElement === box]).toEqual(['Other answer to: Colour?', 'Your answer', true]);
  });

  it('replaces the choice of a single-choice question and adds to a multiple one; blank text is left out', async () => {
    m = mountPrompt(otherItem());
    const [colour, topics] = m.$$<HTMLFieldSetElement>('fieldset');
    check(colour!.querySelector<HTMLInputElement>('input[value="Red"]')!);
    check(colour!.querySelector<HTMLInputElement>('input[value=""]')!);
    type(colour!.querySelector<HTMLInputElement>('input[type="text"]')!, '  Teal ');
    check(topics!.querySelector<HTMLInputElement>('input[value="b"]')!);
    check(topics!.querySelector<HTMLInputElement>('input[value=""]')!);
    type(topics!.querySelector<HTMLInputElement>('input[type="text"]')!, '   ');
    click(submit(m));
    await flush();
    expect(m.fake.submitStructuredInput.mock.calls).toEqual([['S3', { status: 'answered', answers: { colour: { values: ['Teal'] }, topics: { values: ['b'] } } }]]);
    // Picking an option of the single-choice question again drops "Other".
    check(colour!.querySelector<HTMLInputElement>('input[value="Blue"]')!);
    expect(m.$$('fieldset')[0]!.querySelectorAll('input[type="text"]').length).toBe(0);
  });
});

describe('in the transcript', () => {
  it('a pending structured input shows nothing: its prompt is in the composer', () => {
    m = mountItem(pendingItem());
    expect(m.container.textContent).toBe('');
  });
});

describe('an answered or skipped structured input', () => {
  it('shows the answers read-only, with unanswered questions as skipped (the C10 replacement)', () => {
    const answered = [
      { ...inputs[0], answer: { values: ['High'], skipped: false } },
      { ...inputs[1], answer: { values: ['a', 'c'], skipped: false } },
      { ...inputs[2], answer: { values: [], skipped: true } },
    ];
    m = mountItem(pendingItem({ status: 'answered', inputs: answered }));
    expect([m.$$('form, input, textarea, button').length, m.$$('dt').map((d) => d.textContent), m.$$('dd').map((d) => d.textContent)]).toEqual([
      0,
      ['Priority?', 'Tags?', 'Notes?'],
      ['High', 'a, c', 'Skipped'],
    ]);
  });

  it('shows every question as skipped when the whole input was skipped', () => {
    m = mountItem(pendingItem({ status: 'skipped' }));
    expect(m.$$('dd').map((d) => [d.textContent, d.getAttribute('data-skipped')])).toEqual([
      ['Skipped', 'true'],
      ['Skipped', 'true'],
      ['Skipped', 'true'],
    ]);
  });
});
