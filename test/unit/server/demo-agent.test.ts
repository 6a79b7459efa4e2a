/** The demo agent: every trigger produces its kind of events, all valid for the client's parser. */
import { inflateSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { parseStreamEvent } from '../../../src/protocol/index.ts';
import { titleFor } from '../../../src/server/agents/agent-kit.ts';
import { createDemoAgent } from '../../../src/server/agents/demo-agent.ts';
import { crc32, demoImageUrl } from '../../../src/server/agents/demo-image.ts';
import { createChatKitServer } from '../../../src/server/chatkit-server.ts';
import { createMemoryStore } from '../../../src/server/memory-store.ts';
import { jsonOf, streamEvents, userInput, type Json } from './helpers.ts';

function setup() {
  const store = createMemoryStore();
  const server = createChatKitServer({ store, ...createDemoAgent({ delayMs: 0 }), onError: () => undefined });
  const send = async (body: Json): Promise<Json[]> => {
    const events = await streamEvents(await server.process(body));
    for (const event of events) {
      const parsed = parseStreamEvent(event);
      if (!parsed.ok) throw new Error(`${event.type}: ${parsed.error}`);
    }
    return events;
  };
  const ask = async (text: string): Promise<{ threadId: string; events: Json[]; reply: Json[] }> => {
    const events = await send({ type: 'threads.create', params: { input: userInput(text) } });
    return { threadId: events[0].thread.id, events, reply: events.slice(3) };
  };
  return { store, server, send, ask };
}

/** A compact picture of a response: event types, with update types and item types spelled out. */
function shape(events: Json[]): string[] {
  const out: string[] = [];
  for (const e of events) {
    const label =
      e.type === 'thread.item.updated' ? `~${e.update.type}` : e.item ? `${e.type}:${e.item.type}` : e.type;
    if (out.at(-1) !== label) out.push(label);
  }
  return out;
}

/** The final text of the last assistant message in a response. */
function answerOf(events: Json[]): string {
  const done = events.filter((e) => e.type === 'thread.item.done' && e.item.type === 'assistant_message').at(-1);
  return done?.item.content[0].text ?? '';
}

const TEXT = [
  'thread.item.added:assistant_message',
  '~assistant_message.content_part.added',
  '~assistant_message.content_part.text_delta',
  '~assistant_message.content_part.done',
  'thread.item.done:assistant_message',
];

describe('the demo agent', () => {
  test('titles the thread from the first message and answers anything else with an echo that mentions help', async () => {
    const { ask } = setup();
    const { events } = await ask('Bonjour tout le monde');
    expect(events[4]).toMatchObject({ type: 'thread.updated', thread: { title: 'Bonjour tout le monde' } });
    expect(answerOf(events)).toBe("You said: “Bonjour tout le monde”. I'm a demo agent without a language model; type **help** to see what I can show.");
    expect(titleFor('x'.repeat(60))).toBe(`${'x'.repeat(39)}…`);
    expect(titleFor('  \nsecond line')).toBe('New chat');
  });

  test('streams word by word: the deltas concatenate to the final text', async () => {
    const { ask } = setup();
    const { events } = await ask('HELP me');
    const deltas = events.filter((e) => e.update?.type === 'assistant_message.content_part.text_delta').map((e) => e.update.delta);
    expect(deltas.length).toBeGreaterThan(20);
    expect(deltas.join('')).toBe(answerOf(events));
    expect(answerOf(events)).toContain('- **client tool**: a tool the page runs');
  });

  test('sources: url, file and entity annotations at the end of the clauses they support', async () => {
    const { reply } = await setup().ask('show me sources');
    expect(shape(reply).filter((s) => s !== 'thread.updated')).toEqual([
      TEXT[0], TEXT[1], TEXT[2], '~assistant_message.content_part.annotation_added', TEXT[3], TEXT[4],
    ]);
    const done = reply.filter((e) => e.type === 'thread.item.done').at(-1);
    const { text, annotations } = done.item.content[0];
    expect(annotations.map((a: Json) => [a.source.type, text.slice(0, a.index).split(' ').at(-1)])).toEqual([
      ['url', 'items'],
      ['file', 'repository'],
      ['entity', 'Lovelace'],
    ]);
  });

  test('progress and notice demos', async () => {
    const { ask } = setup();
    expect(shape((await ask('progress')).reply).slice(0, 2)).toEqual(['progress_update', 'thread.updated']);
    expect((await ask('progress')).reply.filter((e) => e.type === 'progress_update').map((e) => e.icon)).toEqual(['search', 'document', 'sparkle']);
    const notices = (await ask('notice')).reply.filter((e) => e.type === 'notice');
    expect(notices.map((n) => n.level)).toEqual(['info', 'warning']);
  });

  test('workflow: a custom workflow with live tasks, then a reasoning workflow, then the answer', async () => {
    const { reply } = await setup().ask('workflow please');
    expect(shape(reply).filter((s) => s !== 'thread.updated')).toEqual([
      'thread.item.added:workflow', '~workflow.task.updated', '~workflow.task.added', '~workflow.task.updated', '~workflow.task.added', '~workflow.task.updated', 'thread.item.done:workflow',
      'thread.item.added:workflow', '~workflow.task.added', '~workflow.task.updated', 'thread.item.done:workflow',
      ...TEXT,
    ]);
    const [custom, reasoning] = reply.filter((e) => e.type === 'thread.item.done' && e.item.type === 'workflow').map((e) => e.item.workflow);
    expect(custom.tasks.map((t: Json) => t.status_indicator)).toEqual(['complete', 'complete', 'complete']);
    expect(reasoning).toMatchObject({ type: 'reasoning', summary: { duration: 1 }, expanded: false });
  });

  test('widget: buttons handled by the server replace the card and answer; the form confirm does too', async () => {
    const { ask, send, store } = setup();
    const { threadId, reply } = await ask('widget');
    const widgets = reply.filter((e) => e.type === 'thread.item.done' && e.item.type === 'widget').map((e) => e.item);
    expect(widgets.map((w) => w.widget.type)).toEqual(['Card', 'Card']);
    const buttons = widgets[0].widget.children[2].children;
    expect(buttons.map((b: Json) => [b.label, b.onClickAction.handler])).toEqual([['Tea', 'server'], ['Coffee', 'server'], ['Tell the page', 'client']]);
    expect(widgets[1].widget).toMatchObject({ asForm: true, confirm: { label: 'Order', action: { type: 'demo.order' } } });
    expect(widgets[1].widget.children.map((c: Json) => c.type)).toEqual(['Title', 'Label', 'Input', 'Label', 'Select', 'Checkbox', 'Label', 'DatePicker']);

    const chose = await send({ type: 'threads.custom_action', params: { thread_id: threadId, item_id: widgets[0].id, action: buttons[1].onClickAction } });
    expect(shape(chose)).toEqual(['stream_options', 'thread.item.replaced:widget', ...TEXT]);
    expect(chose[1].item.widget.children[0].value).toBe('You picked coffee');
    expect((await store.loadItem(threadId, widgets[0].id)).type).toBe('widget');

    const action = { type: 'demo.order', payload: { source: 'form', name: 'Ada', size: 'large', oat: true } };
    const ordered = await send({ type: 'threads.custom_action', params: { thread_id: threadId, item_id: widgets[1].id, action } });
    expect(answerOf(ordered)).toBe('Order received: A large drink for Ada, with oat milk.');
    const dated = { type: 'demo.order', payload: { source: 'form', name: 'Bo', size: 'small', day: '2026-12-24' } };
    const withDay = await send({ type: 'threads.custom_action', params: { thread_id: threadId, item_id: widgets[1].id, action: dated } });
    expect(answerOf(withDay)).toBe('Order received: A small drink for Bo, to pick up on 2026-12-24.');
    const unknown = await send({ type: 'threads.custom_action', params: { thread_id: threadId, action: { type: 'nope' } } });
    expect(answerOf(unknown)).toBe('I do not know the action `nope`.');
  });

  test('client tool: ends with a pending get_page_info call; the continuation summarises the output', async () => {
    const { ask, send } = setup();
    const { threadId, reply } = await ask('try the client tool');
    expect(shape(reply).filter((s) => s !== 'thread.updated')).toEqual(['progress_update', 'thread.item.done:client_tool_call']);
    expect(reply.at(-1).item).toMatchObject({ status: 'pending', name: 'get_page_info', arguments: { fields: ['title', 'url'] } });
    const next = await send({ type: 'threads.add_client_tool_output', params: { thread_id: threadId, result: { title: 'Docs', url: 'https://example.com/docs' } } });
    expect(answerOf(next)).toBe('The page you are on is **Docs** at https://example.com/docs.');
  });

  test('error: fails mid-answer with a retryable stream.error; retrying the message succeeds', async () => {
    const { ask, send } = setup();
    const { threadId, events, reply } = await ask('error');
    expect(shape(reply).filter((s) => s !== 'thread.updated')).toEqual([TEXT[0], TEXT[1], TEXT[2], 'error']);
    expect(reply.at(-1)).toEqual({ type: 'error', code: 'stream.error', allow_retry: true });
    const retry = await send({ type: 'threads.retry_after_item', params: { thread_id: threadId, item_id: events[1].item.id } });
    expect(answerOf(retry)).toBe('This time it worked. Retrying re-runs the response for the same message.');
  });

  test('long and markdown: headings, lists, code blocks, a table and links', async () => {
    const { ask } = setup();
    const text = answerOf((await ask('something long')).events);
    for (const part of ['# A tour of Markdown', '\n1. Ordered lists', '```ts\n', '| Feature | Status | Notes |', '](https://example.com)']) {
      expect(text).toContain(part);
    }
    expect(answerOf((await ask('MARKDOWN')).events)).toBe(text);
  });

  test('structured: asks multiple choice and free-form questions; the continuation echoes the answers', async () => {
    const { ask, send } = setup();
    const { threadId, reply } = await ask('structured input');
    const item = reply.find((e) => e.type === 'thread.item.done').item;
    expect(item.inputs.map((i: Json) => [i.type, i.multiple])).toEqual([['multiple_choice', false], ['multiple_choice', true], ['freeform', undefined]]);
    const input = { answers: { colour: { values: ['Green'] }, topics: { values: ['Widgets', 'Uploads'] } } };
    const next = await send({ type: 'threads.add_structured_input', params: { thread_id: threadId, item_id: item.id, input } });
    expect(shape(next)).toEqual(['stream_options', 'thread.item.replaced:structured_input', ...TEXT]);
    expect(answerOf(next)).toBe('Thanks! You answered:\n\n- Which colour do you prefer? Green\n- Which topics interest you? Widgets, Uploads\n- Anything else? (skipped)');
  });

  test('image: a generated image with two progress previews, all valid PNG data URLs', async () => {
    const { reply } = await setup().ask('an image');
    expect(shape(reply).filter((s) => s !== 'thread.updated').slice(0, 3)).toEqual(['thread.item.added:generated_image', '~generated_image.updated', 'thread.item.done:generated_image']);
    const updates = reply.filter((e) => e.update?.type === 'generated_image.updated');
    expect(updates.map((u) => u.update.progress)).toEqual([0.33, 0.66]);
    const final = reply.find((e) => e.type === 'thread.item.done').item.image.url as string;
    expect(final).toMatch(/^data:image\/png;base64,/);
    expect(reply[0].item.image).toBe(undefined);
  });

  test('the demo PNGs are well-formed: signature, chunk CRCs and the pixel data size', () => {
    const png = Buffer.from(demoImageUrl(0.5).split(',')[1] ?? '', 'base64');
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const chunks: string[] = [];
    for (let offset = 8; offset < png.length; ) {
      const length = png.readUInt32BE(offset);
      const type = png.toString('ascii', offset + 4, offset + 8);
      expect(png.readUInt32BE(offset + 8 + length)).toBe(crc32(png.subarray(offset + 4, offset + 8 + length)));
      if (type === 'IDAT') expect(inflateSync(png.subarray(offset + 8, offset + 8 + length)).length).toBe(48 * (1 + 48 * 3));
      chunks.push(type);
      offset += 12 + length;
    }
    expect(chunks).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  test('effect, lock and close', async () => {
    const { ask, server } = setup();
    expect((await ask('effect')).reply[0]).toEqual({ type: 'client_effect', name: 'celebrate', data: { emoji: '🎉' } });
    const locked = await ask('lock it');
    expect(locked.reply.at(-1)).toMatchObject({ type: 'thread.updated', thread: { status: { type: 'locked', reason: 'Locked by the demo. Start a new chat to continue.' } } });
    const closed = await ask('close');
    const thread = jsonOf(await server.process({ type: 'threads.get_by_id', params: { thread_id: closed.threadId } }));
    expect(thread.body.status).toEqual({ type: 'closed', reason: 'This conversation was closed by the demo.' });
  });

  test('a message with attachments gets them listed with type and size', async () => {
    const { server, send } = setup();
    const photo = jsonOf(await server.createAttachment({ name: 'cat.png', mimeType: 'image/png', bytes: new Uint8Array(2048) }));
    const pending = jsonOf(await server.process({ type: 'attachments.create', params: { name: 'notes.txt', size: 3, mime_type: 'text/plain' } }));
    const events = await send({ type: 'threads.create', params: { input: userInput('look', [photo.body.id, pending.body.id]) } });
    expect(answerOf(events)).toBe('You attached 2 files:\n\n- **cat.png**: image/png, 2.0 KB\n- **notes.txt**: text/plain, not uploaded');
  });
});
