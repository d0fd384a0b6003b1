import { describe, expect, it } from 'vitest';
import { builtinFunctions } from '../functions/builtins';
import { DIAGNOSTIC_CODES, type Diagnostic } from './diagnostics';
import { documentSchema, type GotDocument } from './document';
import { availableStateKeys } from './stateKeys';
import { validateDocument } from './validate';

type Op = { id: string; type: string; inputs?: string[]; params?: Record<string, unknown> };
const doc = (operations: Op[], extra: Record<string, unknown> = {}): GotDocument =>
  documentSchema.parse({ format: 'got-studio', version: 2, input: { original: [3, 1, 2] }, operations, ...extra });

const gen = (id: string, inputs: string[] = [], params: Record<string, unknown> = {}): Op => ({
  id,
  type: 'generate',
  inputs,
  params: { prompt: 'Sort {{original}}', parser: { kind: 'list', key: 'current', items: 'numbers' }, ...params },
});
const score = (id: string, inputs: string[]): Op => ({
  id,
  type: 'score',
  inputs,
  params: { scorer: { kind: 'filter', expr: 'len(state.current)' } },
});
const keep = (id: string, inputs: string[], n: unknown = 1): Op => ({ id, type: 'keepBestN', inputs, params: { n } });

const codes = (ds: readonly Diagnostic[]) => ds.map((d) => d.code);
const only = (ds: readonly Diagnostic[], code: string) => ds.filter((d) => d.code === code);

