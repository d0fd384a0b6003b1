import { afterEach, describe, expect, it } from 'vitest';
import { WorkerScriptRunner } from './workerScriptRunner';

describe('WorkerScriptRunner', () => {
  let runner = new WorkerScriptRunner();
  afterEach(async () => {
    await runner.close();
    runner = new WorkerScriptRunner();
  });

  it('runs a function body on the state and returns its value', async () => {
    await expect(runner.run('return state.current.length * 2;', 'state', { current: [1, 2, 3] }, 1000)).resolves.toBe(6);
  });

  it('passes the thoughts to a selector body and returns JSON', async () => {
    const thoughts = [{ id: 'a', score: 3 }, { id: 'b', score: 1 }];
    await expect(runner.run('return thoughts.filter((t) => t.score < 2);', 'thoughts', thoughts, 1000)).resolves.toEqual([{ id: 'b', score: 1 }]);
  });

  it('awaits a function that returns a promise', async () => {
    await expect(runner.run('return Promise.resolve(state.x + 1);', 'state', { x: 1 }, 1000)).resolves.toBe(2);
  });

  it('stops an endless loop at the time limit and keeps working afterwards', async () => {
    await expect(runner.run('while (true) {}', 'state', {}, 200)).rejects.toThrow(/did not finish within 200 ms/);
    await expect(runner.run('return 42;', 'state', {}, 1000)).resolves.toBe(42);
  });

  it('reports a thrown error, a syntax error and a missing return in words', async () => {
    await expect(runner.run('throw new Error("no digits")', 'state', {}, 1000)).rejects.toThrow(/threw an error: no digits/);
    await expect(runner.run('return (', 'state', {}, 1000)).rejects.toThrow(/does not compile/);
    await expect(runner.run('state.x = 1;', 'state', {}, 1000)).rejects.toThrow(/returned nothing/);
  });

  it('runs queued jobs one after another in order', async () => {
    const results = await Promise.all([1, 2, 3].map((x) => runner.run('return state.x * 10;', 'state', { x }, 1000)));
    expect(results).toEqual([10, 20, 30]);
  });
});
