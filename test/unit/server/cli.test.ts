import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../src/server/cli.ts';

describe('parseArgs', () => {
  it('takes the sites allowed to embed the widget from --embed-origin (repeatable) and EMBED_ORIGINS', () => {
    const args = parseArgs(['--embed-origin', 'http://localhost:8080', '--embed-origin', 'https://www.example.org/'], {
      EMBED_ORIGINS: 'https://a.example, http://b.example:81',
    });
    expect(args.embedOrigins).toEqual(['https://a.example', 'http://b.example:81', 'http://localhost:8080', 'https://www.example.org']);
    expect(parseArgs([], {}).embedOrigins).toEqual([]);
  });

  it('refuses an embed origin that is not scheme, host and port, naming the flag and the value', () => {
    expect(() => parseArgs(['--embed-origin', 'example.org'], {})).toThrow(
      '--embed-origin must be an origin such as https://example.org or http://localhost:8080 (scheme, host and port only), received "example.org"',
    );
    expect(() => parseArgs(['--embed-origin', 'https://example.org/page'], {})).toThrow(/received "https:\/\/example.org\/page"/);
    expect(() => parseArgs([], { EMBED_ORIGINS: 'ftp://x' })).toThrow(/^EMBED_ORIGINS must be an origin/);
    expect(() => parseArgs(['--embed-origin'], {})).toThrow('--embed-origin needs a value');
  });

  it('takes the host names the two origins are reached by', () => {
    expect(parseArgs(['--host-name', 'site.test', '--widget-name', 'widget.test'], {})).toMatchObject({ hostName: 'site.test', widgetName: 'widget.test' });
    expect(() => parseArgs(['--host-name', 'a b'], {})).toThrow('--host-name must be a host name such as chat.localhost, received "a b"');
  });
});
