/**
 * The Botpress peer as a React site ships it (their documented pattern: <Webchat> hidden until the <Fab> is
 * clicked), bundled by the harness with React 19. Reads `data-client-id` / `data-api-url` from its own script
 * tag and links its stylesheet itself, so the host snippet is one async script like ours.
 */
import { Fab, Webchat } from '@botpress/webchat';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

const script = document.currentScript;
const data = script?.dataset ?? {};
const link = document.createElement('link');
link.rel = 'stylesheet';
link.href = new URL('app.css', script?.src ?? location.href).href;
document.head.appendChild(link);

function App() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Webchat
        clientId={data.clientId ?? '00000000-0000-0000-0000-000000000000'}
        apiUrl={data.apiUrl}
        style={{ width: '400px', height: '600px', display: open ? 'flex' : 'none', position: 'fixed', bottom: '90px', right: '20px' }}
      />
      <Fab onClick={() => setOpen(!open)} style={{ position: 'fixed', bottom: '20px', right: '20px', width: '64px', height: '64px' }} />
    </>
  );
}

const root = document.createElement('div');
root.id = 'bp-bench-root';
document.body.appendChild(root);
createRoot(root).render(<App />);
