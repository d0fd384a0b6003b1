import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GotDocument } from '../../engine/index';
import { codeConsentNeeded } from './codeConsent';
import { isUnacceptedCode } from './codeConsentGate';
import { adoptAutosavedOrigin, adoptOrigin, documentOrigin, markOutsideDocument, markOwnDocument } from './documentOrigin';

const example = (): GotDocument => JSON.parse(readFileSync('public/examples/sorting-032-io.got.json', 'utf8')) as GotDocument;

function withScorer(code: string): GotDocument {
  const doc = example();
  for (const op of doc.operations) if (op.type === 'score') op.params = { ...op.params, scorer: { kind: 'js', code, timeoutMs: 1000 } };
  return doc;
}

describe('code consent', () => {
  it('is not needed for the user’s own document, even with code', () => {
    markOwnDocument();
    expect(codeConsentNeeded(withScorer('return 1;'), documentOrigin(), new Set())).toBeNull();
  });

  it('is needed for a shared graph with code, listing each function’s operation, field and source', () => {
    const doc = withScorer('return state.current.length;');
    markOutsideDocument(doc, 'share link');
    expect(codeConsentNeeded(doc, documentOrigin(), new Set())).toEqual({
      via: 'share link',
      code: [{ opId: 'score', label: 'Score the answer', field: 'scorer', code: 'return state.current.length;' }],
    });
  });

  it('is not needed for a graph from outside without code, nor after the user removed its code', () => {
    markOutsideDocument(example(), 'file');
    expect(documentOrigin()).toEqual({ kind: 'own' });
    markOutsideDocument(withScorer('return 1;'), 'file');
    expect(codeConsentNeeded(example(), documentOrigin(), new Set())).toBeNull();
  });

  it('is remembered for the document as it came in, through the user’s own edits of its code', () => {
    const doc = withScorer('return 1;');
    markOutsideDocument(doc, 'file');
    const origin = documentOrigin();
    if (origin.kind !== 'outside') throw new Error('expected an outside origin');
    const approved = new Set([origin.hash]);
    expect(codeConsentNeeded(withScorer('return 2; // edited by me'), origin, approved)).toBeNull();
  });

  it('is never carried over to another document', () => {
    markOutsideDocument(withScorer('return 1;'), 'share link');
    const first = documentOrigin();
    markOutsideDocument(withScorer('return 1; '), 'share link');
    const second = documentOrigin();
    if (first.kind !== 'outside' || second.kind !== 'outside') throw new Error('expected outside origins');
    expect(second.hash).not.toBe(first.hash);
    expect(codeConsentNeeded(withScorer('return 1; '), second, new Set([first.hash]))).not.toBeNull();
  });

  it('keeps a shared graph’s origin over an autosaved one, and reads stored origins defensively', () => {
    markOutsideDocument(withScorer('return 1;'), 'share link');
    const shared = documentOrigin();
    adoptAutosavedOrigin({ kind: 'own' });
    expect(documentOrigin()).toEqual(shared);
    adoptOrigin({ kind: 'outside', via: 'file', hash: 'not-a-hash' });
    expect(documentOrigin()).toEqual({ kind: 'own' });
  });

  it('keeps an unaccepted function from outside from running elsewhere (Compare, the inspector), but not the user’s own edit', () => {
    markOutsideDocument(withScorer('return 1;'), 'share link');
    expect(isUnacceptedCode('return 1;')).toBe(true);
    expect(isUnacceptedCode('return 1; // my own edit')).toBe(false);
    markOwnDocument();
    expect(isUnacceptedCode('return 1;')).toBe(false);
  });
});