describe('validateDocument', () => {
  it('accepts a valid graph and orders it topologically, ties by document order', () => {
    const d = doc([keep('k', ['s']), score('s', ['g2', 'g1']), gen('g1'), gen('g2')]);
    const { graph, diagnostics } = validateDocument(d);
    expect(diagnostics).toEqual([]);
    expect(graph?.operations.map((o) => o.id)).toEqual(['g1', 'g2', 's', 'k']);
    expect(graph?.byId.get('s' as never)?.inputs).toEqual(['g2', 'g1']);
    expect(graph?.successors.get('g1' as never)).toEqual(['s']);
    expect(graph?.sinks).toEqual(['k']);
    const k = graph?.byId.get('k' as never);
    expect(k?.type === 'keepBestN' && k.params).toEqual({ n: 1, higherIsBetter: true });
    expect(k?.label).toBe('Keep Best N');
  });

  it('warns about an empty graph', () => {
    expect(validateDocument(doc([])).diagnostics).toEqual([expect.objectContaining({ code: 'empty-graph', severity: 'warning' })]);
  });

  it('refuses a cycle and names the operations on it, in edge direction', () => {
    const { graph, diagnostics } = validateDocument(
      doc([gen('g'), gen('a', ['g', 'c']), gen('b', ['a']), gen('c', ['b']), gen('after', ['c'])]),
    );
    expect(graph).toBeNull();
    expect(only(diagnostics, 'cycle')).toEqual([
      expect.objectContaining({
        severity: 'error',
        opId: 'a',
        message: expect.stringContaining("Generate 'a' → Generate 'b' → Generate 'c' → Generate 'a'"),
      }),
    ]);
  });

  it('reports each of two separate cycles once', () => {
    const { diagnostics } = validateDocument(doc([gen('a', ['b']), gen('b', ['a']), gen('c', ['d']), gen('d', ['c'])]));
    expect(only(diagnostics, 'cycle')).toHaveLength(2);
  });

  it('refuses a self-loop, a duplicate edge and a dangling edge, naming the edge', () => {
    const { graph, diagnostics } = validateDocument(doc([gen('g'), gen('h', ['h', 'g', 'g', 'ghost'])]));
    expect(graph).toBeNull();
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([
      expect.objectContaining({ code: 'self-loop', opId: 'h', field: 'inputs', edge: { from: 'h', to: 'h' } }),
      expect.objectContaining({
        code: 'duplicate-edge',
        opId: 'h',
        edge: { from: 'g', to: 'h' },
        message: "Generate 'h' lists input 'g' twice; remove the duplicate edge",
      }),
      expect.objectContaining({
        code: 'dangling-edge',
        opId: 'h',
        edge: { from: 'ghost', to: 'h' },
        message: "Generate 'h' has an input 'ghost' but no operation has that id",
      }),
    ]);
  });

  it('refuses an operation type it does not know, even in a document built in code', () => {
    const d = doc([gen('g')]);
    const odd = { ...d, operations: [...d.operations, { id: 'x', type: 'teleport', inputs: ['g'], params: {} }] } as unknown as GotDocument;
    expect(validateDocument(odd).diagnostics).toEqual([expect.objectContaining({ code: 'unknown-type', opId: 'x', field: 'type' })]);
  });

  it('refuses a duplicate operation id', () => {
    const { diagnostics } = validateDocument(doc([gen('g'), { id: 'g', type: 'keepValid', inputs: [] }]));
    expect(only(diagnostics, 'duplicate-id')).toEqual([
      expect.objectContaining({ opId: 'g', message: expect.stringContaining("already has the id 'g'") }),
    ]);
  });

  it('turns each params issue into one diagnostic naming operation and field', () => {
    const { diagnostics } = validateDocument(
      doc([gen('g', [], { prompt: '', samples: 0 }), { id: 'keep1', type: 'keepBestN', inputs: ['s'], params: {} }, score('s', ['g'])]),
    );
    expect(diagnostics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'param-missing', opId: 'g', field: 'prompt', message: "Generate 'g': prompt is empty" }),
        expect.objectContaining({
          code: 'param-out-of-range',
          opId: 'g',
          field: 'samples',
          message: "Generate 'g': samples must be at least 1 (got 0)",
        }),
        expect.objectContaining({ code: 'param-missing', opId: 'keep1', field: 'n', message: "Keep Best N 'keep1': n is required" }),
      ]),
    );
  });

  it('reports out-of-range values and wrong kinds of value', () => {
    const { diagnostics } = validateDocument(
      doc([gen('g', [], { samples: 101, parser: { kind: 'list', items: 'words' } }), score('s', ['g']), keep('k', ['s'], 'two')]),
    );
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'param-out-of-range',
        field: 'samples',
        message: "Generate 'g': samples must be at most 100 (got 101)",
      }),
      expect.objectContaining({
        code: 'param-invalid',
        field: 'parser.items',
        message: expect.stringContaining('must be one of "numbers", "strings", "any"'),
      }),
      expect.objectContaining({ code: 'param-invalid', field: 'n', message: 'Keep Best N \'k\': n must be a number (got "two")' }),
    ]);
  });

  it('names the allowed kinds when a spec kind is unknown', () => {
    const { diagnostics } = validateDocument(
      doc([gen('g'), { id: 's', type: 'score', inputs: ['g'], params: { scorer: { kind: 'magic' } } }]),
    );
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'param-invalid',
        field: 'scorer.kind',
        message: expect.stringContaining("'function', 'filter', 'llm', 'js'"),
      }),
    ]);
  });

  it('refuses a KeepBestN with no Score on any path, and warns when only some paths have one', () => {
    const none = validateDocument(doc([gen('g'), keep('k', ['g'])]));
    expect(none.graph).toBeNull();
    expect(only(none.diagnostics, 'keepbest-unscored')).toEqual([expect.objectContaining({ severity: 'error', opId: 'k' })]);

    const some = validateDocument(doc([gen('a'), gen('b'), score('s', ['a']), keep('k', ['s', 'b'])]));
    expect(some.graph).not.toBeNull();
    expect(only(some.diagnostics, 'keepbest-partly-unscored')).toEqual([expect.objectContaining({ severity: 'warning', opId: 'k' })]);
  });

  it('sees scores through filters but not through operations that make new thoughts', () => {
    const through = validateDocument(doc([gen('g'), score('s', ['g']), { id: 'v', type: 'keepValid', inputs: ['s'] }, keep('k', ['v'])]));
    expect(codes(through.diagnostics)).toEqual([]);
    const lost = validateDocument(doc([gen('g'), score('s', ['g']), gen('g2', ['s']), keep('k', ['g2'])]));
    expect(codes(lost.diagnostics)).toEqual(['keepbest-unscored']);
  });

  it('warns about roots other than Generate or Selector, which work on the raw input state', () => {
    const { diagnostics, graph } = validateDocument(
      doc([gen('g'), { id: 'a', type: 'aggregate', inputs: [], params: { prompt: 'x' } }, score('s', ['a'])]),
    );
    expect(graph).not.toBeNull();
    expect(only(diagnostics, 'no-input-path')).toEqual([
      expect.objectContaining({
        opId: 'a',
        severity: 'warning',
        field: 'inputs',
        message: expect.stringContaining("works directly on the run's input state"),
      }),
    ]);
  });

  it('warns about an operation connected to nothing in a larger graph', () => {
    const { diagnostics } = validateDocument(doc([gen('g'), score('s', ['g']), gen('lonely')]));
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'disconnected', opId: 'lonely', severity: 'warning' })]);
    expect(validateDocument(doc([gen('g')])).diagnostics).toEqual([]);
  });

  it('checks named functions when a registry is given', () => {
    const d = doc([
      gen('g', [], { parser: { kind: 'function', name: 'nope.parse' } }),
      { id: 's', type: 'score', inputs: ['g'], params: { scorer: { kind: 'function', name: 'sorting.error' } } },
    ]);
    expect(codes(validateDocument(d).diagnostics)).toEqual([]);
    const { diagnostics } = validateDocument(d, { functions: builtinFunctions() });
    expect(only(diagnostics, 'unknown-function')).toEqual([
      expect.objectContaining({
        opId: 'g',
        field: 'parser.name',
        message: expect.stringContaining("there is no parser named 'nope.parse'"),
      }),
      expect.objectContaining({
        opId: 's',
        field: 'scorer.name',
        message: expect.stringContaining("there is no scorer named 'sorting.error' (known: text.length"),
      }),
    ]);
  });

  it('reports a filter expression that does not compile, with its column', () => {
    const { diagnostics } = validateDocument(
      doc([{ id: 'sel', type: 'selector', params: { selector: { kind: 'filter', expr: 'state.part == ' } } }]),
    );
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'filter-syntax',
        opId: 'sel',
        field: 'selector.expr',
        message: "Selector 'sel': selector.expr: expected a value but found the end of the expression (column 15)",
      }),
    ]);
  });

  it('warns when a filter reads a state key no upstream state provides', () => {
    const d = doc([
      gen('g', [], { parser: { kind: 'jsonParts' } }),
      {
        id: 'sel',
        type: 'selector',
        inputs: ['g'],
        params: { selector: { kind: 'filter', expr: 'state.part == "List 1" and state.prat != 1' } },
      },
    ]);
    expect(validateDocument(d).diagnostics).toEqual([
      expect.objectContaining({
        code: 'filter-unknown-key',
        opId: 'sel',
        field: 'selector.expr',
        severity: 'warning',
        message: expect.stringContaining("state.prat but no upstream state provides 'prat'"),
      }),
    ]);
  });

  it('says which function is not chosen yet', () => {
    const { diagnostics } = validateDocument(
      doc([gen('g'), { id: 'gt', type: 'groundTruth', inputs: ['g'], params: { evaluator: { kind: 'function', name: '' } } }]),
    );
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'param-missing',
        field: 'evaluator.name',
        message: "Ground Truth 'gt': no evaluator chosen (evaluator.name is empty)",
      }),
    ]);
  });

  it('reports invalid regular expressions and empty scripts', () => {
    const { diagnostics } = validateDocument(
      doc([
        gen('g', [], { parser: { kind: 'regex', pattern: '(' } }),
        { id: 't', type: 'groundTruth', inputs: ['g'], params: { evaluator: { kind: 'js', code: '  ' } } },
      ]),
    );
    expect(codes(diagnostics)).toEqual(['invalid-regex', 'empty-script']);
    expect(diagnostics[0]?.field).toBe('parser.pattern');
  });

  it('checks template syntax and where each and branches may be used', () => {
    const { diagnostics } = validateDocument(
      doc([
        gen('g', [], { prompt: 'Sort {{original}} {{#each inputs}}' }),
        { id: 'i', type: 'improve', inputs: ['g'], params: { prompt: 'Fix {{#each inputs}}{{current}}{{/each}} in {{branches}} ways' } },
      ]),
    );
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'template-syntax', opId: 'g', field: 'prompt', severity: 'error' }),
      expect.objectContaining({
        code: 'template-misplaced',
        opId: 'i',
        severity: 'error',
        message: expect.stringContaining('{{#each inputs}}'),
      }),
      expect.objectContaining({
        code: 'template-misplaced',
        opId: 'i',
        severity: 'warning',
        message: expect.stringContaining('{{branches}}'),
      }),
    ]);
  });

  it('warns about placeholders that no upstream state provides', () => {
    const d = doc([
      gen('split', [], { parser: { kind: 'jsonParts', valueKeys: ['current'] } }),
      gen('sort', ['split'], { prompt: 'Sort {{current}} of {{part}}, {{typo}}' }),
      { id: 'agg', type: 'aggregate', inputs: ['sort'], params: { prompt: '{{#each inputs}}{{current}}{{/each}} {{missing}}' } },
    ]);
    const { diagnostics, graph } = validateDocument(d);
    expect(graph).not.toBeNull();
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'template-unknown-key',
        opId: 'sort',
        severity: 'warning',
        message: "Generate 'sort': prompt uses {{typo}} but no upstream state provides 'typo' (available: current, original, part)",
      }),
      expect.objectContaining({ code: 'template-unknown-key', opId: 'agg', message: expect.stringContaining('{{missing}}') }),
    ]);
  });

  it('does not guess keys after a parser whose keys depend on the answer', () => {
    const d = doc([gen('g', [], { parser: { kind: 'json' } }), gen('h', ['g'], { prompt: '{{anything}}' })]);
    expect(validateDocument(d).diagnostics).toEqual([]);
  });

  it('warns when a combined score uses a single-number reader', () => {
    const llm = { kind: 'llm', prompt: '{{#each inputs}}{{current}}{{/each}}', reader: { kind: 'number' } };
    const { diagnostics } = validateDocument(
      doc([gen('g'), { id: 's', type: 'score', inputs: ['g'], params: { combined: true, scorer: llm } }]),
    );
    expect(codes(diagnostics)).toEqual(['reader-mismatch']);
  });

  it('warns about parameters that have no effect', () => {
    const { diagnostics } = validateDocument(
      doc([
        gen('g', [], { branchesPerPrompt: 3 }),
        {
          id: 's',
          type: 'score',
          inputs: ['g'],
          params: { samples: 3, combined: true, scorer: { kind: 'function', name: 'text.length' } },
        },
        gen('b', ['s'], { branchesPerPrompt: 2, prompt: 'Give {{branches}} answers for {{current}}' }),
      ]),
    );
    expect(diagnostics.map((d) => [d.code, d.opId, d.field])).toEqual([
      ['param-ignored', 'g', 'branchesPerPrompt'],
      ['param-ignored', 's', 'combined'],
      ['param-ignored', 's', 'samples'],
    ]);
  });

  it('warns about unknown parameters, naming the operation, the field and the nearest known name', () => {
    const d = doc([
      gen('g', [], { sample: 10, frobnicate: true, parser: { kind: 'list', key: 'current', items: 'numbers', kee: 'x' } }),
      score('s', ['g']),
      { id: 'k', type: 'keepBestN', inputs: ['s'], params: { n: 1, higherIsBeter: false } },
    ]);
    const { graph, diagnostics } = validateDocument(d);
    expect(graph).not.toBeNull();
    expect(diagnostics.every((x) => x.code === 'param-unknown')).toBe(true);
    expect(only(diagnostics, 'param-unknown').map((x) => [x.severity, x.opId, x.field, x.message])).toEqual([
      ['warning', 'g', 'parser.kee', "Generate 'g': unknown parameter parser.kee (did you mean parser.key?); it is ignored"],
      ['warning', 'g', 'sample', "Generate 'g': unknown parameter sample (did you mean samples?); it is ignored"],
      ['warning', 'g', 'frobnicate', "Generate 'g': unknown parameter frobnicate; it is ignored"],
      ['warning', 'k', 'higherIsBeter', "Keep Best N 'k': unknown parameter higherIsBeter (did you mean higherIsBetter?); it is ignored"],
    ]);
  });

  it('only produces documented codes', () => {
    const d = doc([gen('g', ['g', 'x']), keep('k', ['g'], 0), { id: 'a', type: 'aggregate', params: { prompt: '{{x' } }]);
    for (const code of codes(validateDocument(d).diagnostics)) expect(Object.keys(DIAGNOSTIC_CODES)).toContain(code);
  });

  it('validates a 300-operation graph in a few milliseconds', () => {
    const ops: Op[] = [];
    for (let i = 0; i < 100; i++) ops.push(gen(`g${i}`, i ? [`k${i - 1}`] : []), score(`s${i}`, [`g${i}`]), keep(`k${i}`, [`s${i}`]));
    const d = doc(ops);
    const functions = builtinFunctions();
    expect(validateDocument(d, { functions }).diagnostics).toEqual([]);
    // The fastest of at least 10 runs, retried up to 3 s while still slow: on a loaded machine some run gets the CPU to itself.
    let best = Infinity;
    const began = performance.now();
    for (let i = 0; i < 200 && (i < 10 || (best >= 30 && performance.now() - began < 3000)); i++) {
      const start = performance.now();
      validateDocument(d, { functions });
      best = Math.min(best, performance.now() - start);
    }
    expect(d.operations).toHaveLength(300);
    expect(best).toBeLessThan(30);
  });
});

describe('availableStateKeys', () => {
  it('offers the input keys plus what upstream parsers write and set', () => {
    const d = doc([
      gen('g', [], { parser: { kind: 'list', key: 'sorted', set: { phase: 1 } } }),
      { id: 'k', type: 'keepValid', inputs: ['g'] },
      gen('h', ['k']),
    ]);
    expect(availableStateKeys(d, 'g')).toEqual(['original']);
    expect(availableStateKeys(d, 'h')).toEqual(['original', 'phase', 'sorted']);
    expect(availableStateKeys(d, 'nope')).toEqual([]);
  });

  it('tolerates cycles and dangling inputs', () => {
    const d = doc([gen('a', ['b', 'ghost']), gen('b', ['a'], { parser: { kind: 'number', key: 'n' } })]);
    expect(availableStateKeys(d, 'a')).toEqual(['n']);
  });
});
