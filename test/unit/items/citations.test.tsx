// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AssistantMessageItem } from '../../../src/protocol/items.ts';
import { collectSources, groupCitations } from '../../../src/ui/items/citations.tsx';
import { click, fakeModels, fire, flush, historyItems, item, itemIn, mountItem, ready, statesOf, type MountedItem } from './harness.tsx';

let m: MountedItem;
beforeAll(ready);
afterEach(() => m.unmount());

const url = (title: string, href: string) => ({ type: 'url', title, url: href });
const message = (text: string, annotations: unknown[], id = 'A1') =>
  item<AssistantMessageItem>({ id, type: 'assistant_message', content: [{ type: 'output_text', text, annotations }] });
const markers = (m: MountedItem) => m.$$('.ck-cite').map((b) => [b.textContent, b.getAttribute('aria-label')]);
const entries = (m: MountedItem) => m.$$('.ck-sources-list li').map((li) => li.textContent);

describe('citations from the s1 capture', () => {
  it('put one marker after "Hello!" and list example.com under Sources, collapsed', () => {
    const reply = historyItems().find((i) => i.id === 'msg_0003')!;
    m = mountItem(reply);
    expect(m.$('.ck-md p').innerHTML).toBe('Hello!<span class="ck-md-cite"><button type="button" class="ck-cite" aria-label="Sources 1: Example">1</button></span>');
    const toggle = m.$('.ck-sources-toggle');
    expect([m.text('.ck-sources-toggle'), toggle.getAttribute('aria-expanded'), document.getElementById(toggle.getAttribute('aria-controls')!)!.hidden]).toEqual(['Sources 1', 'false', true]);
    expect(entries(m)).toEqual(['1Exampleexample.com(opens in a new tab)']);
    const link = m.$<HTMLAnchorElement>('.ck-sources-list a');
    expect([link.href, link.target, link.rel]).toEqual(['https://example.com/', '_blank', 'noopener noreferrer']);
  });

  it('add the marker live when the annotation streams in after the text', () => {
    const states = statesOf('s1');
    const at = (i: number) => itemIn(states[i]!, 'msg_0003');
    m = mountItem(...at(3));
    m.update(...at(6));
    expect([m.text('.ck-md'), m.$$('.ck-cite').length]).toEqual(['Hello!', 0]);
    m.update(...at(7));
    expect(markers(m)).toEqual([['1', 'Sources 1: Example']]);
    m.update(...at(9));
    expect([markers(m), entries(m).length, m.$$('.ck-actions').length]).toEqual([[['1', 'Sources 1: Example']], 1, 1]);
  });

  it('open the list and focus the source when its marker is pressed', () => {
    m = mountItem(historyItems().find((i) => i.id === 'msg_0003')!);
    click(m.$('.ck-cite'));
    const toggle = m.$('.ck-sources-toggle');
    expect([toggle.getAttribute('aria-expanded'), document.getElementById(toggle.getAttribute('aria-controls')!)!.hidden]).toEqual(['true', false]);
    expect(document.activeElement).toBe(m.$('.ck-sources-list a'));
    expect(m.$('.ck-sources-list li').getAttribute('data-active')).toBe('true');
  });
});

