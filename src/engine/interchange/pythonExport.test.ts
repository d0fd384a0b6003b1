import { describe, expect, it } from 'vitest';
import { builtinFunctions, mergeFunctionRegistries } from '../functions/builtins';
import { parseDocumentFile } from '../graph/file';
import { validateDocument } from '../graph/validate';
import type { CheckedGraph, CheckedOperation } from '../graph/document';
import { operationId } from '../graph/ids';
import { taskFunctions } from '../tasks/functions';
import { expressionToPython } from './pythonExpression';
import { exportPython } from './pythonExport';

// Golden files: regenerate with `npx vitest run src/engine/interchange/pythonExport.test.ts -u` after a deliberate change.
const examples = import.meta.glob<string>('../../../public/examples/*.got.json', { query: '?raw', import: 'default', eager: true });
const functions = mergeFunctionRegistries(builtinFunctions(), taskFunctions());

function checked(name: string): CheckedGraph {
  const text = examples[`../../../public/examples/${name}.got.json`];
  if (text === undefined) throw new Error(`no example ${name}`);
  const parsed = parseDocumentFile(text);
  if (!parsed.document) throw new Error(`example ${name} does not parse`);
  const { graph } = validateDocument(parsed.document, { functions });
  if (!graph) throw new Error(`example ${name} is invalid`);
  return graph;
}

describe('exportPython', () => {
  for (const name of ['sorting-032-got', 'set-intersection-032-got', 'keyword-counting-got4']) {
    it(`writes the golden script for ${name}`, async () => {
      const { script, notes } = exportPython(checked(name));
      expect(notes).toEqual([]);
      await expect(script).toMatchFileSnapshot(`__golden__/${name}.py`);
    });
  }

  it('maps Generate samples and branches to num_branches_response and num_branches_prompt', () => {
    const graph = checked('sorting-032-tot');
    const { script } = exportPython(graph);
    expect(script).toContain('Generate(num_branches_prompt=1, num_branches_response=20)');
    expect(script).toContain('KeepBestN(1, higher_is_better=False)');
    expect(script).toContain('op_keep_best_2.add_predecessor(op_keep_best_1)');
  });

  it('lists user JavaScript and untranslatable expressions as notes and comments', () => {
    const graph = checked('sorting-032-io');
    const selector: CheckedOperation = { id: operationId('pick'), type: 'selector', label: 'Pick', inputs: [operationId('score')], params: { selector: { kind: 'js', code: 'return thoughts;', timeoutMs: 1000 } } };
    const { script, notes } = exportPython({ ...graph, operations: [...graph.operations, selector] });
    expect(notes).toEqual([expect.stringMatching(/^pick \(selector\): the selector is user JavaScript/)]);
    expect(script).toContain('# What the framework has no counterpart for');
    expect(script).toContain('unsupported("pick (selector): the selector is user JavaScript');
  });

  it('never writes an API key into the script', () => {
    const { script } = exportPython(checked('sorting-032-got'));
    expect(script).toContain(String.raw`\"api_key\":\"\"`);
    expect(script).not.toMatch(/sk-[A-Za-z0-9]/);
    expect(script).toContain('OPENAI_API_KEY');
  });
});

describe('expressionToPython', () => {
  it('translates state members, comparisons and functions', () => {
    expect(expressionToPython('state.part == "List 1"')).toEqual({ ok: true, code: '(member(t.state, "part") == "List 1")' });
    expect(expressionToPython('len(state.current) > 3 and not valid')).toEqual({ ok: true, code: '((len(member(t.state, "current")) > 3) and (not t.valid))' });
  });

  it('says why an expression has no translation', () => {
    const r = expressionToPython('number(state.x) > 1');
    expect(r.ok).toBe(false);
  });
});
