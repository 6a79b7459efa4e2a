// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { expect, it, vi } from 'vitest';
import { createUrlPolicy } from '../../../src/markdown/url-policy.ts';

it('shows the text plainly until the lazily loaded engine arrives, then renders it by itself', async () => {
  vi.resetModules();
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  // The engine chunk "arrives" only when the gate opens.
  vi.doMock('../../../src/markdown/engine.tsx', async (importOriginal) => {
    await gate;
    return importOriginal();
  });
  const shim = await import('../../../src/markdown/markdown.tsx');
  const host = document.createElement('div');
  act(() => render(<shim.Markdown text="**hi** there" policy={createUrlPolicy()} />, host));
  expect(host.innerHTML).toBe('<div class="ck-md"><p class="ck-md-plain">**hi** there</p></div>');
  open();
  await act(async () => {
    await shim.loadMarkdown();
  });
  expect(host.innerHTML).toBe('<div class="ck-md"><p><strong>hi</strong> there</p></div>');
  act(() => render(null, host));
  vi.doUnmock('../../../src/markdown/engine.tsx');
});
