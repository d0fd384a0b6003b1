import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store/createAppStore';
import { decodeShareHash, encodeShareHash } from './shareLink';

describe('share links', () => {
  it('round-trips a document through the URL hash', () => {
    const store = createAppStore();
    const s = store.getState;
    const a = s().addOperation('generate', { x: 0, y: 0 });
    const b = s().addOperation('score', { x: 200, y: 0 });
    s().connect(a, b);
    s().setParam(a, 'prompt', 'Sort {{original}}');
    s().setInput({ original: [3, 1, 2] });
    const hash = encodeShareHash(s().doc);
    expect(hash).toMatch(/^#graph=[A-Za-z0-9_-]+$/);
    const back = decodeShareHash(hash);
    expect(back?.ok && back.doc.operations.map((o) => [o.id, o.inputs, o.params.prompt])).toEqual([
      [a, [], 'Sort {{original}}'],
      [b, [a], undefined],
    ]);
    expect(back?.ok && back.doc.input).toEqual({ original: [3, 1, 2] });
  });

  it('never carries an API key even if one was typed into a parameter', () => {
    const store = createAppStore();
    const a = store.getState().addOperation('generate', { x: 0, y: 0 });
    store.getState().setParam(a, 'apiKey', 'sk-secret-123');
    const back = decodeShareHash(encodeShareHash(store.getState().doc));
    expect(JSON.stringify(back)).not.toContain('sk-secret-123');
  });

  it('says a cut-short link is damaged instead of opening it', () => {
    const back = decodeShareHash('#graph=abc');
    expect(back?.ok).toBe(false);
    expect(back && !back.ok && back.problems[0]!.message).toMatch(/damaged/);
  });

  it('ignores hashes that are not share links', () => {
    expect(decodeShareHash('#section')).toBeNull();
  });
});