describe('grouping and numbering', () => {
  it('group sources sharing an index into one marker "1,2" and deduplicate repeated sources', () => {
    const a = url('A', 'https://a.example/');
    const b = url('B', 'https://b.example/');
    m = mountItem(message('One. Two.', [
      { source: b, index: 9 },
      { source: a, index: 4 },
      { source: b, index: 4 },
      { source: a, index: 4 },
    ]));
    expect(m.$('.ck-md p').textContent).toBe('One.1,2 Two.1');
    expect(markers(m)).toEqual([['1,2', 'Sources 1, 2: B; A'], ['1', 'Sources 1: B']]);
    expect(entries(m).map((e) => e?.slice(0, 2))).toEqual(['1B', '2A']);
  });

  it('keep numbers stable as annotations stream in, even before an earlier offset', () => {
    const first = message('Alpha beta gamma', [{ source: url('Late', 'https://late.example/'), index: 16 }]);
    m = mountItem(first, true);
    expect(markers(m)).toEqual([['1', 'Sources 1: Late']]);
    m.update(message('Alpha beta gamma', [{ source: url('Late', 'https://late.example/'), index: 16 }, { source: url('Early', 'https://early.example/'), index: 5 }]), true);
    expect(markers(m)).toEqual([['2', 'Sources 2: Early'], ['1', 'Sources 1: Late']]);
  });

  it('number sources across parts, list sources without an index, and ignore indexes past the text', () => {
    const parts = [
      { type: 'output_text', text: 'First', annotations: [{ source: url('A', 'https://a.example/'), index: 5 }] },
      { type: 'output_text', text: 'Second', annotations: [{ source: url('A', 'https://a.example/'), index: 6 }, { source: { type: 'file', title: 'Notes', filename: 'notes.md' } }, { source: url('C', 'https://c.example/'), index: 999 }] },
    ];
    const reply = item<AssistantMessageItem>({ id: 'A2', type: 'assistant_message', content: parts });
    const sources = collectSources(reply.content);
    expect(sources.list.map((s) => [s.n, s.source.title])).toEqual([[1, 'A'], [2, 'Notes'], [3, 'C']]);
    expect(groupCitations(reply.content[1]!, sources).map((g) => [g.index, g.numbers])).toEqual([[6, [1]], [999, [3]]]);
    m = mountItem(reply);
    expect(m.$$('.ck-md').map((md) => md.textContent)).toEqual(['First1', 'Second13']);
    expect(entries(m)).toEqual(['1Aa.example(opens in a new tab)', '2Notesnotes.md', '3Cc.example(opens in a new tab)']);
  });

  it('never link a source whose URL the policy rejects', () => {
    m = mountItem(message('x', [{ source: url('Evil <b>', 'javascript:alert(1)'), index: 1 }, { source: url('Data', 'data:text/html,hi'), index: 1 }]));
    expect([m.$$('.ck-sources-list a').length, m.$$('b').length, entries(m)]).toEqual([0, 0, ['1Evil <b>', '2Data']]);
  });
});

