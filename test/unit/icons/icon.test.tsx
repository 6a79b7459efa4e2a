// @vitest-environment happy-dom
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Icon, type IconProps } from '../../../src/icons/icon.tsx';
import { clearLucideCache, setIconBaseUrl } from '../../../src/icons/lucide-loader.ts';

const FRAME_URL = 'https://widget.example/chatkit/frame.html';
const ROCKET = [['path', { d: 'M4.5 16.5c-1.5 1.26-2 5-2 5s3.74-.5 5-2' }], ['circle', { cx: '12', cy: '12', r: '2' }]];
const FALLBACK_MARKUP = '<circle cx="12" cy="12" r="3"></circle>';

let container: HTMLElement;
let fetchMock: ReturnType<typeof vi.fn>;

function respond(body: string, status = 200): void {
  fetchMock.mockImplementation(async () => new Response(body, { status }));
}

async function mount(props: IconProps): Promise<SVGSVGElement> {
  await act(() => {
    render(h(Icon, props), container);
  });
  return container.querySelector('svg') as SVGSVGElement;
}

async function settled(): Promise<SVGSVGElement> {
  await vi.waitFor(() => {
    expect(container.querySelector('svg')?.getAttribute('data-state')).not.toBe('loading');
  });
  return container.querySelector('svg') as SVGSVGElement;
}

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  clearLucideCache();
  setIconBaseUrl(FRAME_URL);
  fetchMock = vi.fn();
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  render(null, container);
  container.remove();
  vi.unstubAllGlobals();
});

