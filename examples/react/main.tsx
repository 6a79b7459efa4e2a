/**
 * A minimal React app written for OpenAI's ChatKit (`@openai/chatkit-react`), unchanged, running on chatkit-embed:
 * the only difference is which script defines `<openai-chatkit>` (see index.html). Built by `npm run build` into
 * examples/react/app.js and served by `npm start` at /react/.
 */
import { ChatKit, useChatKit } from '@openai/chatkit-react';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  const [log, setLog] = useState<string[]>([]);
  const note = (line: string) => setLog((l) => [...l, line]);
  const chatkit = useChatKit({
    api: { url: '/chatkit', domainKey: 'local-dev' },
    theme: { colorScheme: 'light', radius: 'round', color: { accent: { primary: '#4f46e5', level: 2 } } },
    startScreen: {
      greeting: 'Hello from a React app',
      prompts: [
        { label: 'What can you do?', prompt: 'help', icon: 'circle-question' },
        { label: 'Show a widget', prompt: 'widget', icon: 'square-image' },
      ],
    },
    header: { rightAction: { icon: 'star', onClick: () => note('header action clicked') } },
    history: { enabled: true },
    threadItemActions: { feedback: true, retry: true },
    onClientTool: async ({ name }) => {
      note(`client tool: ${name}`);
      return { title: document.title, url: location.href };
    },
    onReady: () => note('ready'),
    onResponseStart: () => note('response.start'),
    onResponseEnd: () => note('response.end'),
    onThreadChange: ({ threadId }) => note(`thread.change ${threadId ?? 'null'}`),
    onError: ({ error }) => note(`error: ${error.message}`),
  });
  return (
    <div className="layout">
      <ChatKit control={chatkit.control} className="chat" />
      <div className="controls">
        <h1>React drop-in</h1>
        <button type="button" className="cta" onClick={() => void chatkit.sendUserMessage({ text: 'hello from react' })}>
          sendUserMessage
        </button>
        <button type="button" className="cta secondary" onClick={() => void chatkit.focusComposer()}>
          focusComposer
        </button>
        <button type="button" className="cta secondary" onClick={() => void chatkit.setThreadId(null)}>
          setThreadId(null)
        </button>
        <pre className="log" aria-label="Events">{log.join('\n')}</pre>
      </div>
    </div>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(<App />);
