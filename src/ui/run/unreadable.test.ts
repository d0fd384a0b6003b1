import { describe, expect, test } from 'vitest';
import type { GrsState } from '../../engine/index';
import { selectUnreadable } from './runSelectors';

const thought = (id: string, opId: string, parseError?: { message: string; raw: string }) => ({ id, opId, ...(parseError ? { parseError } : {}) });
const grs = (status: string, thoughts: ReturnType<typeof thought>[]) =>
  ({ operations: { gen: { status } }, thoughts: Object.fromEntries(thoughts.map((t) => [t.id, t])) }) as unknown as GrsState;
const bad = { message: 'found no list', raw: 'Sure!' };

describe('an operation whose answers could not be read', () => {
  test('is counted when it finished and every thought it made failed to parse', () => {
    expect(selectUnreadable(grs('done', [thought('a', 'gen', bad), thought('b', 'gen', bad)]), 'gen')).toBe(2);
  });

  test('is not when one answer was read, while it runs, or when it made nothing', () => {
    expect(selectUnreadable(grs('done', [thought('a', 'gen', bad), thought('b', 'gen')]), 'gen')).toBe(0);
    expect(selectUnreadable(grs('running', [thought('a', 'gen', bad)]), 'gen')).toBe(0);
    expect(selectUnreadable(grs('done', []), 'gen')).toBe(0);
    expect(selectUnreadable(grs('done', [thought('a', 'gen', bad)]), 'other')).toBe(0);
  });
});
