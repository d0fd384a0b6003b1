import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../../prompts/render';
import { docMergePrompt, docScorePrompt } from '../../tasks/docMerge/prompts';
import { countPrompt } from '../../tasks/keywordCounting/prompts';
import { intersectPrompt } from '../../tasks/setIntersection/prompts';
import { sortMergePrompt, sortPrompt, sortSplitPrompt, sortStepByStepPrompt } from '../../tasks/sorting/prompts';
import { sortingErrorOf } from '../../tasks/sorting/scoring';
import type { ChatMessage } from '../types';
import { ModelError } from '../types';
import { SIMULATED_LABEL, simulateCompletion } from './answer';
import { simulatorModel } from './simulatorModel';

const fast = { latency: { baseMs: 0, perTokenMs: 0 } };
const user = (content: string): ChatMessage[] => [{ role: 'user', content }];
const list64 = Array.from({ length: 64 }, (_, i) => (i * 7 + 3) % 10);
const parseList = (text: string): number[] => JSON.parse(/\[[^[\]]*\]\s*$/.exec(text.trim())?.[0] ?? 'null') as number[];
const sortMessages = (list: number[]): ChatMessage[] => user(renderTemplate(sortPrompt(), { state: { current: list } }));

describe('the offline simulator', () => {
  it('answers the same (seed, messages, completion index) the same way every time', async () => {
    const a = await simulatorModel(fast).complete({ messages: sortMessages(list64), n: 3, seed: 42 });
    const b = await simulatorModel(fast).complete({ messages: sortMessages(list64), n: 3, seed: 42 });
    expect(a.texts).toEqual(b.texts);
    expect(simulateCompletion(sortMessages(list64), 42, 1)).toBe(a.texts[1]);
  });

  it('with ignoreRequestSeed, answers a request with any seed or none as it answers one without, and the completions still differ', async () => {
    const model = simulatorModel({ ...fast, ignoreRequestSeed: true });
    const seeded = await model.complete({ messages: sortMessages(list64), n: 3, seed: 42 });
    const unseeded = await model.complete({ messages: sortMessages(list64), n: 3 });
    expect(seeded.texts).toEqual(unseeded.texts);
    expect(unseeded.texts).toEqual((await simulatorModel(fast).complete({ messages: sortMessages(list64), n: 3 })).texts);
    expect(new Set(seeded.texts).size).toBeGreaterThan(1);
  });

  it('answers from the messages alone: the same messages give the same answer whatever else the request carries', async () => {
    const model = simulatorModel(fast);
    const plain = await model.complete({ messages: sortMessages(list64), n: 1, seed: 5 });
    const dressed = await model.complete({ messages: sortMessages(list64), n: 1, seed: 5, temperature: 0.3, maxTokens: 999, onToken: () => {}, onNotice: () => {} });
    expect(dressed.texts).toEqual(plain.texts);
    const other = await model.complete({ messages: sortMessages([...list64].reverse()), n: 1, seed: 5 });
    expect(other.texts).not.toEqual(plain.texts);
  });

  it('honours n with completions that differ', async () => {
    const r = await simulatorModel(fast).complete({ messages: sortMessages(list64), n: 8, seed: 1 });
    expect(r.texts).toHaveLength(8);
    expect(new Set(r.texts).size).toBeGreaterThan(1);
    expect(r.requests).toBe(1);
  });

  it('sorts short lists almost perfectly and long lists with more mistakes', () => {
    const errorsFor = (length: number): number => {
      let total = 0;
      for (let seed = 0; seed < 20; seed++) {
        const list = Array.from({ length }, (_, i) => (i * 7 + seed) % 10);
        total += sortingErrorOf(parseList(simulateCompletion(sortMessages(list), seed, 0)), list);
      }
      return total / 20;
    };
    const [e16, e64, e128] = [errorsFor(16), errorsFor(64), errorsFor(128)];
    expect(e16).toBeLessThan(1);
    expect(e64).toBeGreaterThan(e16 * 4);
    expect(e128).toBeGreaterThan(e64 * 2);
  });

  it('shows its work when asked to work step by step, ending with the answer list', () => {
    const text = simulateCompletion(user(renderTemplate(sortStepByStepPrompt(), { state: { current: list64 } })), 0, 0);
    expect(text).toMatch(/^First half:/);
    expect(text.split('\n').at(-1)).toMatch(/^Output: \[/);
    expect(Math.abs(parseList(text).length - 64)).toBeLessThan(16);
  });

  it("splits a list into the JSON object of 16-number parts the split prompt asks for", () => {
    const text = simulateCompletion(user(renderTemplate(sortSplitPrompt(4), { state: { current: list64 } })), 0, 0);
    const parts = JSON.parse(text) as Record<string, number[]>;
    expect(Object.keys(parts)).toEqual(['List 1', 'List 2', 'List 3', 'List 4']);
    expect(parts['List 1']?.length).toBeGreaterThanOrEqual(15);
  });

  it('merges the lists of the aggregation prompt', () => {
    const inputs = [{ state: { current: [0, 2, 4] } }, { state: { current: [1, 3, 5] } }].map((t, i) => ({ id: `t${i}`, ...t, score: null, scored: false, valid: null, validated: false, solved: null, compared: false }));
    const text = simulateCompletion(user(renderTemplate(sortMergePrompt(), { state: {}, inputs })), 0, 0);
    expect(parseList(text)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('intersects sets and counts countries in the formats the task parsers read', () => {
    const si = simulateCompletion(user(renderTemplate(intersectPrompt(), { state: { set1: [1, 2, 3, 4], set2: [3, 4, 5] } })), 0, 0);
    expect(parseList(si)).toEqual([3, 4]);
    const kc = simulateCompletion(user(renderTemplate(countPrompt(), { state: { text: 'We went from France to Japan and back to France.' } })), 0, 0);
    expect(JSON.parse(kc)).toEqual({ France: 2, Japan: 1 });
  });

  it('writes merged agreements and rates them in the tags the doc-merge reader expects', () => {
    const docs = { doc1: 'NDA\n1. The parties keep secrets.\n2. Penalty is $5,000.', doc2: 'NDA\n1. The parties keep secrets.\n2. It lasts two years.', doc3: 'NDA\n1. Governed by Swiss law.', doc4: 'NDA\n1. It lasts two years.' };
    const merged = simulateCompletion(user(renderTemplate(docMergePrompt(), { state: docs })), 0, 0);
    expect(merged).toMatch(/<Merged>[\s\S]+<\/Merged>/);
    const rating = simulateCompletion(user(renderTemplate(docScorePrompt(), { state: { ...docs, current: merged } })), 0, 0);
    expect(rating).toMatch(/<Redundancy>\d+<\/Redundancy>[\s\S]*<Retained>\d+<\/Retained>/);
  });

  it('cuts an answer off at maxTokens, as an endpoint does', async () => {
    const r = await simulatorModel(fast).complete({ messages: sortMessages(list64), n: 1, seed: 0, maxTokens: 10 });
    expect(r.texts[0]).toHaveLength(40);
  });

  it('labels its answer to a prompt it does not recognise', async () => {
    const r = await simulatorModel(fast).complete({ messages: user('Write a haiku about graphs.'), n: 1 });
    expect(r.texts[0]?.startsWith(SIMULATED_LABEL)).toBe(true);
  });

  it('streams each completion through onToken and reports token usage', async () => {
    const streamed = ['', ''];
    const r = await simulatorModel(fast).complete({ messages: sortMessages(list64), n: 2, seed: 3, onToken: (i, delta) => (streamed[i] += delta) });
    expect(streamed).toEqual(r.texts);
    expect(r.usage.promptTokens).toBeGreaterThan(50);
    expect(r.usage.completionTokens).toBeGreaterThan(r.texts.join('').length / 8);
    expect(r.cached).toBe(false);
  });

  it('streams each completion as one chunk when chunkTokens is Infinity', async () => {
    const chunks: Array<[number, string]> = [];
    const r = await simulatorModel({ ...fast, chunkTokens: Infinity }).complete({ messages: sortMessages(list64), n: 2, seed: 3, onToken: (i, delta) => chunks.push([i, delta]) });
    expect(chunks).toEqual(r.texts.map((t, i) => [i, t]));
  });

  it('takes simulated time: a base per request plus time per output token', async () => {
    const waits: number[] = [];
    const sleep = async (ms: number): Promise<void> => void waits.push(ms);
    await simulatorModel({ latency: { baseMs: 200, perTokenMs: 5 }, sleep }).complete({ messages: sortMessages(list64), n: 1, seed: 0 });
    expect(waits[0]).toBe(200);
    expect(waits.slice(1).every((ms) => ms === 20)).toBe(true);
    expect(waits.length).toBeGreaterThan(5);
  });

  it('stops with an aborted error when the signal fires', async () => {
    const controller = new AbortController();
    const model = simulatorModel({ latency: { baseMs: 5, perTokenMs: 1 } });
    const pending = model.complete({ messages: sortMessages(list64), n: 1, signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(ModelError);
    await expect(model.complete({ messages: sortMessages(list64), n: 1, signal: controller.signal })).rejects.toMatchObject({ kind: 'aborted' });
  });

  it('identifies itself to the cache as the local simulator', () => {
    expect(simulatorModel().id).toEqual({ baseUrl: 'simulator://local', model: 'got-simulator' });
  });
});
