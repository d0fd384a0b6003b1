import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { builtinFunctions, mergeFunctionRegistries, parseAnswer, PYTHON_RUNTIME, pythonTemplateNodes, renderTemplate, taskFunctions, type JsonValue, type ParserSpec, type ThoughtState, type ThoughtView } from '../engine/index';

/**
 * The exported scripts' Python runtime against the engine: the same prompts, parsed states and
 * task scores for the same inputs. Runs with plain python3, the framework's classes stubbed.
 */
const hasPython = spawnSync('python3', ['--version']).status === 0;
if (!hasPython) console.warn('Skipping the Python runtime comparison: python3 is not available.');

const STUBS = `import json, math, re, sys
class _Base:
    pass
class _Ops:
    Generate = Aggregate = Improve = Score = ValidateAndImprove = KeepBestN = KeepValid = GroundTruth = Selector = _Base
operations = _Ops
Prompter = Parser = object
`;

const functions = mergeFunctionRegistries(builtinFunctions(), taskFunctions());
const view = (state: ThoughtState): ThoughtView => ({ id: 't', state, score: null, scored: false, valid: null, validated: false, solved: null, compared: false });

const STATE: ThoughtState = { current: [3, 1, 2.5], original: [3, 1, 2, 2], text: 'Some "quoted" words', flag: true, nothing: null };
const INPUTS: ThoughtState[] = [{ current: [1, 2] }, { current: { a: 1 }, text: 'second' }];
const TEMPLATES = ['Input: {{current}}\nJSON: {{text|json}} {{flag}} {{nothing}} {{{current}}}', '{{#each inputs}}<{{@n}}: {{current}} {{text}}>{{/each}} done'];
const PARSE_CASES: Array<[ParserSpec, string]> = [
  [{ kind: 'list', key: 'current', items: 'numbers' }, 'First [9, 9] then the answer: [1, 2, 3, 4]. Done.'],
  [{ kind: 'list', key: 'current', items: 'numbers' }, "Sorted: ['1', '2', 3,]"],
  [{ kind: 'list', key: 'current', items: 'strings' }, 'Here: [Norway, "Chad", 3]'],
  [{ kind: 'json', key: 'current' }, 'Sure! ```json\n{"Norway": 2, "Chad": 1}\n```'],
  [{ kind: 'jsonParts', partKey: 'part', valueKeys: ['current', 'unsortedSublist'] }, '{"List 1": [1, 2], "List 2": [3, 4]}'],
  [{ kind: 'number', key: 'value' }, 'Scores 3-4 then -2.5 and finally 7.'],
  [{ kind: 'text', key: 'current', set: { phase: 2 } }, '  trimmed answer \n'],
];
const SCORE_CASES: Array<[string, ThoughtState]> = [
  ['sorting.error', { current: [1, 3, 2, 2], original: [3, 1, 2, 2] }],
  ['sorting.error', { current: [1, 2], unsortedSublist: [2, 1, 1], original: [3] }],
  ['setIntersection.error', { current: [1, 2, 2, 9], set1: [1, 2, 3], set2: [2, 3, 4, 1] }],
  ['keywordCounting.error', { current: { Chad: 2, Niger: 1 }, passage: 'Chad and Nigeria and Chad.', groundTruthCountries: ['Chad', 'Niger', 'Chad'] }],
];

function engineResults() {
  return {
    templates: TEMPLATES.map((t) => renderTemplate(t, { state: STATE, inputs: INPUTS.map(view) })),
    parses: PARSE_CASES.map(([spec, text]) => {
      const r = parseAnswer(spec, text, { state: STATE, inputs: [view(STATE)] }, functions);
      return r.ok ? r.updates : 'error';
    }),
    scores: SCORE_CASES.map(([name, state]) => functions.scorers[name]!.fn(view(state)) as JsonValue),
  };
}

describe.skipIf(!hasPython)('the exported scripts’ Python runtime', () => {
  it('renders prompts, parses answers and scores thoughts as the engine does', () => {
    const cases = { templates: TEMPLATES, parses: PARSE_CASES, scores: SCORE_CASES, state: STATE, inputs: INPUTS };
    const driver = `
cases = json.loads(sys.stdin.read())
def parse_or_error(spec, text):
    updates = parse_answer(spec, text, cases["state"], [cases["state"]])
    return "error" if any(u.get("parse_error") for u in updates) else updates
print(json.dumps({
    "templates": [render(NODES[i], cases["state"], cases["inputs"]) for i in range(len(cases["templates"]))],
    "parses": [parse_or_error(spec, text) for spec, text in cases["parses"]],
    "scores": [TASK_FUNCTIONS[name](state) for name, state in cases["scores"]],
}))
`;
    const nodes = `NODES = json.loads(${JSON.stringify(JSON.stringify(TEMPLATES.map(pythonTemplateNodes)))})\n`;
    const run = spawnSync('python3', ['-c', STUBS + PYTHON_RUNTIME + nodes + driver], { input: JSON.stringify(cases), encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const expected = engineResults();
    expect(expected.parses.filter((p) => p === 'error')).toEqual([]);
    expect(expected.scores).toEqual([1, 1, 3, 1]);
    expect(JSON.parse(run.stdout)).toEqual(expected);
  });
});
