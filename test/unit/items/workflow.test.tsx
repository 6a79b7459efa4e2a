// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WorkflowItem } from '../../../src/protocol/items.ts';
import { click, fakeModels, historyItems, item, itemIn, mountItem, ready, statesOf, type MountedItem } from './harness.tsx';

let m: MountedItem;
beforeAll(ready);
afterEach(() => m.unmount());

/** Each task line as "title [status label]". */
const tasks = (m: MountedItem) =>
  m.$$('.ck-task-view').map((t) => [t.querySelector('.ck-task-title')?.textContent ?? '', t.querySelector('.ck-task-status')?.getAttribute('aria-label') ?? ''].join(' | '));
const head = (m: MountedItem) => m.$('.ck-workflow-head');
const workflow = (raw: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  item<WorkflowItem>({ id: 'wf_1', type: 'workflow', ...extra, workflow: { type: 'custom', tasks: [], ...raw } });

describe('workflows from the s4 capture', () => {
  it('stream live: Working… with a spinner, tasks updating in place, then "Thought for 3s", collapsed', () => {
    const states = statesOf('s4');
    const [added, addedPending] = itemIn(states[2]!, 'wf_0013');
    m = mountItem(added, addedPending);
    expect([m.text('.ck-workflow-head'), head(m).getAttribute('aria-expanded'), m.$$('.ck-workflow-head .ck-spin').length]).toEqual(['Working…', 'false', 1]);
    expect(m.$('.ck-workflow-tasks').hidden).toBe(true);
    expect(tasks(m)).toEqual(['Searching | In progress']);

    m.update(...itemIn(states[3]!, 'wf_0013'));
    expect(tasks(m)).toEqual(['Searching | Done']);
    m.update(...itemIn(states[4]!, 'wf_0013'));
    expect(tasks(m)).toEqual(['Searching | Done', 'Thought | ']);
    expect(m.text('.ck-task-view[data-type="thought"] .ck-task-body')).toBe('Thinking about it');

    const [done, donePending] = itemIn(states[5]!, 'wf_0013');
    expect(donePending).toBe(false);
    m.update(done, donePending);
    expect([m.text('.ck-workflow-head'), head(m).getAttribute('aria-expanded'), m.$$('.ck-workflow-head .ck-spin').length]).toEqual(['Thought for 3s', 'false', 0]);
  });

  it('render the same from history (n2), and expand and collapse with the header button', () => {
    const wf = historyItems().find((i) => i.id === 'wf_0013')!;
    m = mountItem(wf);
    const button = head(m);
    expect([button.tagName, button.getAttribute('type'), button.getAttribute('aria-controls')]).toEqual(['BUTTON', 'button', m.$('.ck-workflow-tasks').id]);
    click(button);
    expect([button.getAttribute('aria-expanded'), m.$('.ck-workflow-tasks').hidden]).toEqual(['true', false]);
    expect(tasks(m)).toEqual(['Searching | Done', 'Thought | ']);
    expect(m.$$('.ck-task-view svg')[0]?.getAttribute('data-state')).not.toBe('fallback');
    click(button);
    expect([button.getAttribute('aria-expanded'), m.$('.ck-workflow-tasks').hidden]).toEqual(['false', true]);
  });
});

describe('workflow headers', () => {
  it('show a custom summary title with its icon', () => {
    m = mountItem(workflow({ summary: { title: 'Looked into it', icon: 'check' } }));
    expect([m.text('.ck-workflow-head'), m.$$('.ck-workflow-head svg').length]).toEqual(['Looked into it', 2]);
  });

  it('say Thinking… for a running reasoning workflow and count the steps of a finished one without summary', () => {
    m = mountItem(workflow({ type: 'reasoning', tasks: [{ type: 'thought', content: 'a' }] }), true);
    expect(m.text('.ck-workflow-head')).toBe('Thinking…');
    m.update(workflow({ type: 'reasoning', tasks: [{ type: 'thought', content: 'a' }] }), false);
    expect(m.text('.ck-workflow-head')).toBe('1 step');
    m.update(workflow({ tasks: [{ type: 'image' }, { type: 'image' }] }), false);
    expect(m.text('.ck-workflow-head')).toBe('2 steps');
  });

  it('round a fractional or negative duration to whole seconds', () => {
    m = mountItem(workflow({ summary: { duration: 2.6 } }));
    expect(m.text('.ck-workflow-head')).toBe('Thought for 3s');
    m.update(workflow({ summary: { duration: -4 } }));
    expect(m.text('.ck-workflow-head')).toBe('Thought for 0s');
  });

  it('follow the server’s expanded flag until the reader toggles, then keep the reader’s choice', () => {
    const task = { type: 'custom', title: 'Step', status_indicator: 'loading' };
    m = mountItem(workflow({ tasks: [task], expanded: true }), true);
    expect(head(m).getAttribute('aria-expanded')).toBe('true');
    m.update(workflow({ tasks: [task], expanded: false, summary: { title: 'Done' } }));
    expect(head(m).getAttribute('aria-expanded')).toBe('false');
    click(head(m));
    m.update(workflow({ tasks: [task], expanded: false, summary: { title: 'Done' } }));
    expect(head(m).getAttribute('aria-expanded')).toBe('true');
  });

  it('render hostile titles as text', () => {
    m = mountItem(workflow({ summary: { title: '<img src=x onerror=alert(1)>' }, tasks: [{ type: 'custom', title: '<b>x</b>' }] }));
    expect([m.text('.ck-workflow-head'), m.$$('img, b').length, m.text('.ck-task-title')]).toEqual(['<img src=x onerror=alert(1)>', 0, '<b>x</b>']);
  });
});

describe('task types', () => {
  it('render custom content as Markdown and thoughts as Markdown', () => {
    m = mountItem(workflow({ expanded: true, tasks: [{ type: 'custom', title: 'Plan', icon: 'search', content: 'Step **one**' }, { type: 'thought', content: '- a\n- b' }] }));
    expect(m.$$('.ck-task-body .ck-md').map((el) => el.innerHTML)).toEqual(['<p>Step <strong>one</strong></p>', '<ul><li>a</li><li>b</li></ul>']);
  });

  it('render a web search: title query, queries, and its pages with site icons only from allowed hosts', () => {
    const fake = fakeModels();
    fake.imageDomains.value = 'allowed.example';
    const search = {
      type: 'web_search',
      status_indicator: 'complete',
      title_query: 'chatkit docs',
      queries: ['chatkit', 'chatkit protocol'],
      sources: [
        { type: 'url', title: 'Allowed page', url: 'https://www.allowed.example/a' },
        { type: 'url', title: 'Other page', url: 'https://other.example/b' },
        { type: 'url', title: 'Bad page', url: 'javascript:alert(1)' },
      ],
    };
    m = mountItem(workflow({ expanded: true, tasks: [search] }), false, fake);
    expect(tasks(m)).toEqual(['chatkit docs | Done']);
    expect(m.$$('.ck-task-queries li').map((li) => li.textContent)).toEqual(['chatkit', 'chatkit protocol']);
    const links = m.$$<HTMLAnchorElement>('a.ck-source');
    expect(links.map((a) => [a.href, a.target, a.rel])).toEqual([
      ['https://www.allowed.example/a', '_blank', 'noopener noreferrer'],
      ['https://other.example/b', '_blank', 'noopener noreferrer'],
    ]);
    expect(links.map((a) => a.querySelector('.ck-source-meta')?.textContent)).toEqual(['allowed.example', 'other.example']);
    expect(m.$$<HTMLImageElement>('img.ck-favicon').map((i) => [i.getAttribute('src'), i.alt, i.getAttribute('referrerpolicy')])).toEqual([
      ['https://www.allowed.example/favicon.ico', '', 'no-referrer'],
    ]);
    expect(m.$$('.ck-task-list li')[4]?.innerHTML).toBe('<span class="ck-source"><span class="ck-source-title" dir="auto">Bad page</span></span>');
  });

  it('name a web search by its status when it has no title', () => {
    m = mountItem(workflow({ expanded: true, tasks: [{ type: 'web_search', status_indicator: 'loading' }, { type: 'web_search' }] }));
    expect(tasks(m)).toEqual(['Searching the web… | In progress', 'Searched the web | ']);
  });

  it('render file tasks with their files and image tasks with their title', () => {
    const file = { type: 'file', sources: [{ type: 'file', title: 'Protocol notes', filename: 'CHATKIT.md' }, { type: 'file', title: 'a.txt', filename: 'a.txt' }] };
    m = mountItem(workflow({ expanded: true, tasks: [file, { type: 'image', title: 'Drawing a cat' }, { type: 'image' }] }));
    expect(tasks(m)).toEqual(['File | ', 'Drawing a cat | ', 'Image | ']);
    expect(m.$$('.ck-task-list .ck-source').map((s) => s.textContent)).toEqual(['Protocol notesCHATKIT.md', 'a.txt']);
  });

  it('render a standalone task item as one task line', () => {
    m = mountItem(item({ id: 'task_1', type: 'task', task: { type: 'custom', title: 'Indexing', status_indicator: 'loading' } }), true);
    expect(m.container.firstElementChild?.className).toBe('ck-task-item');
    expect(tasks(m)).toEqual(['Indexing | In progress']);
    expect(m.$$('.ck-task-status.ck-spin').length).toBe(1);
  });
});
