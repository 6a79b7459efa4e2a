// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { addTag, selectModel, selectTool } from '../../../src/store/composer-extras.ts';
import { setup, flush } from './harness.tsx';

const tools = [
  { id: 'search', label: 'Search the web', shortLabel: 'Search', icon: 'globe', placeholderOverride: 'Search for…' },
  { id: 'draw', label: 'Draw', icon: 'lucide:pencil', persistent: true },
  { id: 'pinned', label: 'Pinned', icon: 'search', pinned: true },
];
const models = [
  { id: 'fast', label: 'Fast' },
  { id: 'smart', label: 'Smart', description: 'Best answers', default: true },
  { id: 'old', label: 'Old', disabled: true },
];

describe('sending the draft', () => {
  it('sends text, then tags, with the tool choice, the model and the quote on the wire, exactly', async () => {
    const t = setup({ composer: { tools, models } });
    t.composer.text.value = '  Summarize these  ';
    t.composer.quote.value = 'earlier text';
    addTag(t.composer, { id: 'doc_1', title: 'Q2 Plan', group: 'Docs', data: { kind: 'doc' }, interactive: true });
    addTag(t.composer, { id: 'u_2', title: 'Ana' });
    selectTool(t.composer, 'search');
    await t.composer.submit();
    expect(t.api()).toEqual([
      {
        type: 'threads.create',
        params: {
          input: {
            content: [
              { type: 'input_text', text: 'Summarize these' },
              { type: 'input_tag', id: 'doc_1', text: 'Q2 Plan', data: { kind: 'doc' }, group: 'Docs', interactive: true },
              { type: 'input_tag', id: 'u_2', text: 'Ana', data: {}, interactive: false },
            ],
            attachments: [],
            inference_options: { tool_choice: { id: 'search' }, model: 'smart' },
            quoted_text: 'earlier text',
          },
        },
      },
    ]);
    expect([t.composer.text.value, t.composer.quote.value, t.composer.tags.value, t.composer.tool.value]).toEqual(['', null, [], null]);
  });

  it('sends empty inference options when there are no tools or models', async () => {
    const t = setup();
    t.composer.text.value = 'hi';
    await t.composer.submit();
    expect(t.api()[0]?.params).toEqual({ input: { content: [{ type: 'input_text', text: 'hi' }], attachments: [], inference_options: {} } });
  });

  it('does not send an empty draft or whitespace only', async () => {
    const t = setup();
    t.composer.text.value = '   \n ';
    expect(t.composer.canSend.value).toBe(false);
    await t.composer.submit();
    expect(t.requests).toEqual([]);
  });

  it('sends a message that is only a tag', async () => {
    const t = setup();
    addTag(t.composer, { id: 'a', title: 'A' });
    expect(t.composer.canSend.value).toBe(true);
    await t.composer.submit();
    expect((t.api()[0]?.params as { input: { content: unknown } }).input.content).toEqual([{ type: 'input_tag', id: 'a', text: 'A', data: {}, interactive: false }]);
  });

  it('gives the whole draft back when the message is refused before it is shown', async () => {
    const t = setup({ api: undefined });
    t.composer.text.value = 'keep me';
    t.composer.quote.value = 'quoted';
    addTag(t.composer, { id: 'a', title: 'A' });
    t.app.setOptions({ composer: { tools } });
    selectTool(t.composer, 'search');
    await t.composer.submit();
    expect([t.composer.text.value, t.composer.quote.value, t.composer.tags.value.map((x) => x.id), t.composer.tool.value?.id]).toEqual(['keep me', 'quoted', ['a'], 'search']);
    expect(t.errors().at(-1)).toBe('Chat is not configured: set api.url (data-api-url) or api.getClientSecret');
    expect(t.toolEvents()).toEqual([{ toolId: 'search' }, { toolId: null }, { toolId: 'search' }]);
  });
});

describe('tools', () => {
  it('emits chatkit.tool.change on every change, once per change, with null when cleared', () => {
    const t = setup({ composer: { tools } });
    selectTool(t.composer, 'search');
    selectTool(t.composer, 'search');
    selectTool(t.composer, 'draw');
    selectTool(t.composer, null);
    selectTool(t.composer, null);
    expect(t.toolEvents()).toEqual([{ toolId: 'search' }, { toolId: 'draw' }, { toolId: null }]);
  });

  it('clears a tool after sending unless it is persistent', async () => {
    const t = setup({ composer: { tools } });
    selectTool(t.composer, 'search');
    t.composer.text.value = 'one';
    await t.composer.submit();
    expect(t.composer.tool.value).toBeNull();
    selectTool(t.composer, 'draw');
    t.composer.text.value = 'two';
    await t.composer.submit();
    await flush();
    t.composer.text.value = 'three';
    await t.composer.submit();
    expect(t.composer.tool.value?.id).toBe('draw');
    expect(t.api().map((r) => (r.params as { input: { inference_options: unknown } }).input.inference_options)).toEqual([
      { tool_choice: { id: 'search' } },
      { tool_choice: { id: 'draw' } },
      { tool_choice: { id: 'draw' } },
    ]);
    expect(t.toolEvents()).toEqual([{ toolId: 'search' }, { toolId: null }, { toolId: 'draw' }]);
  });

  it('rejects an unknown tool id with an INVALID error and keeps the selection', () => {
    const t = setup({ composer: { tools } });
    selectTool(t.composer, 'search');
    expect(() => selectTool(t.composer, 'nope')).toThrow(expect.objectContaining({ code: 'INVALID', message: 'Unknown tool id "nope": it is not in composer.tools' }));
    expect(t.composer.tool.value?.id).toBe('search');
  });

  it('stops sending a tool that setOptions removed', async () => {
    const t = setup({ composer: { tools } });
    selectTool(t.composer, 'search');
    t.app.setOptions({ api: t.app.options.peek().api, composer: { tools: tools.slice(1) } });
    t.composer.text.value = 'x';
    await t.composer.submit();
    expect((t.api()[0]?.params as { input: { inference_options: unknown } }).input.inference_options).toEqual({});
  });
});

describe('models', () => {
  it('starts on the default model, else the first enabled one, never a disabled one', () => {
    expect(setup({ composer: { models } }).composer.model.value?.id).toBe('smart');
    expect(setup({ composer: { models: [models[2], models[0]] } }).composer.model.value?.id).toBe('fast');
    expect(setup({ composer: { models: [{ ...models[2], default: true }, models[0]] } }).composer.model.value?.id).toBe('fast');
    expect(setup({ composer: { models: [models[2]] } }).composer.model.value).toBeNull();
  });

  it('selects enabled models and refuses disabled or unknown ones with INVALID', () => {
    const t = setup({ composer: { models } });
    selectModel(t.composer, 'fast');
    expect(t.composer.model.value?.id).toBe('fast');
    expect(() => selectModel(t.composer, 'old')).toThrow(expect.objectContaining({ code: 'INVALID', message: 'Model "old" is disabled' }));
    expect(() => selectModel(t.composer, 'gpt-9')).toThrow(expect.objectContaining({ code: 'INVALID', message: 'Unknown model id "gpt-9": it is not in composer.models' }));
    expect(t.composer.model.value?.id).toBe('fast');
  });

  it('keeps the chosen model across messages', async () => {
    const t = setup({ composer: { models } });
    selectModel(t.composer, 'fast');
    t.composer.text.value = 'a';
    await t.composer.submit();
    await flush();
    t.composer.text.value = 'b';
    await t.composer.submit();
    expect(t.api().map((r) => JSON.stringify(r.params).includes('"model":"fast"'))).toEqual([true, true]);
  });
});
