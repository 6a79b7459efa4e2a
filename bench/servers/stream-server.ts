/**
 * A tiny ChatKit-speaking SSE server for the streaming benchmark. `POST /chatkit?tokens=N&rate=R` answers
 * `threads.create` / `threads.add_user_message` with the event sequence the Python SDK sends (thread.created,
 * the user item, stream_options, the assistant item, content_part.added, one text_delta per token,
 * content_part.done, item done), at full speed (`rate=0`, written as fast as the socket drains) or paced at R
 * tokens per second on a fixed schedule (so timer drift does not accumulate). `GET /last` reports when the last
 * stream started and when its last byte was handed to the kernel, on the same clock as the browser's
 * `performance.timeOrigin + performance.now()`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { writeWithBackpressure } from '../../src/server/node-handler.ts';
import { buildAnswer } from './markdown-answer.ts';

/** Timing of the last stream. */
export interface StreamRun {
  tokens: number;
  rate: number;
  bytes: number;
  startedAt: number;
  lastByteAt: number;
  aborted: boolean;
}

const now = (): number => performance.timeOrigin + performance.now();
const sse = (event: unknown): string => `data: ${JSON.stringify(event)}\n\n`;
const answers = new Map<number, string[]>();

function cors(req: IncomingMessage): Record<string, string> {
  return {
    'access-control-allow-origin': String(req.headers.origin ?? '*'),
    'access-control-allow-methods': 'POST, GET, OPTIONS',
    'access-control-allow-headers': String(req.headers['access-control-request-headers'] ?? 'content-type'),
    'access-control-max-age': '600',
    vary: 'origin',
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

async function stream(req: IncomingMessage, res: ServerResponse, request: { params?: { input?: unknown } }, url: URL, runs: StreamRun[]) {
  const tokens = Math.max(1, Number(url.searchParams.get('tokens') ?? 20000));
  const rate = Math.max(0, Number(url.searchParams.get('rate') ?? 0));
  // `burst=K`: the first K tokens at full speed, then the pace (to look at a long answer's late deltas quickly).
  const burst = Math.max(0, Number(url.searchParams.get('burst') ?? 0));
  const answer = answers.get(tokens) ?? buildAnswer(tokens);
  answers.set(tokens, answer);
  const created = new Date().toISOString();
  const thread = { id: 'thr_bench_stream', created_at: created, status: { type: 'active' }, metadata: {}, items: { data: [], has_more: false } };
  const input = (request.params?.input ?? {}) as Record<string, unknown>;
  const user = {
    content: [{ type: 'input_text', text: 'Write the long answer.' }],
    attachments: [],
    inference_options: {},
    ...input,
    id: 'msg_bench_user',
    thread_id: thread.id,
    created_at: created,
    type: 'user_message',
  };
  const base = { id: 'msg_bench_answer', thread_id: thread.id, created_at: created, type: 'assistant_message' };
  const text = answer.join('');
  const run: StreamRun = { tokens, rate, bytes: 0, startedAt: now(), lastByteAt: 0, aborted: false };
  runs.push(run);
  let closed = false;
  res.on('close', () => (closed = !res.writableFinished));
  res.writeHead(200, { ...cors(req), 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
  res.socket?.setNoDelay(true);
  const send = (event: unknown): Promise<void> | undefined => {
    const chunk = sse(event);
    run.bytes += Buffer.byteLength(chunk);
    return writeWithBackpressure(res, chunk);
  };
  await send({ type: 'thread.created', thread });
  await send({ type: 'thread.item.done', item: user });
  await send({ type: 'stream_options', stream_options: { allow_cancel: true } });
  await send({ type: 'thread.item.added', item: { ...base, content: [] } });
  await send({ type: 'thread.item.updated', item_id: base.id, update: { type: 'assistant_message.content_part.added', content_index: 0, content: { type: 'output_text', text: '', annotations: [] } } });
  const start = now();
  for (let i = 0; i < answer.length && !closed; i++) {
    if (rate > 0 && i >= burst) {
      const wait = start + ((i - burst) * 1000) / rate - now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    }
    const delta = { type: 'thread.item.updated', item_id: base.id, update: { type: 'assistant_message.content_part.text_delta', content_index: 0, delta: answer[i] } };
    const pending = send(delta);
    if (pending) await pending;
  }
  const content = { type: 'output_text', text, annotations: [] };
  if (!closed) await send({ type: 'thread.item.updated', item_id: base.id, update: { type: 'assistant_message.content_part.done', content_index: 0, content } });
  if (!closed) await send({ type: 'thread.item.done', item: { ...base, content: [content] } });
  run.aborted = closed;
  await new Promise<void>((resolve) => res.end(() => resolve()));
  run.lastByteAt = now();
}

/** Starts the SSE server on a free port of `bind`. */
export async function startStreamServer(bind: string): Promise<{ url: string; server: Server }> {
  const runs: StreamRun[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    void (async () => {
      if (req.method === 'OPTIONS') return res.writeHead(204, cors(req)).end();
      if (req.method === 'GET' && url.pathname === '/last') {
        return res.writeHead(200, { ...cors(req), 'content-type': 'application/json' }).end(JSON.stringify(runs.at(-1) ?? null));
      }
      if (req.method !== 'POST' || url.pathname !== '/chatkit') return res.writeHead(404, cors(req)).end();
      const request = JSON.parse(await readBody(req)) as { type?: string; params?: { input?: unknown } };
      if (request.type === 'threads.create' || request.type === 'threads.add_user_message') return stream(req, res, request, url, runs);
      const json = (status: number, body: unknown): void => void res.writeHead(status, { ...cors(req), 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (request.type === 'threads.list' || request.type === 'items.list') return json(200, { data: [], has_more: false, after: null });
      return json(404, { error: `not supported by the bench stream server: ${request.type}` });
    })().catch((e: unknown) => {
      console.error(e);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, bind, resolve));
  return { url: `http://${bind}:${(server.address() as AddressInfo).port}`, server };
}
