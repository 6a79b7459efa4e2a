import { describe, expect, it } from 'vitest';
import { METHODS } from '../../../loader/api.ts';

describe('METHODS', () => {
  it('lists exactly the documented frame methods', () => {
    expect(METHODS).toEqual([
      'open', 'close', 'toggle', 'focusComposer', 'setThreadId', 'sendUserMessage', 'setComposerValue',
      'fetchUpdates', 'sendCustomAction', 'showHistory', 'hideHistory', 'setStorage',
    ]);
  });
});
