import { describe, expect, it } from 'vitest';
import { createHarness } from './harness.ts';

const thread = { id: 't1', created_at: '2026-01-01T00:00:00', status: { type: 'active' }, metadata: {}, items: { data: [] as unknown[], has_more: false } };
const item = (n: number) => ({ id: `m${n}`, thread_id: 't1', created_at: '2026-01-01T00:00:00', type: 'assistant_message', content: [{ type: 'output_text', text: `#${n}`, annotations: [] }] });
const ids = (h: ReturnType<typeof createHarness>) => h.chat.conversation.peek().items.map((i) => i.id);

describe('chat model: refreshing the open thread', () => {
  it('asks only for items after the newest one and appends what was added elsewhere, page by page', async () => {
    const h = createHarness({
      'threads.get_by_id': [{ json: { ...thread, items: { data: [item(1), item(2)], has_more: false } } }],
      'items.list': [
        { json: { data: [], has_more: false } },
        { json: { data: [item(3)], has_more: true, after: 'm3' } },
        { json: { data: [item(4)], has_more: false } },
      ],
    });
    await h.chat.loadThread('t1');
    expect(await h.chat.refresh()).toBe(0);
    expect(h.seen.at(-1)).toMatchObject({ type: 'items.list', params: { thread_id: 't1', order: 'asc', limit: 40, after: 'm2' } });
    expect(await h.chat.refresh()).toBe(2);
    expect(h.seen.slice(-2).map((r) => r.params.after)).toEqual(['m2', 'm3']);
    expect(ids(h)).toEqual(['m1', 'm2', 'm3', 'm4']);
  });

  it('does nothing without a thread or while a response streams, and drops an answer for a thread no longer open', async () => {
    const h = createHarness({
      'threads.get_by_id': [{ json: { ...thread, items: { data: [item(1)], has_more: false } } }],
      'items.list': [{ json: { data: [item(2)], has_more: false } }],
    });
    expect(await h.chat.refresh()).toBe(0);
    expect(h.seen).toEqual([]);
    await h.chat.loadThread('t1');
    h.chat.status.value = 'streaming';
    expect(await h.chat.refresh()).toBe(0);
    h.chat.status.value = 'idle';
    const pending = h.chat.refresh();
    h.chat.newThread();
    expect(await pending).toBe(0);
    expect(ids(h)).toEqual([]);
  });

  it('a failed refresh is logged, never shown as a failure', async () => {
    const h = createHarness({
      'threads.get_by_id': [{ json: { ...thread, items: { data: [item(1)], has_more: false } } }],
      'items.list': [{ json: { error: 'nope' }, status: 500 }],
    });
    await h.chat.loadThread('t1');
    expect(await h.chat.refresh()).toBe(0);
    expect(h.chat.failure.peek()).toBe(null);
    expect(h.events.some((e) => e.name === 'chatkit.log' && (e.detail as { name: string }).name === 'refresh.failed')).toBe(true);
    expect(ids(h)).toEqual(['m1']);
  });
});
