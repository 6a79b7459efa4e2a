import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../../src/client/api-client.ts';
import { parseThreadPage } from '../../../src/protocol/parse-items.ts';
import { createAppModel } from '../../../src/store/app-model.ts';
import { createHostedAuth, SECRET_TTL_MS } from '../../../src/store/hosted-auth.ts';
import { createHarness, fromFixture, text } from './harness.ts';

function shell(data: Record<string, string> = {}, mode: 'floating' | 'inline' = 'floating') {
  const events: { name: string; detail?: unknown }[] = [];
  const app = createAppModel({
    host: { emit: (name, detail) => void events.push({ name, detail }), call: async () => undefined },
    boot: { baseUrl: 'https://site.example/', data, inline: mode === 'inline', metrics: [1280, 800, 0, 0, 1280, 800] },
    reducedMotion: () => true,
    nextFrame: () => Promise.resolve(),
    navigatorLanguages: ['fr-CA', 'en'],
  });
  const layouts = () => events.filter((e) => e.name === 'layout').map((e) => e.detail as { open: boolean; restoreFocus: boolean; styles: [string, string][] });
  const names = () => events.map((e) => e.name).filter((n) => n !== 'layout');
  return { app, events, layouts, names };
}

describe('app model', () => {
  it('starts closed with the launcher geometry and opens to the panel geometry', async () => {
    const { app, layouts, names } = shell();
    const first = Object.fromEntries(layouts()[0]!.styles);
    expect([first.width, first.height, first.right, first.bottom, first['border-radius']]).toEqual(['56px', '56px', '20px', '20px', '50%']);
    await app.setOpen(true);
    expect(app.phase.peek()).toBe('open');
    const open = Object.fromEntries(layouts().at(-1)!.styles);
    expect([open.width, open.height]).toEqual(['400px', '760px']);
    expect(open['clip-path']).toMatch(/^polygon\(0px 0px, 400px 0px, 400px 712px/);
    expect(names()).toEqual(['chatkit.open']);
  });

  it('closing without a launcher asks the host to restore focus; with one it does not', async () => {
    for (const [launcher, expected] of [['false', true], ['true', false]] as const) {
      const { app, layouts } = shell({ launcher });
      await app.setOpen(true);
      await app.setOpen(false);
      expect(layouts().at(-1)).toMatchObject({ open: false, restoreFocus: expected });
    }
  });

  it('follows the host viewport: narrow means the whole visual viewport', async () => {
    const { app, layouts } = shell();
    await app.setOpen(true);
    app.handleHostEvent('viewport', [390, 700, 0, 120, 390, 480]);
    const styles = Object.fromEntries(layouts().at(-1)!.styles);
    expect([styles.top, styles.left, styles.width, styles.height]).toEqual(['120px', '0px', '390px', '480px']);
    expect(app.compact.peek()).toBe(true);
  });

  it('ignores malformed viewport events', () => {
    const { app, layouts } = shell();
    const count = layouts().length;
    for (const bad of [null, [1, 2], ['1', 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, Number.NaN], { w: 1 }]) app.handleHostEvent('viewport', bad);
    expect(layouts().length).toBe(count);
  });

  it('reports bad data-* values and bad options by path, and keeps running with the rest', () => {
    const { app, events } = shell({ side: 'top', apiUrl: '/chatkit', radius: 'huge', greeting: 'Hi' });
    app.start();
    const errors = events.filter((e) => e.name === 'chatkit.error').map((e) => (e.detail as { error: Error }).error.message);
    expect(errors).toEqual(['theme.radius: expected one of "pill" | "round" | "soft" | "sharp", received "huge"', 'data-side: expected "start" | "end" | "left" | "right", received "top"']);
    expect(app.options.peek().startScreen.greeting).toBe('Hi');
    expect(app.options.peek().api).toMatchObject({ type: 'custom', url: '/chatkit' });
    expect(app.placement.side).toBe('end');
    expect(app.side.value).toBe('right');
  });

  it('counts unread replies only while closed and clears them on open', async () => {
    const { app, events } = shell();
    app.bumpUnread();
    app.bumpUnread();
    expect(app.unread.peek()).toBe(2);
    await app.setOpen(true);
    app.bumpUnread();
    expect(events.filter((e) => e.name === 'chatkit.unread').map((e) => e.detail)).toEqual([{ count: 1 }, { count: 2 }, { count: 0 }]);
  });

  it('emits history open/close when the view changes, once per change', () => {
    const { app, names } = shell();
    app.setView('history');
    app.setView('history');
    app.setView('chat');
    expect(names()).toEqual(['chatkit.history.open', 'chatkit.history.close']);
  });

  it('resolves the locale from the navigator when none is set, and from the option otherwise', () => {
    const { app } = shell();
    expect(app.locale.peek()).toMatchObject({ locale: 'fr-CA', dir: 'ltr' });
    app.setOptions({ api: { url: '/x' }, locale: 'ar' });
    expect(app.locale.peek()).toMatchObject({ locale: 'ar', dir: 'rtl' });
  });

  it('in inline mode is always open and fills its element', () => {
    const { app, layouts } = shell({}, 'inline');
    expect(app.phase.peek()).toBe('open');
    expect(layouts()[0]!.styles).toEqual([['display', 'block'], ['width', '100%'], ['height', '100%'], ['border', '0'], ['color-scheme', 'normal']]);
  });
});

describe('history model', () => {
  const page = (ids: string[], more: boolean) => ({
    data: ids.map((id) => ({ id, title: `T ${id}`, created_at: '2026-11-22T01:00:00', status: { type: 'active' }, metadata: {}, items: { data: [], has_more: false } })),
    has_more: more,
    ...(more ? { after: ids.at(-1) } : {}),
  });

  it('lists threads newest first and pages with the cursor', async () => {
    const h = createHarness({ 'threads.list': [{ json: page(['a', 'b'], true) }, { json: page(['c'], false) }] });
    await h.history.refresh();
    expect(h.seen[0]?.params).toEqual({ limit: 20, order: 'desc' });
    await h.history.more();
    expect(h.seen[1]?.params).toEqual({ limit: 20, order: 'desc', after: 'b' });
    expect(h.history.threads.peek().map((t) => t.id)).toEqual(['a', 'b', 'c']);
    expect(h.history.hasMore.peek()).toBe(false);
  });

  it('renames a thread, and the open thread title follows', async () => {
    const h = createHarness({ 'threads.create': [fromFixture('s1')], 'threads.list': [{ json: page(['thr_0001'], false) }], 'threads.update': [fromFixture('n5')] });
    await h.chat.send({ content: text('Hi') });
    await h.history.refresh();
    await h.history.rename('thr_0001', 'Renamed');
    expect(h.seen.at(-1)).toMatchObject({ type: 'threads.update', params: { thread_id: 'thr_0001', title: 'Renamed' } });
    expect(h.history.threads.peek()[0]?.title).toBe('Renamed');
    expect(h.chat.conversation.peek().thread?.title).toBe('Renamed');
  });

  it('deleting the open thread starts a new chat', async () => {
    const h = createHarness({ 'threads.create': [fromFixture('s1')], 'threads.list': [{ json: page(['thr_0001'], false) }], 'threads.delete': [fromFixture('n7')] });
    await h.chat.send({ content: text('Hi') });
    await h.history.refresh();
    await h.history.remove('thr_0001');
    expect(h.history.threads.peek()).toEqual([]);
    expect(h.chat.threadId.peek()).toBeNull();
  });

  it('shows a list error instead of throwing', async () => {
    const h = createHarness({ 'threads.list': [{ json: { error: { message: 'boom' } }, status: 500 }] });
    await h.history.refresh();
    expect(h.history.error.peek()).toBe('boom');
  });
});

describe('hosted auth', () => {
  it('asks for a secret with null first, reuses it, and refreshes with the current one before expiry', async () => {
    let now = 0;
    const get = vi.fn(async (current: string | null) => (current ? `${current}+` : 's1'));
    const auth = createHostedAuth(get, () => now);
    expect(await auth.headers()).toEqual({ authorization: 'Bearer s1', 'openai-beta': 'chatkit_beta=v1' });
    expect(await auth.secret()).toBe('s1');
    now = SECRET_TTL_MS + 1;
    expect(await auth.secret()).toBe('s1+');
    expect(get.mock.calls).toEqual([[null], ['s1']]);
  });

  it('shares one refresh between concurrent requests', async () => {
    const get = vi.fn(async () => 'shared');
    const auth = createHostedAuth(get);
    await Promise.all([auth.secret(), auth.secret(), auth.headers()]);
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('refreshes once on 401 and retries with the new secret', async () => {
    const seen: string[] = [];
    let n = 0;
    const base = (async (_: RequestInfo | URL, init?: RequestInit) => {
      const auth = new Headers(init?.headers).get('authorization') ?? '';
      seen.push(auth);
      return new Response('{}', { status: auth === 'Bearer s2' ? 200 : 401 });
    }) as typeof fetch;
    const auth = createHostedAuth(async () => `s${++n}`, Date.now, base);
    const res = await auth.fetch('https://x/', { headers: await auth.headers() });
    expect(res.status).toBe(200);
    expect(seen).toEqual(['Bearer s1', 'Bearer s2']);
  });

  it('rejects a secret that is not a string with a clear error', async () => {
    const auth = createHostedAuth(async () => 42 as unknown as string);
    await expect(auth.secret()).rejects.toThrow('api.getClientSecret must resolve to a non-empty string');
  });
});

describe('api client', () => {
  it('skips unknown and unreadable stream events and logs them, keeping the valid ones', async () => {
    const log: string[] = [];
    const sse = 'data: {"type":"future.event"}\n\ndata: not json\n\ndata: {"type":"stream_options","stream_options":{"allow_cancel":true}}\n\n';
    const client = createApiClient({ url: 'https://x/chatkit', locale: 'en', fetch: (async () => new Response(sse)) as typeof fetch, log: (n) => log.push(n) });
    const got = [];
    for await (const e of client.stream({ type: 'threads.create', params: { input: { content: [], attachments: [], inference_options: {} } } })) got.push(e.type);
    expect(got).toEqual(['stream_options']);
    expect(log).toEqual(['stream.event_ignored', 'stream.event_unreadable']);
  });

  it('reports an invalid JSON answer by request type and path', async () => {
    const client = createApiClient({ url: 'https://x/chatkit', locale: 'en', fetch: (async () => Response.json({ data: 'nope' })) as typeof fetch });
    await expect(client.json({ type: 'threads.list', params: {} }, (v) => parseThreadPage(v))).rejects.toThrow(/^The chat server sent an invalid answer to threads\.list: data: expected array/);
  });
});
