// Test helper (not a test file): renders a WidgetView into a fresh container.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import { createUrlPolicy } from '../../../src/markdown/url-policy.ts';
import type { WidgetComponent } from '../../../src/protocol/widgets.ts';
import { WidgetView, type WidgetViewProps } from '../../../src/widgets/index.ts';

export const policy = createUrlPolicy({ allowedImageDomains: ['img.example'] });

export interface Mounted {
  container: HTMLElement;
  onAction: ReturnType<typeof vi.fn<WidgetViewProps['onAction']>>;
  onError: ReturnType<typeof vi.fn<(message: string) => void>>;
  rerender(widget: WidgetComponent): void;
  unmount(): void;
  $<T extends Element = HTMLElement>(selector: string): T;
  $$<T extends Element = HTMLElement>(selector: string): T[];
}

/** Mounts `widget`; onAction (a spy) resolves at once unless `extra.onAction` gives its implementation. */
export function mount(widget: WidgetComponent, extra: Partial<WidgetViewProps> = {}): Mounted {
  const container = document.createElement('div');
  document.body.append(container);
  const onAction = vi.fn<WidgetViewProps['onAction']>(extra.onAction ?? (async () => {}));
  const onError = vi.fn<(message: string) => void>();
  const draw = (w: WidgetComponent) =>
    act(() => {
      render(<WidgetView widget={w} itemId="W1" colorScheme="light" policy={policy} onError={onError} {...extra} onAction={onAction} />, container);
    });
  draw(widget);
  return {
    container,
    onAction,
    onError,
    rerender: draw,
    unmount: () => {
      act(() => render(null, container));
      container.remove();
    },
    $: <T extends Element = HTMLElement>(s: string) => {
      const el = container.querySelector<T>(s);
      if (!el) throw new Error(`no ${s} in ${container.innerHTML}`);
      return el;
    },
    $$: <T extends Element = HTMLElement>(s: string) => [...container.querySelectorAll<T>(s)],
  };
}

/** A Card around `children`. */
export const card = (...children: WidgetComponent[]): WidgetComponent => ({ type: 'Card', children });

/** Lets pending promises (and the renders they cause) settle. */
export async function flush(): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}
