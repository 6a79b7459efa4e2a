// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { expect, it, vi } from 'vitest';

it('shows the text plainly until the lazily loaded engine arrives, then renders it by itself', async () => {
  vi.resetModules();
  const shim = await import('../../../src/markdown/markdown.tsx');
  const { createUrlPolicy } = await import('../../../src/markdown/url-policy.ts');
  const host = document.createElement('div');
  act(() => render(<shim.Markdown text="**hi** there" policy={createUrlPolicy()} />, host));
  expect(host.innerHTML).toBe('<div class="ck-md"><p class="ck-md-plain">**hi** there</p></div>');
  await act(async () => {
    await shim.loadMarkdown();
  });
  expect(host.innerHTML).toBe('<div class="ck-md"><p><strong>hi</strong> there</p></div>');
  act(() => render(null, host));
});