describe('entity sources', () => {
  const ada = { type: 'entity', id: 'person_ada', title: 'Ada Lovelace', icon: 'profile', label: 'Person', interactive: true, data: { born: '1815' } };
  const preview = { type: 'Basic', children: [{ type: 'Text', value: 'Mathematician' }] };

  it('call entities.onClick with the entity built from the source, from the list and from the marker', async () => {
    const onClick = vi.fn(async () => undefined);
    m = mountItem(message('Ada.', [{ source: ada, index: 4 }]), false, fakeModels({ entities: { onClick } }));
    expect(entries(m)).toEqual(['1Ada LovelacePerson']);
    click(m.$('.ck-sources-list button.ck-source'));
    click(m.$('button.ck-cite'));
    await flush();
    const entity = { id: 'person_ada', title: 'Ada Lovelace', icon: 'profile', interactive: true, data: { born: '1815' } };
    expect(onClick.mock.calls).toEqual([[entity], [entity]]);
  });

  it('show the inline label as the marker of an entity that has one', () => {
    m = mountItem(message('Ada.', [{ source: { ...ada, inline_label: 'Ada' }, index: 4 }]), false, fakeModels({ entities: { onClick: async () => undefined } }));
    expect(markers(m)).toEqual([['Ada', 'Sources 1: Ada Lovelace']]);
  });

  it('show the host preview on hover, rendered as a widget', async () => {
    const onRequestPreview = vi.fn(async () => ({ preview }));
    m = mountItem(message('Ada.', [{ source: ada, index: 4 }]), false, fakeModels({ entities: { onRequestPreview } }));
    fire(m.$('.ck-sources-list .ck-entity'), 'mouseenter', { bubbles: false });
    await flush();
    await flush();
    expect(m.text('.ck-entity-preview')).toBe('Mathematician');
    expect(m.$('.ck-sources-list button.ck-source').getAttribute('aria-describedby')).toBe(m.$('.ck-entity-preview').id);
    expect(onRequestPreview.mock.calls).toEqual([[{ id: 'person_ada', title: 'Ada Lovelace', icon: 'profile', interactive: true, data: { born: '1815' } }]]);
  });

  it('leave a non-interactive entity, or one without host callbacks, as plain text in the list; its marker opens the list', async () => {
    const onClick = vi.fn(async () => undefined);
    m = mountItem(message('Ada.', [{ source: { ...ada, interactive: false }, index: 4 }]), false, fakeModels({ entities: { onClick } }));
    expect(m.$$('.ck-sources-list button').length).toBe(0);
    click(m.$('button.ck-cite'));
    await flush();
    expect([onClick.mock.calls.length, m.$('.ck-sources-toggle').getAttribute('aria-expanded')]).toEqual([0, 'true']);
    m.unmount();
    m = mountItem(message('Ada.', [{ source: ada, index: 4 }]));
    expect(m.$$('.ck-sources-list button').length).toBe(0);
  });

  it('show the icon as the marker of an entity without an inline label, and a number when it has no icon', () => {
    m = mountItem(message('Ada. Bob.', [{ source: ada, index: 4 }, { source: { ...ada, id: 'bob', title: 'Bob', icon: undefined }, index: 9 }]));
    const [first, second] = m.$$('.ck-cite');
    expect([first!.querySelector('svg.ck-icon') !== null, first!.textContent, first!.getAttribute('aria-label')]).toEqual([true, '', 'Sources 1: Ada Lovelace']);
    expect([second!.querySelector('svg') === null, second!.textContent]).toEqual([true, '2']);
  });

  it('show the default hover header (icon, title, label) when no preview will be asked for, else the host preview', async () => {
    const onRequestPreview = vi.fn(async () => ({ preview }));
    m = mountItem(message('Ada.', [{ source: ada, index: 4 }]), false, fakeModels({ entities: { onClick: async () => undefined } }));
    fire(m.$('.ck-md .ck-entity'), 'mouseenter', { bubbles: false });
    await flush();
    const card = m.$('.ck-md .ck-entity-preview');
    expect([card.getAttribute('role'), m.text('.ck-md .ck-entity-head'), m.$$('.ck-md .ck-entity-head svg').length]).toEqual(['tooltip', 'Ada LovelacePerson', 1]);
    expect(m.$('.ck-md button.ck-cite').getAttribute('aria-describedby')).toBe(card.id);
    m.unmount();
    // Not interactive: the header too, and the host is not asked for a preview.
    m = mountItem(message('Ada.', [{ source: { ...ada, interactive: false }, index: 4 }]), false, fakeModels({ entities: { onRequestPreview } }));
    fire(m.$('.ck-md .ck-entity'), 'mouseenter', { bubbles: false });
    await flush();
    expect([m.text('.ck-md .ck-entity-preview'), onRequestPreview.mock.calls.length]).toEqual(['Ada LovelacePerson', 0]);
    m.unmount();
    // Interactive with a preview callback: the host's preview, without the default header.
    m = mountItem(message('Ada.', [{ source: ada, index: 4 }]), false, fakeModels({ entities: { onRequestPreview } }));
    fire(m.$('.ck-md .ck-entity'), 'mouseenter', { bubbles: false });
    await flush();
    await flush();
    expect([m.text('.ck-md .ck-entity-preview'), m.$$('.ck-md .ck-entity-head').length, onRequestPreview.mock.calls.length]).toEqual(['Mathematician', 0, 1]);
  });
});

describe('source details', () => {
  it('show a URL source’s attribution instead of its host, each source’s date, and group sources under headings', () => {
    m = mountItem(
      message('A. B. C.', [
        { source: { ...url('Guide', 'https://docs.example/guide'), attribution: 'Example Docs', timestamp: '2026-03-04' }, index: 2 },
        { source: { ...url('Paper', 'https://p.example/'), group: 'Papers', timestamp: '2026-03-05T14:30:00Z' }, index: 5 },
        { source: { type: 'file', title: 'Notes', filename: 'notes.md', group: 'Files' }, index: 8 },
        { source: { ...url('Other', 'https://o.example/'), timestamp: 'not a date' }, index: 8 },
      ]),
    );
    expect(m.$$('.ck-sources-group').map((h) => h.textContent)).toEqual(['Papers', 'Files']);
    expect(m.$$('.ck-sources-list').map((ol) => [...ol.querySelectorAll('li')].map((li) => li.getAttribute('data-n')))).toEqual([['1', '4'], ['2'], ['3']]);
    expect(m.$$('.ck-sources-list li')[0]!.textContent).toBe('1GuideExample Docs(opens in a new tab)Mar 4, 2026');
    const time = m.$$('.ck-sources-list time');
    expect(time.map((t) => [t.getAttribute('datetime'), /Mar 5, 2026/.test(t.textContent ?? '')])).toEqual([
      ['2026-03-04', false],
      ['2026-03-05T14:30:00Z', true],
    ]);
    expect(m.$$('.ck-sources-list li')[1]!.textContent).toBe('4Othero.example(opens in a new tab)');
  });
});
