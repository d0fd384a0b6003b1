import { describe, expect, it } from 'vitest';
import { stackProgress } from './stackProgress';

describe('a folded stack’s progress', () => {
  it('counts the members done and running while a run goes on', () => {
    expect(stackProgress(['done', 'done', 'done', 'running', 'running', 'waiting', 'waiting', 'waiting'])).toEqual({ status: 'running', text: '3/8 done · 2 running', done: 3 });
  });

  it('shows a failure of any one member over the others', () => {
    expect(stackProgress(['done', 'failed', 'running', 'done'])).toEqual({ status: 'failed', text: '2/4 done · 1 running · 1 failed', done: 2 });
  });

  it('is done only when every member is', () => {
    expect(stackProgress(['done', 'done']).status).toBe('done');
    expect(stackProgress(['done', 'skipped']).status).toBe('skipped');
    expect(stackProgress(['done', 'waiting']).status).toBe('waiting');
    expect(stackProgress([undefined, undefined]).status).toBe('preview');
  });
});
