// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { GotDocument, RunEvent, ThoughtId } from '../../engine/index';
import { thought } from '../run/testEvents';
import { createAppStore } from '../store/createAppStore';
import { renderInStore } from '../testing/renderInStore';
import { ThoughtDetailPanel } from './ThoughtDetailPanel';

const doc: GotDocument = {
  format: 'got-studio',
  version: 2,
  title: 'Improve',
  description: '',
  input: { current: '3 1 2' },
  comments: [],
  operations: [
    { id: 'gen', type: 'generate', inputs: [], params: {} },
    { id: 'fix', type: 'validateAndImprove', inputs: ['gen'], params: {} },
  ],
};
const id = <T,>(s: string) => s as T;
const call = (callId: string, purpose: 'generate' | 'validate' | 'improve', inputs: string[], text: string, at: number): RunEvent[] => [
  {
    type: 'call.start',
    at,
    callId: id(callId),
    opId: id(purpose === 'generate' ? 'gen' : 'fix'),
    purpose,
    inputIds: inputs.map((s) => s as ThoughtId),
    messages: [{ role: 'user', content: `${purpose} prompt for ${inputs.join(',')}` }],
    n: 1,
  },
  {
    type: 'call.done',
    at: at + 1,
    callId: id(callId),
    texts: [text],
    promptTokens: 5,
    completionTokens: 3,
    cost: 0.0001,
    ms: 1,
    cached: false,
    requests: 1,
  },
];
const events: RunEvent[] = [
  {
    type: 'run.start',
    at: 0,
    runId: id('r'),
    document: doc,
    input: doc.input,
    settings: { model: { baseUrl: 's', model: 's' }, concurrency: 1, budget: {}, seed: 0, cache: false, sampleIndex: null },
  },
  { type: 'thought.input', at: 0, thought: thought({ id: id('input'), kind: 'input', state: doc.input }) },
  ...call('c1', 'generate', ['input'], '1 3 2', 1),
  {
    type: 'thought.created',
    at: 2,
    thought: thought({
      id: id('t1'),
      opId: id('gen'),
      parents: [id('input')],
      state: { current: '1 3 2' },
      origin: { callId: id('c1'), completion: 0, part: 0 },
      latency: 1,
    }),
  },
  ...call('v1', 'validate', ['t1'], 'no, 3 is before 2', 3),
  ...call('i1', 'improve', ['t1'], '1 2 3', 5),
  {
    type: 'thought.created',
    at: 6,
    thought: thought({
      id: id('t2'),
      opId: id('fix'),
      parents: [id('t1')],
      state: { current: '1 2 3' },
      origin: { callId: id('i1'), completion: 0, part: 0 },
      latency: 2,
      volume: 1,
    }),
  },
  ...call('v2', 'validate', ['t2'], 'yes', 7),
  { type: 'thought.annotated', at: 8, thoughtId: id('t1'), opId: id('fix'), valid: false, validated: true },
  { type: 'thought.annotated', at: 8, thoughtId: id('t2'), opId: id('fix'), valid: true, validated: true },
];

describe('thought detail panel', () => {
  it('shows an improved thought’s before/after diff, validation verdicts, prompt and completion', async () => {
    const store = createAppStore();
    store.getState().ingestRunEvents(events);
    store.getState().selectInRun({ kind: 'thought', id: id('t2') });
    const { host, unmount } = await renderInStore(store, <ThoughtDetailPanel />);
    const text = host.textContent ?? '';
    expect(host.querySelector('[data-testid="detail-volume"]')?.textContent).toBe('1');
    expect(host.querySelector('[data-testid="detail-latency"]')?.textContent).toBe('2');
    const diff = host.querySelector('[data-testid="improve-diff"]');
    expect(diff?.querySelector('.diff-removed')?.textContent).toContain('3');
    expect(diff?.querySelector('.diff-added')).not.toBeNull();
    expect(text).toContain('Validation verdicts');
    expect(text).toContain('no, 3 is before 2');
    expect(text).toContain('improve prompt for t1');
    expect(host.querySelector('.detail-completion.is-used')?.textContent).toContain('1 2 3');
    // The chain from the thought it was given to this improvement, each with its verdict.
    const verdicts = [...host.querySelectorAll('[data-testid="validation-chain"] [data-testid="verdict"]')].map((v) => v.textContent);
    expect(verdicts).toEqual(['invalid', 'valid']);
    await unmount();
  });
});
