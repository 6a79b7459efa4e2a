/**
 * The frame's root view: the launcher (floating mode) and the panel, plus the shell-wide keyboard and focus
 * rules — Escape goes back from history to the chat, else closes the floating panel; opening focuses the
 * composer (not on touch devices, where it would pop the keyboard over the page), closing returns focus to the
 * launcher; focus never falls to <body> when the focused control goes away (focus-keeper.ts).
 */
import { useEffect, useRef } from 'preact/hooks';
import { ModelsContext, type Models } from './context.ts';
import { focusNext, keepFocus } from './focus-keeper.ts';
import { Launcher } from './launcher.tsx';
import { LiveRegion } from './live-region.tsx';
import { Panel } from './panel.tsx';

/** Whether the primary pointer is coarse (phones, tablets). */
const isTouch = (): boolean => matchMedia('(pointer: coarse)').matches;

/** The root. */
export function App({ models }: { models: Models }) {
  const { app, composer } = models;
  const phase = app.phase.value;
  const launcher = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const previous = useRef(phase);

  useEffect(() => {
    const was = previous.current;
    previous.current = phase;
    if (phase === 'open' && was !== 'open' && !app.inline && !isTouch()) composer.focus();
    // Focus inside the frame goes back to the launcher; focus on the host page stays where it is.
    if (phase === 'closed' && was !== 'closed' && document.hasFocus()) launcher.current?.focus();
  }, [phase]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      if (app.view.peek() === 'history' && app.phase.peek() === 'open') {
        e.preventDefault();
        focusNext('[data-action="history"]');
        app.setView('chat');
        return;
      }
      if (app.inline || !app.isOpen.peek()) return;
      e.preventDefault();
      void app.setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    const stopKeeping = keepFocus(root.current!);
    return () => {
      document.removeEventListener('keydown', onKey);
      stopKeeping();
    };
  }, []);

  return (
    <ModelsContext.Provider value={models}>
      <div
        ref={root}
        class="ck-root"
        data-mode={app.inline ? 'inline' : 'floating'}
        data-side={app.side.value}
        data-phase={phase}
        data-compact={app.compact.value ? 'true' : 'false'}
        data-launcher={app.placement.launcher ? 'true' : 'false'}
      >
        {phase !== 'closed' && <Panel />}
        {!app.inline && app.placement.launcher && <Launcher buttonRef={launcher} />}
        <LiveRegion />
      </div>
    </ModelsContext.Provider>
  );
}
