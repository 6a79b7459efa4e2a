import { describe, expect, it, vi } from 'vitest';
import { LOCAL_ID_PREFIX } from '../../../src/store/apply-stream-event.ts';
import { BusyError } from '../../../src/store/chat-model.ts';
import { createHarness, createStorage, eventNames, fromFixture, text } from './harness.ts';

const texts = (h: ReturnType<typeof createHarness>): string[] =>
  h.chat.conversation.peek().items.map((i) =>
    i.type === 'user_message' ? `user:${i.content.map((c) => ('text' in c ? c.text : '')).join('')}` : i.type === 'assistant_message' ? `assistant:${i.content.map((c) => c.text).join('')}` : i.type,
  );

describe('chat model: sending', () => {
  it('sends threads.create with the exact input, streams the answer and emits events in order', async () => {
    const h = createHarness({ 'threads.create': [fromFixture('s1')] }, { locale: 'de-DE' });
    await h.chat.send({ content: text('Hi') });
    expect(h.seen).toHaveLength(1);
    expect(h.seen[0]).toMatchObject({
      type: 'threads.create',
      params: { input: { content: [{ type: 'input_text', text: 'Hi' }], attachments: [], inference_options: {} } },
      url: 'https://site.example/chatkit',
    });
    expect(h.seen[0]?.headers['accept-language']).toBe('de-DE');
    expect(h.seen[0]?.headers['content-type']).toBe('application/json');
    expect(texts(h)).toEqual(['user:Hi', 'assistant:Hello!']);
    expect(h.chat.conversation.peek().thread?.title).toBe('Greeting');
    expect(h.chat.status.peek()).toBe('idle');
    expect(eventNames(h)).toEqual(['chatkit.response.start', 'chatkit.thread.change', 'chatkit.response.end', 'chatkit.unread']);
    expect(h.events.find((e) => e.name === 'chatkit.thread.change')?.detail).toEqual({ threadId: 'thr_0001' });
    expect(h.events.find((e) => e.name === 'chatkit.unread')?.detail).toEqual({ count: 1 });
  });

  it('shows the user message at once, before the server echoes it, then replaces it in place', async () => {
    const h = createHarness({ 'threads.create': [{ ...(fromFixture('s1') as { sse: string }), delayMs: 5, chunk: 40 }] });
    const done = h.chat.send({ content: text('Hi') });
    expect(h.chat.conversation.peek().items.map((i) => i.id.startsWith(LOCAL_ID_PREFIX))).toEqual([true]);
    await done;
    expect(h.chat.conversation.peek().items.map((i) => i.id)).toEqual(['msg_0002', 'msg_0003']);
  });

  it('continues an existing thread with threads.add_user_message and the inference options', async () => {
    const h = createHarness({ 'threads.create': [fromFixture('s1')], 'threads.add_user_message': [fromFixture('s10')] });
    await h.chat.send({ content: text('Hi') });
    await h.chat.send({ content: text('hidden'), quotedText: 'earlier', inference: { tool_choice: { id: 'search' }, model: 'gpt-x' } });
    expect(h.seen[1]).toMatchObject({
      type: 'threads.add_user_message',
      params: { thread_id: 'thr_0001', input: { quoted_text: 'earlier', inference_options: { tool_choice: { id: 'search' }, model: 'gpt-x' } } },
    });
    expect(texts(h)).toEqual(['user:Hi', 'assistant:Hello!', 'user:hidden', 'assistant:ok']);
  });

  it('rejects a second send while a response streams, with a clear error', async () => {
    const h = createHarness({ 'threads.create': [{ hang: true }] });
    void h.chat.send({ content: text('one') });
    await expect(h.chat.send({ content: text('two') })).rejects.toThrow(new BusyError('send a message'));
    await expect(h.chat.loadThread('thr_x')).rejects.toThrow('Cannot load a thread while a response is streaming or a thread is loading');
    h.chat.stop();
  });

  it('refuses to send without an api, naming the option to set', async () => {
    const h = createHarness({});
    h.app.setOptions({});
    await expect(h.chat.send({ content: text('x') })).rejects.toThrow('Chat is not configured: set api.url (data-api-url) or api.getClientSecret');
  });
});

