/** The model agent against a fake OpenAI-compatible server on 127.0.0.1 (no network). */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { createModelAgent, toChatMessages } from '../../../src/server/agents/model-agent.ts';
import { createChatKitServer } from '../../../src/server/chatkit-server.ts';
import { createMemoryStore } from '../../../src/server/memory-store.ts';
import { jsonOf, streamEvents, userInput, type Json } from './helpers.ts';

type Script = (req: IncomingMessage, res: ServerResponse, body: Json) => void | Promise<void>;

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => (s.closeAllConnections(), s.close(resolve)))));
});

async function fakeProvider(script: Script): Promise<{ baseUrl: string; requests: { headers: IncomingMessage['headers']; url?: string; body: Json }[] }> {
  const requests: { headers: IncomingMessage['headers']; url?: string; body: Json }[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const body = JSON.parse(raw) as Json;
      requests.push({ headers: req.headers, url: req.url, body });
      void script(req, res, body);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/`, requests };
}

const chunk = (content: string): string => `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content } }] })}\n\n`;

function streamWords(words: string[]): Script {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write(`data: ${JSON.stringify({ choices: [{ index: 0, delta: { role: 'assistant' } }] })}\n\n`);
    for (const word of words) res.write(chunk(word));
    res.end('data: [DONE]\n\n');
  };
}

function setup(baseUrl: string) {
  const store = createMemoryStore();
  const agent = createModelAgent({ apiKey: 'sk-test', baseUrl, model: 'test-model', instructions: 'Be brief.' });
  const server = createChatKitServer({ store, ...agent, onError: () => undefined });
  const send = async (body: Json) => streamEvents(await server.process(body));
  return { store, server, send };
}

describe('the model agent', () => {
  test('sends the model, the key and the history, and streams the reply in the Agents SDK order', async () => {
    const provider = await fakeProvider(streamWords(['Hello', ' there', '!']));
    const { send } = setup(provider.baseUrl);
    const first = await send({ type: 'threads.create', params: { input: userInput('Hi model') } });
    const threadId = first[0].thread.id;
    expect(first.slice(3).map((e) => (e.type === 'thread.item.updated' ? e.update.type : e.type))).toEqual([
      'thread.item.added',
      'thread.updated',
      'assistant_message.content_part.added',
      'assistant_message.content_part.text_delta',
      'assistant_message.content_part.text_delta',
      'assistant_message.content_part.text_delta',
      'assistant_message.content_part.done',
      'thread.item.done',
    ]);
    expect(first.at(-1).item.content).toEqual([{ type: 'output_text', text: 'Hello there!', annotations: [] }]);
    expect(first[4].thread.title).toBe('Hi model');
    await send({ type: 'threads.add_user_message', params: { thread_id: threadId, input: userInput('And again') } });
    const [, second] = provider.requests;
    expect(second?.url).toBe('/v1/chat/completions');
    expect(second?.headers.authorization).toBe('Bearer sk-test');
    expect(second?.body).toEqual({
      model: 'test-model',
      stream: true,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi model' },
        { role: 'assistant', content: 'Hello there!' },
        { role: 'user', content: 'And again' },
      ],
    });
  });

  test('a provider error becomes a retryable custom error with the provider message', async () => {
    const provider = await fakeProvider((_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'Incorrect API key provided.', type: 'invalid_request_error' } }));
    });
    const events = await setup(provider.baseUrl).send({ type: 'threads.create', params: { input: userInput('hi') } });
    expect(events.slice(3).filter((e) => e.type !== 'thread.updated')).toEqual([
      { type: 'error', code: 'custom', message: 'Incorrect API key provided.', allow_retry: true },
    ]);
  });

  test('a non-JSON failure and an error in the middle of the stream are reported too', async () => {
    const plain = await fakeProvider((_req, res) => {
      res.writeHead(502).end('Bad Gateway');
    });
    const down = await setup(plain.baseUrl).send({ type: 'threads.create', params: { input: userInput('hi') } });
    expect(down.filter((e) => e.type !== 'thread.updated').at(-1)).toMatchObject({ type: 'error', code: 'custom', message: 'The model provider answered HTTP 502.' });
    const broken = await fakeProvider((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(`${chunk('Half')}data: ${JSON.stringify({ error: { message: 'overloaded' } })}\n\n`);
    });
    const events = await setup(broken.baseUrl).send({ type: 'threads.create', params: { input: userInput('hi') } });
    expect(events.at(-1)).toEqual({ type: 'error', code: 'custom', message: 'overloaded', allow_retry: true });
  });

  test('an unreachable provider is a retryable custom error', async () => {
    const provider = await fakeProvider(() => undefined);
    const closed = provider.baseUrl;
    await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => (s.closeAllConnections(), s.close(resolve)))));
    const events = await setup(closed).send({ type: 'threads.create', params: { input: userInput('hi') } });
    expect(events.filter((e) => e.type !== 'thread.updated').at(-1)).toMatchObject({
      type: 'error',
      code: 'custom',
      allow_retry: true,
      message: expect.stringMatching(/^Could not reach the model provider/),
    });
  });

  test('cancelling mid-answer keeps what the model said so far', async () => {
    let release = (): void => undefined;
    const provider = await fakeProvider(async (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(chunk('Partial'));
      res.write(chunk(' words'));
      await new Promise<void>((resolve) => (release = resolve));
      res.end();
    });
    const { server, store } = setup(provider.baseUrl);
    const controller = new AbortController();
    const body = { type: 'threads.create', params: { input: userInput('hi') } };
    const result = await server.process(body, undefined, { signal: controller.signal });
    if (result.kind !== 'stream') throw new Error('expected a stream');
    let threadId = '';
    let deltas = 0;
    for await (const event of result.events) {
      if (event.type === 'thread.created') threadId = event.thread.id;
      if (event.type === 'thread.item.updated' && event.update.type === 'assistant_message.content_part.text_delta' && ++deltas === 2) controller.abort();
    }
    release();
    const thread = jsonOf(await server.process({ type: 'threads.get_by_id', params: { thread_id: threadId } }));
    expect(thread.body.items.data.map((i: Json) => i.type)).toEqual(['user_message', 'assistant_message']);
    expect(thread.body.items.data[1].content[0].text).toBe('Partial words');
    expect((await store.loadThreadItems(threadId, { limit: 5, order: 'asc' })).data.at(-1)?.type).toBe('sdk_hidden_context');
  });

  test('the history keeps user and assistant text only, with quotes and attachment names', () => {
    const base = { thread_id: 't', created_at: 'now' };
    expect(
      toChatMessages([
        {
          ...base,
          id: 'u',
          type: 'user_message',
          content: [
            { type: 'input_text', text: 'Look' },
            { type: 'input_tag', id: 'x', text: '@Doc', data: {}, interactive: false },
          ],
          attachments: [{ id: 'a', type: 'file', name: 'f.pdf', mime_type: 'application/pdf' }],
          quoted_text: 'earlier',
          inference_options: {},
        },
        { ...base, id: 'h', type: 'sdk_hidden_context', content: 'cancelled' },
        { ...base, id: 'w', type: 'widget', widget: { type: 'Card' } },
        { ...base, id: 'a', type: 'assistant_message', content: [{ type: 'output_text', text: 'Seen', annotations: [] }] },
      ]),
    ).toEqual([
      { role: 'user', content: '> earlier\n\nLook @Doc\n\n(Attached: f.pdf)' },
      { role: 'assistant', content: 'Seen' },
    ]);
  });
});
