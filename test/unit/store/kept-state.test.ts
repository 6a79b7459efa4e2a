import { describe, expect, it } from 'vitest';
import { keptNamespace, parseStorageMode } from '../../../src/store/kept-state.ts';

describe('keptNamespace', () => {
  it('separates widget instances and API URLs (absolute), so two apps or two widgets never share a thread', () => {
    const page = 'https://shop.example/products/1';
    const api = (url: string) => ({ type: 'custom' as const, url });
    expect(keptNamespace(api('/chatkit'), page, undefined)).toBe('default:https://shop.example/chatkit');
    expect(keptNamespace(api('https://chat.example/api'), page, ' support ')).toBe('support:https://chat.example/api');
    expect(keptNamespace(api('/chatkit'), page, 'a')).not.toBe(keptNamespace(api('/chatkit'), page, 'b'));
    expect(keptNamespace(api('/a'), page, undefined)).not.toBe(keptNamespace(api('/b'), page, undefined));
    expect(keptNamespace(null, page, undefined)).toBe('default:none');
  });
});

describe('parseStorageMode', () => {
  it('accepts local, session and none only', () => {
    expect(['local', 'session', 'none', 'Local', '', null, 1].map(parseStorageMode)).toEqual(['local', 'session', 'none', null, null, null, null]);
  });
});