describe('chat model: failures and retry', () => {
  it('an error event shows the error, emits chatkit.error, and Retry regenerates after the last user message', async () => {
    const h = createHarness({ 'threads.create': [fromFixture('s1')], 'threads.add_user_message': [fromFixture('s7a')], 'threads.retry_after_item': [fromFixture('s8')] });
    await h.chat.send({ content: text('Hi') });
    await h.chat.send({ content: text('fail') });
    expect(h.chat.conversation.peek().error).toEqual({ code: 'stream.error', allowRetry: true });
    const error = h.events.find((e) => e.name === 'chatkit.error')?.detail as { error: Error };
    expect(error.error).toBeInstanceOf(Error);
    expect(error.error.message).toBe('The response failed (stream.error)');
    await h.chat.retryLastTurn();
    expect(h.seen.at(-1)).toMatchObject({ type: 'threads.retry_after_item', params: { thread_id: 'thr_0001', item_id: 'msg_0020' } });
    expect(texts(h)).toEqual(['user:Hi', 'assistant:Hello!', 'user:fail', 'assistant:Hi there!']);
    expect(h.chat.conversation.peek().error).toBeNull();
  });

  it('a network error before the server saw the message keeps it, offers Retry, and Retry sends it again once', async () => {
    const h = createHarness({ 'threads.create': [{ reject: new TypeError('Failed to fetch') }, fromFixture('s1')], 'threads.list': [{ json: { data: [], has_more: false } }] });
    await h.chat.send({ content: text('Hi') });
    expect(h.chat.failure.peek()?.message).toBe('Could not reach the chat server (Failed to fetch)');
    expect(texts(h)).toEqual(['user:Hi']);
    await h.chat.failure.peek()?.retry?.();
    // Retry first checks that the server did not store it (no thread of ours), then sends it again.
    expect(h.seen.map((r) => r.type)).toEqual(['threads.create', 'threads.list', 'threads.create']);
    expect(texts(h)).toEqual(['user:Hi', 'assistant:Hello!']);
    expect(h.chat.failure.peek()).toBeNull();
  });

  it('Retry of an action keeps working however often the request fails', async () => {
    const fail = { reject: new TypeError('Failed to fetch') };
    const h = createHarness({ 'threads.create': [fromFixture('s1')], 'threads.custom_action': [fail, fail, fail] });
    await h.chat.send({ content: text('Hi') });
    await h.chat.sendCustomAction({ type: 'refresh' });
    await h.chat.failure.peek()?.retry?.();
    await h.chat.failure.peek()?.retry?.();
    expect(h.seen.map((r) => r.type)).toEqual(['threads.create', 'threads.custom_action', 'threads.custom_action', 'threads.custom_action']);
    expect(h.chat.failure.peek()?.message).toBe('Could not reach the chat server (Failed to fetch)');
  });

  it('a stream that ends mid-item is a failure, not a silent half answer', async () => {
    const raw = (fromFixture('s1') as { sse: string }).sse;
    const cut = raw.slice(0, raw.indexOf('"delta":"lo!"'));
    const h = createHarness({ 'threads.create': [{ sse: cut.slice(0, cut.lastIndexOf('\n\n') + 2) }] });
    await h.chat.send({ content: text('Hi') });
    expect(h.chat.failure.peek()?.message).toBe('The response was interrupted.');
    expect(texts(h)).toEqual(['user:Hi', 'assistant:Hel']);
  });

  it('an empty stream (e.g. an unknown thread on the server) is a failure', async () => {
    const h = createHarness({ 'threads.create': [{ sse: '' }] });
    await h.chat.send({ content: text('Hi') });
    expect(h.chat.failure.peek()?.message).toBe('The response was interrupted.');
  });

  const thread = { id: 'thr_9', created_at: '2026-01-01T00:00:00', status: { type: 'active' }, metadata: {}, items: { data: [], has_more: false } };
  const userItem = { id: 'msg_9', thread_id: 'thr_9', created_at: '2026-01-01T00:00:01', type: 'user_message', content: text('Hi'), attachments: [], inference_options: {} };
  const answer = { id: 'msg_10', thread_id: 'thr_9', created_at: '2026-01-01T00:00:02', type: 'assistant_message', content: [{ type: 'output_text', text: 'Hello!', annotations: [] }] };
  const events = (...list: unknown[]) => ({ sse: list.map((e) => `data: ${JSON.stringify(e)}\n\n`).join('') });

  it('a stream that ends cleanly after thread.created but before any answer is a failure with Retry', async () => {
    const h = createHarness({
      'threads.create': [events({ type: 'thread.created', thread }, { type: 'thread.item.done', item: userItem })],
      'threads.retry_after_item': [events({ type: 'thread.item.done', item: answer })],
    });
    await h.chat.send({ content: text('Hi') });
    expect(h.chat.failure.peek()?.message).toBe('The response was interrupted.');
    expect(eventNames(h)).not.toContain('chatkit.unread');
    await h.chat.failure.peek()?.retry?.();
    expect(h.seen.map((r) => r.type)).toEqual(['threads.create', 'threads.retry_after_item']);
    expect(texts(h)).toEqual(['user:Hi', 'assistant:Hello!']);
    expect(h.chat.failure.peek()).toBeNull();
  });

  it('Retry after a cut before thread.created adopts the thread the server made, never a second copy', async () => {
    const h = createHarness({
      'threads.create': [{ sse: '' }],
      'threads.list': [{ json: { data: [thread], has_more: false } }],
      'items.list': [{ json: { data: [userItem], has_more: false } }, { json: { data: [userItem], has_more: false } }],
      'threads.get_by_id': [{ json: { ...thread, items: { data: [userItem], has_more: false } } }],
      'threads.retry_after_item': [events({ type: 'thread.item.done', item: answer })],
    });
    await h.chat.send({ content: text('Hi') });
    expect(h.chat.failure.peek()?.message).toBe('The response was interrupted.');
    await h.chat.failure.peek()?.retry?.();
    expect(h.seen.map((r) => r.type)).not.toContain('threads.add_user_message');
    expect(h.seen.filter((r) => r.type === 'threads.create')).toHaveLength(1);
    expect(h.seen.at(-1)).toMatchObject({ type: 'threads.retry_after_item', params: { thread_id: 'thr_9', item_id: 'msg_9' } });
    expect(texts(h)).toEqual(['user:Hi', 'assistant:Hello!']);
    expect(h.chat.threadId.peek()).toBe('thr_9');
  });

  it('Retry after a cut in a known thread adopts the stored message instead of adding a second copy', async () => {
    const again = { ...userItem, id: 'msg_11', content: text('More') };
    const h = createHarness({
      'threads.create': [events({ type: 'thread.created', thread }, { type: 'thread.item.done', item: userItem }, { type: 'thread.item.done', item: answer })],
      'threads.add_user_message': [{ sse: '' }],
      'items.list': [{ json: { data: [again], has_more: false } }],
      'threads.retry_after_item': [events({ type: 'thread.item.done', item: { ...answer, id: 'msg_12', content: [{ type: 'output_text', text: 'Sure.', annotations: [] }] } })],
    });
    await h.chat.send({ content: text('Hi') });
    await h.chat.send({ content: text('More') });
    await h.chat.failure.peek()?.retry?.();
    expect(h.seen.map((r) => r.type)).toEqual(['threads.create', 'threads.add_user_message', 'items.list', 'threads.retry_after_item']);
    expect(h.seen.at(-1)?.params).toEqual({ thread_id: 'thr_9', item_id: 'msg_11' });
    expect(texts(h)).toEqual(['user:Hi', 'assistant:Hello!', 'user:More', 'assistant:Sure.']);
  });

  it('Retry after a cut sends the message again when the server never stored it', async () => {
    const other = { ...userItem, id: 'msg_1', content: text('something else') };
    const h = createHarness({
      'threads.create': [{ sse: '' }, fromFixture('s1')],
      'threads.list': [{ json: { data: [thread], has_more: false } }],
      'items.list': [{ json: { data: [other], has_more: false } }],
    });
    await h.chat.send({ content: text('Hi') });
    await h.chat.failure.peek()?.retry?.();
    expect(h.seen.map((r) => r.type)).toEqual(['threads.create', 'threads.list', 'items.list', 'threads.create']);
    expect(texts(h)).toEqual(['user:Hi', 'assistant:Hello!']);
  });

  it('a silent stream times out into the error state with Retry', async () => {
    const h = createHarness({ 'threads.create': [{ hang: true }], 'threads.list': [{ json: { data: [], has_more: false } }] }, {}, undefined, { idleTimeoutMs: 50 });
    await h.chat.send({ content: text('Hi') });
    expect(h.chat.status.peek()).toBe('idle');
    expect(h.chat.failure.peek()?.message).toBe('The chat server stopped responding (nothing received for 0.05 s).');
    expect(h.chat.failure.peek()?.retry).toBeTypeOf('function');
  });

  it('an HTTP error body names the problem', async () => {
    const h = createHarness({ 'threads.create': [{ json: { error: { code: 'invalid_request', message: 'params.input: expected object' } }, status: 400 }] });
    await h.chat.send({ content: text('Hi') });
    expect(h.chat.failure.peek()?.message).toBe('params.input: expected object');
  });

  it('stop aborts the request and keeps the partial answer, with no failure', async () => {
    const h = createHarness({ 'threads.create': [{ ...(fromFixture('s1') as { sse: string }), delayMs: 20, chunk: 16 }] });
    const running = h.chat.send({ content: text('Hi') });
    await vi.waitUntil(() => h.chat.conversation.peek().items.some((i) => i.type === 'assistant_message'), { timeout: 3000 });
    h.chat.stop();
    await running;
    expect(h.chat.failure.peek()).toBeNull();
    expect(h.chat.conversation.peek().pending).toEqual([]);
    expect(h.chat.status.peek()).toBe('idle');
    expect(texts(h)[0]).toBe('user:Hi');
    expect(eventNames(h).at(-1)).toBe('chatkit.response.end');
  });
});

