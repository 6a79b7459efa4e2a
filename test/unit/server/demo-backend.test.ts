/** The backend `npm start` wires up: SQLite under the data folder, the demo agent or a model by environment. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createDemoBackend } from '../../../src/server/demo-backend.ts';
import * as library from '../../../src/server/index.ts';
import { jsonOf, streamEvents, tempDir, userInput } from './helpers.ts';

describe('the demo backend', () => {
  test('uses the demo agent without OPENAI_API_KEY, and its threads survive a restart', async () => {
    const dataDir = join(tempDir(), 'data');
    const first = createDemoBackend({ dataDir, env: {}, delayMs: 0 });
    expect(first.agentName).toBe('demo agent (set OPENAI_API_KEY to use a model)');
    const events = await streamEvents(await first.server.process({ type: 'threads.create', params: { input: userInput('help') } }));
    const threadId = events[0].thread.id as string;
    await first.close();
    expect(existsSync(join(dataDir, 'chatkit.sqlite'))).toBe(true);

    const second = createDemoBackend({ dataDir, env: {}, delayMs: 0 });
    const thread = jsonOf(await second.server.process({ type: 'threads.get_by_id', params: { thread_id: threadId } }));
    expect(thread.body.title).toBe('help');
    expect(thread.body.items.data.map((i: { type: string }) => i.type)).toEqual(['user_message', 'assistant_message']);
    const heard = jsonOf(await second.server.process({ type: 'input.transcribe', params: { audio_base64: 'YWJj', mime_type: 'audio/webm;codecs=opus' } }));
    expect(heard.body).toEqual({ text: '(demo transcription: 3 bytes of audio/webm)' });
    await second.close();
  });

  test('uses a model when OPENAI_API_KEY is set, with the default or configured base URL and model', async () => {
    const dataDir = tempDir();
    const defaults = createDemoBackend({ dataDir, env: { OPENAI_API_KEY: 'sk-x' } });
    expect(defaults.agentName).toBe('model gpt-4o-mini at https://api.openai.com/v1');
    await defaults.close();
    const custom = createDemoBackend({ dataDir, env: { OPENAI_API_KEY: 'sk-x', OPENAI_BASE_URL: 'http://127.0.0.1:1/v1', OPENAI_MODEL: 'llama3' } });
    expect(custom.agentName).toBe('model llama3 at http://127.0.0.1:1/v1');
    await custom.close();
  });

  test('the library entry exports the documented API', () => {
    expect(Object.keys(library).sort()).toEqual([
      'CustomStreamError', 'DEFAULT_MAX_UPLOAD_BYTES', 'DEFAULT_SQLITE_FILE', 'HttpError', 'NotFoundError', 'StreamError',
      'assistantItem', 'createChatKitServer', 'createDemoAgent', 'createFetchHandler', 'createIdGenerator',
      'createMemoryStore', 'createModelAgent', 'createNodeHandler', 'createSqliteStore', 'encodeSseEvent', 'pause',
      'streamText', 'textOf', 'titleFor', 'toJson',
    ]);
  });
});
