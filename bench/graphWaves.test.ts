import { describe, expect, it } from 'vitest';
import { wavesOf } from './graphWaves';

const call = (body: string, start: number, done: number) => ({ body, start, done });

describe('wavesOf', () => {
  it('puts a call one wave after the latest wave among the calls that had answered when it started', () => {
    // split → two solves → a merge of both; a second merge that started before the first answered is of the same wave.
    const waves = wavesOf([
      call('merge-b', 225, 325),
      call('split', 0, 100),
      call('solve-1', 102, 200),
      call('solve-2', 103, 220),
      call('merge-a', 201, 300),
      call('refine', 330, 430),
    ]);
    expect(waves).toEqual([['split'], ['solve-1', 'solve-2'], ['merge-a', 'merge-b'], ['refine']]);
  });

  it('keeps calls sent together in one wave however far apart they answer', () => {
    expect(wavesOf([call('a', 0, 50), call('b', 1, 400), call('c', 60, 110)])).toEqual([['a', 'b'], ['c']]);
  });

  it('gives no waves for no calls', () => {
    expect(wavesOf([])).toEqual([]);
  });
});
