// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REFRESH_MS, useThreadRefresh } from '../../../src/ui/use-thread-refresh.ts';

let visibility: 'visible' | 'hidden' = 'visible';
const container = document.createElement('div');
const setVisibility = (v: 'visible' | 'hidden') => {
  visibility = v;
  act(() => void document.dispatchEvent(new Event('visibilitychange')));
};
function Probe({ refresh, active }: { refresh: () => Promise<unknown>; active: boolean }) {
  useThreadRefresh(refresh, active);
  return null;
}
const mount = (refresh: () => Promise<unknown>, active = true) => act(() => render(<Probe refresh={refresh} active={active} />, container));

beforeEach(() => {
  vi.useFakeTimers();
  visibility = 'visible';
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
});
afterEach(() => {
  act(() => render(null, container));
  vi.useRealTimers();
});

describe('thread refresh cadence', () => {
  it('refreshes every REFRESH_MS while the page is visible, and at once when it becomes visible again', () => {
    const refresh = vi.fn(async () => 0);
    mount(refresh);
    expect(refresh).toHaveBeenCalledTimes(0);
    vi.advanceTimersByTime(REFRESH_MS);
    expect(refresh).toHaveBeenCalledTimes(1);
    setVisibility('hidden');
    vi.advanceTimersByTime(REFRESH_MS * 5);
    expect(refresh).toHaveBeenCalledTimes(1);
    setVisibility('visible');
    expect(refresh).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(REFRESH_MS);
    expect(refresh).toHaveBeenCalledTimes(3);
  });

  it('sends nothing without an open thread, and stops when the view goes away', () => {
    const refresh = vi.fn(async () => 0);
    mount(refresh, false);
    vi.advanceTimersByTime(REFRESH_MS * 3);
    setVisibility('visible');
    expect(refresh).toHaveBeenCalledTimes(0);
    mount(refresh, true);
    act(() => render(null, container));
    vi.advanceTimersByTime(REFRESH_MS * 3);
    setVisibility('visible');
    expect(refresh).toHaveBeenCalledTimes(0);
  });
});
