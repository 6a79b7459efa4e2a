/**
 * Keeps keyboard focus inside the widget when the focused control goes away — removed (Stop turning into Send, a
 * start-screen prompt, a submitted form, a dismissed error, a view switch), disabled, or made inert (a busy
 * widget). The browser would put focus on <body>, and a keyboard or screen-reader user would be thrown back to
 * the start of the page. The control that removes itself may say where focus goes next (`focusNext`); otherwise
 * it goes to the open view's main control (`mainControl`).
 */

type Target = string | (() => HTMLElement | null | undefined);
let intent: Target | null = null;

/** Where focus goes when the focused control goes away next: a selector or a finder (one-shot; any focus move cancels it). */
export function focusNext(target: Target): void {
  intent = target;
}

/**
 * The open view's main control: in history the current thread (else the first, else the list); in the chat the
 * composer (else, locked, the thread); closed, the launcher.
 */
export function mainControl(root: ParentNode = document): HTMLElement | null {
  const q = (s: string): HTMLElement | null => root.querySelector(s);
  if (!q('.ck-panel')) return q('.ck-launcher');
  return q('.ck-history-open[aria-current]') ?? q('.ck-history-open') ?? q('.ck-history') ?? q('.ck-input:enabled') ?? q('.ck-thread');
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
    const target = (typeof intent == 'string' ? root.querySelector<HTMLElement>(intent) : intent?.()) ?? mainControl(root);
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