describe('chat model: threads', () => {
  it('loads a thread by id and emits load start/end and thread.change', async () => {
    const h = createHarness({ 'threads.get_by_id': [fromFixture('n2')], 'items.list': [fromFixture('n4')] });
    await h.chat.loadThread('thr_0001');
    expect(h.chat.threadId.peek()).toBe('thr_0001');
    // n2 has more than one page, so the newest page is fetched (items.list, newest first) and shown oldest first.
    expect(h.seen.map((r) => r.type)).toEqual(['threads.get_by_id', 'items.list']);
    expect(h.chat.conversation.peek().items.map((i) => i.id)).toEqual(['msg_0007', 'msg_0003', 'msg_0002']);
    expect(h.chat.hasOlder.peek()).toBe(true);
    expect(eventNames(h)).toEqual(['chatkit.thread.load.start', 'chatkit.thread.change', 'chatkit.thread.load.end']);
    expect(h.events.map((e) => e.detail).filter(Boolean).slice(-3)).toEqual([{ threadId: 'thr_0001' }, { threadId: 'thr_0001' }, { threadId: 'thr_0001' }]);
  });

  it('opens a long thread at its newest page and loads older pages on request', async () => {
    const thread = { id: 't1', created_at: '2026-01-01T00:00:00', status: { type: 'active' }, metadata: {}, items: { data: [], has_more: true, after: 'x' } };
    const item = (n: number) => ({ id: `m${n}`, thread_id: 't1', created_at: '2026-01-01T00:00:00', type: 'assistant_message', content: [{ type: 'output_text', text: `#${n}`, annotations: [] }] });
    const h = createHarness({
      'threads.get_by_id': [{ json: thread }],
      'items.list': [{ json: { data: [item(5), item(4)], has_more: true, after: 'm4' } }, { json: { data: [item(3), item(2)], has_more: false } }],
    });
    await h.chat.loadThread('t1');
    expect(h.seen[1]).toMatchObject({ type: 'items.list', params: { thread_id: 't1', order: 'desc', limit: 40 } });
    expect(texts(h)).toEqual(['assistant:#4', 'assistant:#5']);
    expect(h.chat.hasOlder.peek()).toBe(true);
    await h.chat.loadOlder();
    expect(h.seen[2]).toMatchObject({ type: 'items.list', params: { thread_id: 't1', order: 'desc', limit: 40, after: 'm4' } });
    expect(texts(h)).toEqual(['assistant:#2', 'assistant:#3', 'assistant:#4', 'assistant:#5']);
    expect(h.chat.hasOlder.peek()).toBe(false);
  });

  it('stores the thread id only after the user engaged, and restores it next time', async () => {
    const storage = createStorage();
    const h = createHarness({ 'threads.get_by_id': [fromFixture('n2')], 'items.list': [fromFixture('n4')] }, {}, storage);
    await h.chat.loadThread('thr_0001');
    expect(storage.data.size).toBe(0);
    h.chat.engage();
    expect([...storage.data]).toEqual([['chatkit:test:thread', 'thr_0001']]);
    const next = createHarness({ 'threads.get_by_id': [fromFixture('n2')], 'items.list': [fromFixture('n4')] }, {}, storage);
    await next.chat.restore(next.app.options.peek());
    expect(next.chat.threadId.peek()).toBe('thr_0001');
  });

  it('a stored thread that no longer exists starts a fresh chat and forgets it', async () => {
    const storage = createStorage();
    storage.setItem('chatkit:test:thread', 'gone');
    const h = createHarness({ 'threads.get_by_id': [{ json: { error: { code: 'not_found', message: 'Thread gone not found' } }, status: 404 }] }, {}, storage);
    await h.chat.restore(h.app.options.peek());
    expect(h.chat.threadId.peek()).toBeNull();
    expect(h.chat.failure.peek()).toBeNull();
    expect(storage.data.size).toBe(0);
  });

  it('initialThread wins over the stored one', async () => {
    const storage = createStorage();
    storage.setItem('chatkit:test:thread', 'other');
    const h = createHarness({ 'threads.get_by_id': [fromFixture('n2')], 'items.list': [fromFixture('n4')] }, { initialThread: 'thr_0001' }, storage);
    await h.chat.restore(h.app.options.peek());
    expect(h.seen[0]?.params).toEqual({ thread_id: 'thr_0001' });
  });

  it('initialThread: null opens a new thread, not the stored one', async () => {
    const storage = createStorage();
    storage.setItem('chatkit:test:thread', 'thr_0001');
    const h = createHarness({ 'threads.get_by_id': [fromFixture('n2')] }, { initialThread: null }, storage);
    await h.chat.restore(h.app.options.peek());
    expect(h.seen).toEqual([]);
    expect(h.chat.threadId.peek()).toBeNull();
  });

  it('an inline widget (<openai-chatkit>) opens the new-thread view and keeps nothing, as ChatKit does', async () => {
    const storage = createStorage();
    storage.setItem('chatkit:test:thread', 'thr_0001');
    const h = createHarness({ 'threads.create': [fromFixture('s1')] }, {}, storage, { inline: true });
    await h.chat.restore(h.app.options.peek());
    expect(h.seen).toEqual([]);
    h.chat.engage();
    await h.chat.send({ content: text('Hi') });
    expect(h.chat.threadId.peek()).not.toBeNull();
    expect([...storage.data]).toEqual([['chatkit:test:thread', 'thr_0001']]);
  });

  it('a stored thread the backend cannot load is forgotten without an error, and said once in chatkit.log', async () => {
    const storage = createStorage();
    storage.setItem('chatkit:test:thread', 'thr_other_app');
    const h = createHarness({ 'threads.get_by_id': [{ json: { error: 'Internal Server Error' }, status: 500 }] }, {}, storage);
    await h.chat.restore(h.app.options.peek());
    expect(h.chat.failure.peek()).toBeNull();
    expect(storage.data.size).toBe(0);
    expect(eventNames(h)).not.toContain('chatkit.error');
    const logs = h.events.filter((e) => e.name === 'chatkit.log').map((e) => (e.detail as { name: string }).name);
    expect(logs.filter((n) => n === 'thread.restore.failed')).toHaveLength(1);
  });

  it("setStorage: 'session' moves the kept thread id to session storage, 'none' removes it everywhere and keeps nothing", async () => {
    const storage = createStorage();
    const h = createHarness({ 'threads.get_by_id': [fromFixture('n2')], 'items.list': [fromFixture('n4')], 'threads.create': [fromFixture('s1')] }, {}, storage);
    h.chat.engage();
    await h.chat.loadThread('thr_0001');
    expect([...storage.data]).toEqual([['chatkit:test:thread', 'thr_0001']]);
    await h.chat.setStorage('session');
    expect([...storage.data]).toEqual([]);
    expect([...storage.session]).toEqual([['chatkit:test:thread', 'thr_0001']]);
    await h.chat.setStorage('none');
    expect([storage.data.size, storage.session.size]).toEqual([0, 0]);
    h.chat.newThread();
    await h.chat.send({ content: text('Hi') });
    expect([storage.data.size, storage.session.size]).toEqual([0, 0]);
    // Consent given later: the current thread is kept from then on.
    await h.chat.setStorage('local');
    expect([...storage.data].map(([k]) => k)).toEqual(['chatkit:test:thread']);
  });

  it("data-storage='none' keeps nothing, even after the user engaged", async () => {
    const storage = createStorage();
    const h = createHarness({ 'threads.create': [fromFixture('s1')] }, {}, storage, { mode: 'none' });
    h.chat.engage();
    await h.chat.send({ content: text('Hi') });
    expect(h.chat.threadId.peek()).not.toBeNull();
    expect([storage.data.size, storage.session.size]).toEqual([0, 0]);
  });

  it('New chat clears the thread and emits thread.change with null', async () => {
    const h = createHarness({ 'threads.create': [fromFixture('s1')] });
    await h.chat.send({ content: text('Hi') });
    h.chat.newThread();
    expect(h.chat.conversation.peek().items).toEqual([]);
    expect(h.events.at(-1)).toEqual({ name: 'chatkit.thread.change', detail: { threadId: null } });
  });
});

