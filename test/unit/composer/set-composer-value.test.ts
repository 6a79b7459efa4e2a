// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Handler } from '../../../src/bridge/endpoint.ts';
import { registerMethods } from '../../../src/frame/methods.ts';
import { API_URL, file, flush, json, setup } from './harness.tsx';

const tools = [{ id: 'search', label: 'Search', icon: 'globe' }];
const models = [
  { id: 'fast', label: 'Fast' },
  { id: 'old', label: 'Old', disabled: true },
];

function withMethods(options: Record<string, unknown> = {}, route?: Parameters<typeof setup>[1]) {
  const t = setup({ composer: { tools, models }, ...options }, route);
  const handlers = new Map<string, Handler>();
  registerMethods(handlers, t.models, () => undefined);
  const call = async (params: unknown) => handlers.get('setComposerValue')!([params]);
  return { ...t, call };
}

describe('setComposerValue', () => {
  it('fills text, reply, tool and model without sending anything', async () => {
    const t = withMethods();
    await t.call({ text: 'Draft', reply: 'quoted', selectedToolId: 'search', selectedModelId: 'fast' });
    expect([t.composer.text.value, t.composer.quote.value, t.composer.tool.value?.id, t.composer.model.value?.id]).toEqual(['Draft', 'quoted', 'search', 'fast']);
    expect(t.toolEvents()).toEqual([{ toolId: 'search' }]);
    expect(t.requests).toEqual([]);
  });

  it('takes content as text plus tags (data and interactive defaulted), over text', async () => {
    const t = withMethods();
    await t.call({
      text: 'ignored',
      content: [
        { type: 'input_text', text: 'About' },
        { type: 'input_tag', id: 'doc', text: 'Q2 Plan', group: 'Docs' },
        { type: 'input_text', text: 'please' },
      ],
    });
    expect(t.composer.text.value).toBe('About please');
    expect(t.composer.tags.value).toEqual([{ id: 'doc', title: 'Q2 Plan', group: 'Docs', interactive: false, at: 6 }]);
  });

  it('clears the tool with selectedToolId: null and an empty reply clears the quote', async () => {
    const t = withMethods();
    await t.call({ selectedToolId: 'search', reply: 'q' });
    await t.call({ selectedToolId: null, reply: '' });
    expect([t.composer.tool.value, t.composer.quote.value]).toEqual([null, null]);
    expect(t.toolEvents()).toEqual([{ toolId: 'search' }, { toolId: null }]);
  });

  it('rejects unknown or disabled ids with INVALID before changing anything', async () => {
    const t = withMethods();
    await expect(t.call({ text: 'x', selectedToolId: 'nope' })).rejects.toMatchObject({ code: 'INVALID', message: 'Unknown tool id "nope": it is not in composer.tools' });
    await expect(t.call({ text: 'x', selectedModelId: 'gpt-9' })).rejects.toMatchObject({ code: 'INVALID', message: 'Unknown model id "gpt-9": it is not in composer.models' });
    await expect(t.call({ text: 'x', selectedToolId: 'search', selectedModelId: 'old' })).rejects.toMatchObject({ code: 'INVALID', message: 'Model "old" is disabled' });
    expect([t.composer.text.value, t.composer.tool.value, t.toolEvents()]).toEqual(['', null, []]);
  });

  it('rejects malformed params with the method and path named', async () => {
    const t = withMethods();
    await expect(t.call({ text: 5 })).rejects.toMatchObject({ code: 'INVALID', message: expect.stringMatching(/^setComposerValue: text: expected string/) });
  });

  it('shows already-uploaded attachments as chips (replacing earlier ones) and sends their ids', async () => {
    const t = withMethods();
    const a = { type: 'image', id: 'atc_a', name: 'cat.png', mime_type: 'image/png', preview_url: 'https://cdn.test/cat.png' };
    const b = { type: 'file', id: 'atc_b', name: 'notes.txt', mime_type: 'text/plain' };
    await t.call({ attachments: [b] });
    await t.call({ attachments: [a, b], text: 'look' });
    expect(t.composer.entries.value.map((e) => [e.name, e.status, e.preview, e.owned])).toEqual([
      ['cat.png', 'done', 'https://cdn.test/cat.png', false],
      ['notes.txt', 'done', undefined, false],
    ]);
    await t.composer.submit();
    expect((t.api()[0]?.params as { input: { attachments: string[] } }).input.attachments).toEqual(['atc_a', 'atc_b']);
  });

  it('never shows a javascript: preview_url', async () => {
    const t = withMethods();
    await t.call({ attachments: [{ type: 'image', id: 'x', name: 'x.png', mime_type: 'image/png', preview_url: 'javascript:alert(1)' }] });
    expect(t.composer.entries.value[0]?.preview).toBeUndefined();
  });

  it('uploads files through the configured strategy, and rejects with the refusal messages', async () => {
    const t = withMethods({ api: { url: API_URL, uploadStrategy: { type: 'direct', uploadUrl: '/up' } }, composer: { attachments: { enabled: true, maxSize: 10 } } }, (req) =>
      req.url === API_URL ? undefined : json({ type: 'file', id: 'atc_f', name: 'a.txt', mime_type: 'text/plain' }),
    );
    await expect(t.call({ files: [file('a.txt', 'text/plain'), file('b.txt', 'text/plain', 50)] })).rejects.toMatchObject({
      code: 'INVALID',
      message: 'setComposerValue: b.txt is larger than 10 byte.',
    });
    await flush();
    expect(t.requests.map((r) => r.url)).toEqual(['https://host.test/up']);
    expect(t.composer.entries.value.map((e) => [e.name, e.status])).toEqual([['a.txt', 'done']]);
    expect(t.composer.notices.value).toEqual(['b.txt is larger than 10 byte.']);
  });
});

describe('setOptions', () => {
  it('ignores a call that arrives after a later one (it waited on the host page for its callbacks)', async () => {
    const t = withMethods();
    const handlers = new Map<string, Handler>();
    registerMethods(handlers, t.models, () => undefined);
    const set = handlers.get('setOptions')!;
    await set([{ api: { url: API_URL }, locale: 'de' }, 5]);
    await set([{ api: { url: API_URL }, locale: 'fr' }, 3]);
    expect(t.app.options.value.locale).toBe('de');
    await set([{ api: { url: API_URL }, locale: 'es' }, 6]);
    expect(t.app.options.value.locale).toBe('es');
  });
});
