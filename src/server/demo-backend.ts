/**
 * The backend `npm start` runs: the SQLite store under the data folder and the demo agent, or a real model
 * when `OPENAI_API_KEY` is set (`OPENAI_BASE_URL` and `OPENAI_MODEL` pick any OpenAI-compatible server).
 */
import { join } from 'node:path';
import type { Agent } from './agents/agent-kit.ts';
import { createDemoAgent } from './agents/demo-agent.ts';
import { createModelAgent, DEFAULT_OPENAI_BASE_URL, DEFAULT_OPENAI_MODEL } from './agents/model-agent.ts';
import { createChatKitServer } from './chatkit-server.ts';
import type { ChatKitServer, TranscribeFn } from './server-types.ts';
import { createSqliteStore } from './sqlite-store.ts';
import type { Store } from './store.ts';

/** Options of `createDemoBackend`. */
export interface DemoBackendOptions {
  /** Folder for `chatkit.sqlite` and uploaded files (created if missing). */
  dataDir: string;
  /** Environment to read `OPENAI_*` from (default `process.env`). */
  env?: Record<string, string | undefined>;
  /** The demo agent's pause between words (default 20 ms). */
  delayMs?: number;
}

/** A running backend: the server, its store, and a description of the agent for the start-up banner. */
export interface DemoBackend {
  server: ChatKitServer;
  store: Store;
  /** E.g. `demo agent` or `model gpt-4o-mini at https://api.openai.com/v1`. */
  agentName: string;
  close(): Promise<void>;
}

/** Dictation without a speech model: says what it received, so the composer flow can be tried end to end. */
const demoTranscribe: TranscribeFn = async (audio, mimeType) =>
  `(demo transcription: ${audio.byteLength} bytes of ${mimeType.split(';')[0] ?? 'audio'})`;

/** Builds the demo backend. */
export function createDemoBackend(options: DemoBackendOptions): DemoBackend {
  const env = options.env ?? process.env;
  const store = createSqliteStore(join(options.dataDir, 'chatkit.sqlite'));
  let agent: Agent;
  let agentName: string;
  let transcribe: TranscribeFn | undefined;
  if (env.OPENAI_API_KEY) {
    const baseUrl = env.OPENAI_BASE_URL || DEFAULT_OPENAI_BASE_URL;
    const model = env.OPENAI_MODEL || DEFAULT_OPENAI_MODEL;
    agent = createModelAgent({ apiKey: env.OPENAI_API_KEY, baseUrl, model });
    agentName = `model ${model} at ${baseUrl}`;
  } else {
    // DEMO_WORD_DELAY_MS paces the word-by-word stream (tests speed it up or slow it down).
    const paced = Number(env.DEMO_WORD_DELAY_MS);
    agent = createDemoAgent({ delayMs: options.delayMs ?? (env.DEMO_WORD_DELAY_MS && paced >= 0 ? paced : undefined) });
    agentName = 'demo agent (set OPENAI_API_KEY to use a model)';
    transcribe = demoTranscribe;
  }
  const server = createChatKitServer({ store, ...agent, transcribe });
  return { server, store, agentName, close: () => store.close() };
}
