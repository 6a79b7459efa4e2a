/**
 * The frame's root view: the launcher (floating mode) and the panel, plus the shell-wide keyboard and focus
 * rules — Escape closes the floating panel, opening focuses the composer (not on touch devices, where it would
 * pop the keyboard over the page), closing returns focus to the launcher.
 */
import { useEffect, useRef } from 'preact/hooks';
import { ModelsContext, type Models } from './context.ts';
import { Launcher } from './launcher.tsx';
import { Panel } from './panel.tsx';

/** Whether the primary pointer is coarse (phones, tablets). */
const isTouch = (): boolean => matchMedia('(pointer: coarse)').matches;

/** The root. */
export function App({ models }: { models: Models }) {
  const { app, composer } = models;
  const phase = app.phase.value;
  const launcher = useRef<HTMLButtonElement>(null);
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
      if (e.key !== 'Escape' || e.defaultPrevented || app.inline || !app.isOpen.peek()) return;
      e.preventDefault();
      void app.setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <ModelsContext.Provider value={models}>
      <div
        class="ck-root"
        data-mode={app.inline ? 'inline' : 'floating'}
        data-side={app.side.value}
        data-phase={phase}
        data-compact={app.compact.value ? 'true' : 'false'}
        data-launcher={app.placement.launcher ? 'true' : 'false'}
      >
        {phase !== 'closed' && <Panel />}
        {!app.inline && app.placement.launcher && <Launcher buttonRef={launcher} />}
      </div>
    </ModelsContext.Provider>
  );
}