describe('chat model: tools, actions, feedback', () => {
  it('runs a pending client tool on the host and continues the stream with its result', async () => {
    const onClientTool = vi.fn(async () => ({ nodes: ['a', 'b'] }));
    const h = createHarness(
      { 'threads.create': [fromFixture('s1')], 'threads.add_user_message': [fromFixture('s3a')], 'threads.add_client_tool_output': [fromFixture('s3b')] },
      { onClientTool },
    );
    await h.chat.send({ content: text('Hi') });
    await h.chat.send({ content: text('What did I select?') });
    expect(onClientTool).toHaveBeenCalledWith({ name: 'get_selection', params: { project: 'p1' } });
    expect(h.seen.at(-1)).toMatchObject({ type: 'threads.add_client_tool_output', params: { thread_id: 'thr_0001', result: { nodes: ['a', 'b'] } } });
    expect(texts(h).at(-1)).toBe('assistant:You selected 2 nodes.');
  });

  it('a throwing client tool reports the error and sends it as the result', async () => {
    const h = createHarness(
      { 'threads.create': [fromFixture('s1')], 'threads.add_user_message': [fromFixture('s3a')], 'threads.add_client_tool_output': [fromFixture('s3b')] },
      { onClientTool: async () => Promise.reject(new Error('no selection')) },
    );
    await h.chat.send({ content: text('Hi') });
    await h.chat.send({ content: text('What did I select?') });
    expect(h.seen.at(-1)?.params.result).toEqual({ error: 'no selection' });
    expect((h.events.find((e) => e.name === 'chatkit.error')?.detail as { error: Error }).error.message).toBe('Client tool "get_selection" failed: no selection');
  });

  it('routes widget actions: client → widgets.onAction, streaming → custom_action, sync → replaced in place', async () => {
    const onAction = vi.fn(async () => undefined);
    const h = createHarness(
      { 'threads.create': [fromFixture('s1')], 'threads.add_user_message': [fromFixture('s6a')], 'threads.custom_action': [fromFixture('s6b')], 'threads.sync_custom_action': [fromFixture('s6d')] },
      { widgets: { onAction } },
    );
    await h.chat.send({ content: text('Hi') });
    await h.chat.send({ content: text('widget') });
    const widget = h.chat.conversation.peek().items.find((i) => i.type === 'widget');
    expect(widget).toBeDefined();
    await h.chat.widgetAction({ type: 'choose', payload: { v: 'no' }, handler: 'client' }, widget!.id);
    expect(onAction).toHaveBeenCalledWith({ type: 'choose', payload: { v: 'no' } }, { id: widget!.id, widget: (widget as { widget: unknown }).widget });
    await h.chat.widgetAction({ type: 'choose', payload: { v: 'yes' }, handler: 'server' }, widget!.id);
    expect(h.seen.at(-1)).toMatchObject({ type: 'threads.custom_action', params: { item_id: widget!.id, action: { type: 'choose', payload: { v: 'yes' } } } });
    await h.chat.widgetAction({ type: 'choose', payload: { v: 'sync' }, handler: 'server', streaming: false }, widget!.id);
    expect(h.seen.at(-1)?.type).toBe('threads.sync_custom_action');
    const replaced = h.chat.conversation.peek().items.find((i) => i.id === widget!.id) as { widget: { children: { value?: string }[] } };
    expect(replaced.widget.children[0]?.value).toBe('synced');
  });

  it('feedback rates every reply item of the turn', async () => {
    const h = createHarness({ 'threads.create': [fromFixture('s1')], 'items.feedback': [fromFixture('n1')] });
    await h.chat.send({ content: text('Hi') });
    await h.chat.feedback(h.chat.turnItemIds('msg_0003'), 'negative');
    expect(h.seen.at(-1)).toMatchObject({ type: 'items.feedback', params: { thread_id: 'thr_0001', item_ids: ['msg_0003'], kind: 'negative' } });
  });
});
