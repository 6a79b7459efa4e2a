import { connectToHost } from './connect.ts';
import type { Handler } from '../bridge/endpoint.ts';

const handlers = new Map<string, Handler>();
void connectToHost(handlers, () => undefined).then(({ host }) => {
  handlers.set('open', () => host.call('layout', [{ open: true }]));
  const b = document.createElement('button');
  b.textContent = 'Open chat';
  document.getElementById('app')?.appendChild(b);
  host.emit('chatkit.ready');
});
