/** The new-thread view: the greeting and the starter prompts (a prompt is sent as a user message). */
import type { ResolvedPrompt } from '../config/resolved.ts';
import { Icon } from '../icons/icon.tsx';
import type { UserMessageContent } from '../protocol/content.ts';
import { useModels } from './context.ts';

/** A prompt's content: a string becomes one text part; an array may carry entity tags. */
const promptContent = (p: ResolvedPrompt): UserMessageContent[] =>
  typeof p.prompt === 'string'
    ? [{ type: 'input_text', text: p.prompt }]
    : p.prompt.map((c) => (c.type === 'input_tag' ? { ...c, data: c.data ?? {}, interactive: c.interactive ?? false } : c));

/** The start screen. */
export function StartScreen() {
  const { app, chat } = useModels();
  const s = app.strings.value;
  const options = app.options.value;
  const configured = app.configured.value && options.api !== null;
  return (
    <div class="ck-start">
      <h2 class="ck-greeting" dir="auto">{options.startScreen.greeting ?? s.defaultGreeting}</h2>
      {!configured && app.configured.value && <p class="ck-start-note">{s.notConfigured}</p>}
      {options.startScreen.prompts.length > 0 && (
        <ul class="ck-prompts">
          {options.startScreen.prompts.map((p, i) => (
            <li key={i}>
              <button
                type="button"
                class="ck-prompt"
                disabled={!configured || chat.status.value !== 'idle'}
                onClick={() => void chat.send({ content: promptContent(p) }).catch((e: Error) => app.reportError(e))}
              >
                {p.icon && <Icon name={p.icon} size={18} />}
                <span dir="auto">{p.label}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