describe('Icon with core names', () => {
  it('renders synchronously as a decorative 24-grid stroked svg', async () => {
    await mount({ name: 'arrow-up' });
    expect(container.innerHTML).toBe(
      '<svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" ' +
        'stroke-linecap="round" stroke-linejoin="round" class="ck-icon" aria-hidden="true">' +
        '<path d="m5 12 7-7 7 7"></path><path d="M12 19V5"></path></svg>',
    );
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('becomes an image with an accessible name when given a label', async () => {
    const svg = await mount({ name: 'x', label: 'Close chat' });
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('Close chat');
    expect(svg.hasAttribute('aria-hidden')).toBe(false);
  });

  it('applies size and extra classes', async () => {
    const svg = await mount({ name: 'copy', size: '1.25em', class: 'ck-button-icon' });
    expect([svg.getAttribute('width'), svg.getAttribute('height')]).toEqual(['1.25em', '1.25em']);
    expect(svg.getAttribute('class')).toBe('ck-icon ck-button-icon');
  });

  it('marks icons that point along the line for mirroring in RTL, and no others', async () => {
    const flips: Record<string, boolean> = {};
    for (const name of ['chevron-left', 'chevron-right', 'arrow-left', 'lucide:arrow-right', 'undo-2', 'reply', 'send', 'log-out',
      'arrow-up', 'chevron-down', 'x', 'copy', 'align-left', 'rotate-ccw']) {
      flips[name] = (await mount({ name, class: 'ck-extra' })).getAttribute('class')!.split(' ').includes('ck-flip');
      render(null, container);
    }
    expect(flips).toEqual({
      'chevron-left': true, 'chevron-right': true, 'arrow-left': true, 'lucide:arrow-right': true, 'undo-2': true, reply: true,
      send: true, 'log-out': true, 'arrow-up': false, 'chevron-down': false, x: false, copy: false, 'align-left': false, 'rotate-ccw': false,
    });
  });

  it('serves lucide: names that are core icons without a request', async () => {
    const svg = await mount({ name: 'lucide:arrow-up' });
    expect(svg.innerHTML).toBe('<path d="m5 12 7-7 7 7"></path><path d="M12 19V5"></path>');
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('Icon with unknown names', () => {
  for (const name of ['vendor:acme', '', '__proto__', 'toString', 'Upload', 'lucide:', 'lucide:Rocket',
    'lucide:../secrets', 'lucide:a/b', 'lucide:rocket?x=1', 'lucide:%2e%2e', `lucide:${'a'.repeat(65)}`]) {
    it(`renders the fallback for ${JSON.stringify(name.slice(0, 20))} at once, without fetching`, async () => {
      const svg = await mount({ name });
      expect(svg.getAttribute('data-state')).toBe('fallback');
      expect(svg.innerHTML).toBe(FALLBACK_MARKUP);
      expect([svg.getAttribute('width'), svg.getAttribute('viewBox')]).toEqual(['20', '0 0 24 24']);
      expect(fetchMock).not.toHaveBeenCalled();
    });
  }

  // Kebab-case names could be ChatKit names; the named chunk's own keys decide, so the box waits for it.
  for (const name of ['upload', 'constructor', 'has-own-property']) {
    it(`renders the fallback for ${JSON.stringify(name)} once the named chunk says it is unknown`, async () => {
      await mount({ name });
      const svg = await settled();
      expect(svg.getAttribute('data-state')).toBe('fallback');
      expect(svg.innerHTML).toBe(FALLBACK_MARKUP);
      expect(fetchMock).not.toHaveBeenCalled();
    });
  }
});

describe('Icon with lucide: names', () => {
  it('fetches icons/<name>.json beside the frame document and renders its shapes', async () => {
    respond(JSON.stringify(ROCKET));
    const svg = await mount({ name: 'lucide:rocket' });
    expect(svg.getAttribute('data-state')).toBe('loading');
    expect(svg.childNodes.length).toBe(0);
    const done = await settled();
    expect(done.innerHTML).toBe(
      '<path d="M4.5 16.5c-1.5 1.26-2 5-2 5s3.74-.5 5-2"></path><circle cx="12" cy="12" r="2"></circle>',
    );
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(String(fetchMock.mock.calls[0]?.[0])).toBe('https://widget.example/chatkit/icons/rocket.json');
  });

  it('fetches each name once and shares the answer', async () => {
    respond(JSON.stringify(ROCKET));
    await act(() => {
      render(h('div', null, h(Icon, { name: 'lucide:rocket' }), h(Icon, { name: 'lucide:rocket', size: 32 })), container);
    });
    await vi.waitFor(() => expect(container.querySelectorAll('svg [d]').length).toBe(2));
    await mount({ name: 'lucide:rocket' });
    expect(container.querySelector('svg')?.hasAttribute('data-state')).toBe(false);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('defaults to the document URL as the base', async () => {
    setIconBaseUrl(undefined);
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('https://w.example/a/frame.html');
    respond(JSON.stringify(ROCKET));
    await mount({ name: 'lucide:rocket' });
    await settled();
    expect(String(fetchMock.mock.calls[0]?.[0])).toBe('https://w.example/a/icons/rocket.json');
  });

  const hostile: [string, string][] = [
    ['a script tag', JSON.stringify([['script', { d: 'alert(1)' }]])],
    ['an onload attribute', JSON.stringify([['path', { d: 'M0 0', onload: 'alert(1)' }]])],
    ['a style attribute', JSON.stringify([['path', { d: 'M0 0', style: 'fill:red' }]])],
    ['an href attribute', JSON.stringify([['path', { d: 'M0 0', href: 'javascript:alert(1)' }]])],
    ['a huge string', JSON.stringify([['path', { d: `M0 0${' 1'.repeat(1500)}` }]])],
    ['an oversized body', JSON.stringify([['path', { d: 'M0 0' }]]) + ' '.repeat(20_000)],
    ['a non-array', JSON.stringify({ path: { d: 'M0 0' } })],
    ['not JSON at all', '<svg onload="alert(1)"></svg>'],
  ];

  for (const [what, body] of hostile) {
    it(`renders the fallback and nothing hostile for ${what}`, async () => {
      respond(body);
      await mount({ name: 'lucide:evil' });
      const svg = await settled();
      expect(svg.getAttribute('data-state')).toBe('fallback');
      expect(svg.innerHTML).toBe(FALLBACK_MARKUP);
      expect(container.innerHTML).not.toMatch(/script|onload|style|href|alert/);
    });
  }

  it('remembers a 404 and does not ask again', async () => {
    respond('Not found', 404);
    await mount({ name: 'lucide:missing' });
    expect((await settled()).getAttribute('data-state')).toBe('fallback');
    render(null, container);
    const again = await mount({ name: 'lucide:missing' });
    expect(again.getAttribute('data-state')).toBe('fallback');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('shows the fallback on a network failure and retries on the next mount', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await mount({ name: 'lucide:rocket' });
    expect((await settled()).getAttribute('data-state')).toBe('fallback');
    render(null, container);
    respond(JSON.stringify(ROCKET));
    await mount({ name: 'lucide:rocket' });
    expect((await settled()).hasAttribute('data-state')).toBe(false);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('does not cache a server error', async () => {
    respond('busy', 503);
    await mount({ name: 'lucide:rocket' });
    expect((await settled()).getAttribute('data-state')).toBe('fallback');
    render(null, container);
    respond(JSON.stringify(ROCKET));
    await mount({ name: 'lucide:rocket' });
    expect((await settled()).hasAttribute('data-state')).toBe(false);
  });

  it('shows the newest name when the name changes mid-load', async () => {
    let release: (r: Response) => void = () => undefined;
    fetchMock.mockImplementationOnce(() => new Promise<Response>((resolve) => (release = resolve)));
    await mount({ name: 'lucide:slow' });
    await mount({ name: 'plus' });
    release(new Response(JSON.stringify(ROCKET)));
    await new Promise((r) => setTimeout(r, 10));
    expect(container.querySelector('svg')?.innerHTML).toBe('<path d="M5 12h14"></path><path d="M12 5v14"></path>');
  });
});
