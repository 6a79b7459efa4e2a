/**
 * Keeps the open thread current with what happens outside the chat (another tab, a back-office tool, an agent
 * working in the background): the thread refreshes when the page becomes visible again, and every REFRESH_MS
 * while it stays visible and the thread is on screen. Hidden pages and closed panels send nothing. A refresh is
 * one `items.list` after the newest item (chat.refresh), and skips itself while a response streams.
 */
import { useEffect } from 'preact/hooks';

/** How often (ms) an open thread on a visible page checks for new items. */
export const REFRESH_MS = 20_000;

/** Runs `refresh` on the cadence above while `active` (a thread is open in the mounted view). */
export function useThreadRefresh(refresh: () => Promise<unknown>, active: boolean): void {
  useEffect(() => {
    if (!active) return undefined;
    let timer: ReturnType<typeof setInterval> | undefined;
    const stop = (): void => {
      clearInterval(timer);
      timer = undefined;
    };
    const start = (): void => {
      stop();
      timer = setInterval(() => void refresh(), REFRESH_MS);
    };
    const onVisibility = (): void => {
      if (document.visibilityState !== 'visible') return stop();
      void refresh();
      start();
    };
    if (document.visibilityState === 'visible') start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [active]);
}
