/**
 * Keeps keyboard focus inside the widget when the focused control goes away — removed (Stop turning into Send, a
 * start-screen prompt, a submitted form, a dismissed error, a view switch), disabled, or made inert (a busy widget). The browser would put
 * focus on <body>, and a keyboard or screen-reader user would be thrown back to the start of the page. The control
 * that removes itself may say where focus goes next (`focusNext`); otherwise it goes to the composer (or, in
 * history, the list; closed, the launcher).
 */

let intent: (() => HTMLElement | null | undefined) | null = null;

/** Where focus goes when the focused control goes away next (a one-shot; any later focus move cancels it). */
export function focusNext(find: () => HTMLElement | null | undefined): void {
  intent = find;
}

/** The default target: the open view's main control. */
function fallback(root: HTMLElement): HTMLElement | null {
  const q = (s: string): HTMLElement | null => root.querySelector(s);
  if (!q('.ck-panel')) return q('.ck-launcher');
  const input = q('.ck-input:enabled');
  return q('.ck-history-open') ?? q('.ck-history') ?? input ?? q('.ck-thread') ?? q('.ck-panel');
}

/** Starts watching `root`; returns the teardown. */
export function keepFocus(root: HTMLElement): () => void {
  let last: HTMLElement | null = null;
  const onFocusIn = (e: FocusEvent): void => {
    last = e.target as HTMLElement;
    intent = null;
  };
  // The frame losing focus to the host page is the user's choice, not a control going away.
  const onBlur = (): void => void (last = null);
  const observer = new MutationObserver(() => {
    const now = document.activeElement;
    const gone = last && (!last.isConnected || last.matches(':disabled') || last.closest('[inert]'));
    if (!gone || (now !== document.body && now !== last) || !document.hasFocus()) return;
    const target = intent?.() ?? fallback(root);
    intent = null;
    target?.focus({ preventScroll: true });
  });
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled', 'inert'] });
  root.addEventListener('focusin', onFocusIn);
  window.addEventListener('blur', onBlur);
  return () => {
    observer.disconnect();
    root.removeEventListener('focusin', onFocusIn);
    window.removeEventListener('blur', onBlur);
  };
}
