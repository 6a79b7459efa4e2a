import { describe, expect, it } from 'vitest';
import { createUrlPolicy } from '../../../src/markdown/url-policy.ts';

describe('createUrlPolicy().link', () => {
  const policy = createUrlPolicy();

  it('accepts http, https, mailto and tel URLs', () => {
    expect(policy.link('https://example.com/a?b=1#c')).toEqual({ kind: 'url', href: 'https://example.com/a?b=1#c' });
    expect(policy.link('http://example.com')).toEqual({ kind: 'url', href: 'http://example.com/' });
    expect(policy.link('mailto:a@b.co')).toEqual({ kind: 'url', href: 'mailto:a@b.co' });
    expect(policy.link('tel:+123')).toEqual({ kind: 'url', href: 'tel:+123' });
  });

  it('keeps relative URLs relative without a base and resolves them against baseUrl when given', () => {
    expect(policy.link('/docs/a')).toEqual({ kind: 'url', href: '/docs/a' });
    expect(policy.link('guide#x')).toEqual({ kind: 'url', href: 'guide#x' });
    const based = createUrlPolicy({ baseUrl: 'https://host.example/app/page' });
    expect(based.link('/docs/a')).toEqual({ kind: 'url', href: 'https://host.example/docs/a' });
    expect(based.link('guide')).toEqual({ kind: 'url', href: 'https://host.example/app/guide' });
  });

  it('rejects javascript: in every disguise', () => {
    for (const raw of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      '\u0001javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '&#106;avascript:alert(1)',
      '&#x6A;avascript:alert(1)',
      'javascript&colon;alert(1)',
      '&#0000106;avascript:alert(1)',
      'javascript:alert(1)\u0000',
    ]) {
      expect(policy.link(raw), raw).toBeNull();
    }
  });

  it('rejects data:, vbscript:, file: and other schemes', () => {
    for (const raw of ['data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd', 'ftp://x.org', 'blob:https://x/1', '']) {
      expect(policy.link(raw), raw).toBeNull();
    }
  });

  it('turns chatkit-link:// URLs into deep links with the host as name and the query as data', () => {
    expect(policy.link('chatkit-link://open-order?id=42&tab=a%20b')).toEqual({
      kind: 'deeplink',
      name: 'open-order',
      data: { id: '42', tab: 'a b' },
    });
    expect(policy.link('chatkit-link://refresh')).toEqual({ kind: 'deeplink', name: 'refresh', data: {} });
    expect(policy.link('chatkit-link:nohost')).toBeNull();
  });
});

describe('createUrlPolicy().image', () => {
  it('accepts https, http and raster data images', () => {
    const policy = createUrlPolicy();
    expect(policy.image('https://img.example/a.png')).toEqual({ src: 'https://img.example/a.png', host: 'img.example', blocked: false });
    expect(policy.image('http://img.example/a.png')).toEqual({ src: 'http://img.example/a.png', host: 'img.example', blocked: false });
    expect(policy.image('data:image/png;base64,AAAA')).toEqual({ src: 'data:image/png;base64,AAAA', host: '', blocked: false });
    expect(policy.image('data:image/webp;base64,AAAA')?.blocked).toBe(false);
  });

  it('rejects scripts, svg data, other data and relative images without a base', () => {
    const policy = createUrlPolicy();
    for (const raw of ['javascript:alert(1)', 'data:image/svg+xml,<svg onload=alert(1)>', 'data:text/html,x', 'mailto:a@b.c', '/a.png']) {
      expect(policy.image(raw), raw).toBeNull();
    }
    expect(createUrlPolicy({ baseUrl: 'https://h.example/' }).image('/a.png')).toEqual({
      src: 'https://h.example/a.png',
      host: 'h.example',
      blocked: false,
    });
  });

  it('blocks hosts outside allowedImageDomains, allowing exact hosts and subdomains', () => {
    const policy = createUrlPolicy({ allowedImageDomains: ['Example.com', 'https://cdn.other.org/path'] });
    expect(policy.image('https://example.com/a.png')?.blocked).toBe(false);
    expect(policy.image('https://img.example.com/a.png')?.blocked).toBe(false);
    expect(policy.image('https://cdn.other.org/a.png')?.blocked).toBe(false);
    expect(policy.image('https://badexample.com/a.png')).toEqual({ src: 'https://badexample.com/a.png', host: 'badexample.com', blocked: true });
    expect(policy.image('https://example.com.evil.net/a.png')?.blocked).toBe(true);
    expect(policy.image('https://other.org/a.png')?.blocked).toBe(true);
    expect(policy.image('data:image/gif;base64,AAAA')?.blocked).toBe(false);
  });

  it('treats an empty allow list as blocking every host and null as allowing all', () => {
    expect(createUrlPolicy({ allowedImageDomains: [] }).image('https://a.example/x.png')?.blocked).toBe(true);
    expect(createUrlPolicy({ allowedImageDomains: null }).image('https://a.example/x.png')?.blocked).toBe(false);
  });
});
