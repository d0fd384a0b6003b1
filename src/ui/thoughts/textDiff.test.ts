import { describe, expect, it } from 'vitest';
import { diffWords } from './textDiff';

describe('diffWords', () => {
  it('marks what an improvement removed and added, keeping the rest', () => {
    const parts = diffWords('[1, 3, 2]', '[1, 2, 3]');
    const removed = parts.filter((p) => p.kind === 'removed').map((p) => p.text.trim());
    const added = parts.filter((p) => p.kind === 'added').map((p) => p.text.trim());
    expect(parts.map((p) => (p.kind === 'added' ? '' : p.text)).join('')).toBe('[1, 3, 2]');
    expect(parts.map((p) => (p.kind === 'removed' ? '' : p.text)).join('')).toBe('[1, 2, 3]');
    expect(removed.join('') + added.join('')).not.toBe('');
  });

  it('reports identical texts as one unchanged part', () => {
    expect(diffWords('same text', 'same text')).toEqual([{ kind: 'same', text: 'same text' }]);
  });
});
