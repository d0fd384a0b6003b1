import type { CheckedGraph, CheckedOperation } from '../graph/document';
import type { AnswerReader, EvaluatorSpec, ParserSpec, ScorerSpec, SelectorSpec, ValidatorSpec } from '../graph/specs';
import { compileTemplate, type TemplateNode } from '../prompts/template';
import { expressionToPython } from './pythonExpression';
import { PYTHON_RUNTIME } from './pythonRuntime';

/** Options of the Python export. */
export interface PythonExportOptions {
  /** The model id written into the ChatGPT config (the script's GOT_MODEL_ID overrides it). */
  modelId?: string;
  temperature?: number;
  maxTokens?: number;
}

/** The exported script and what it could not carry over (also written as comments in the script). */
export interface PythonExport {
  script: string;
  notes: string[];
}

/** The built-in task functions the Python runtime implements (see pythonRuntime.ts TASK_FUNCTIONS). */
const TASK_FUNCTIONS = new Set([
  'sorting.error',
  'sorting.solved',
  'setIntersection.error',
  'setIntersection.solved',
  'keywordCounting.error',
  'keywordCounting.solved',
  'keywordCounting.sumsMatch',
]);
const NAMED_PARSERS = new Set(['keywordCounting.mergeTallies']);
const NAMED_READERS = new Set(['docMerge.score']);

type PyNode = [string, ...unknown[]];

/** A template compiled to the runtime's node lists: ["text", s], ["key", k, json], ["branches"], ["index"], ["each", body]. */
function templateNodes(nodes: readonly TemplateNode[]): PyNode[] {
  return nodes.map((n): PyNode => {
    switch (n.kind) {
      case 'text':
        return ['text', n.text];
      case 'key':
        return ['key', n.key, n.json];
      case 'branches':
        return ['branches'];
      case 'index':
        return ['index'];
      case 'each':
        return ['each', templateNodes(n.body)];
    }
  });
}

/** A template as the Python runtime's node list, or null when it is malformed. */
export function pythonTemplateNodes(template: string): PyNode[] | null {
  const compiled = compileTemplate(template);
  return compiled.ok ? templateNodes(compiled.nodes) : null;
}

/** JavaScript regex flags as Python's re flag value (i = 2, m = 8, s = 16); g, u, y, d have no effect there. */
function pythonFlags(flags: string): number {
  return (flags.includes('i') ? 2 : 0) | (flags.includes('m') ? 8 : 0) | (flags.includes('s') ? 16 : 0);
}

/** A JavaScript pattern in Python's syntax: named groups and their back-references. */
function pythonPattern(pattern: string): string {
  return pattern.replace(/\(\?<([A-Za-z_]\w*)>/g, '(?P<$1>').replace(/\\k<([A-Za-z_]\w*)>/g, '(?P=$1)');
}

/** A Python string literal (JSON's string escapes are valid Python escapes). */
const pyString = (s: string): string => JSON.stringify(s);

/** A Python identifier for an operation id, unique among `used`. */
function identifier(id: string, used: Set<string>): string {
  const base = `op_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base}_${i}`;
  used.add(name);
  return name;
}

class Exporter {
  readonly notes: string[] = [];
  /** Per operation: the lines that build it. */
  readonly lines: string[] = [];
  readonly specs: Record<string, Record<string, unknown>> = {};

  note(op: CheckedOperation, text: string): string {
    const full = `${op.id} (${op.type}): ${text}`;
    this.notes.push(full);
    return full;
  }

  template(op: CheckedOperation, field: string, template: string): PyNode[] {
    const compiled = compileTemplate(template);
    if (!compiled.ok) {
      this.note(op, `the ${field} template is malformed (${compiled.message}); exported as plain text`);
      return [['text', template]];
    }
    return templateNodes(compiled.nodes);
  }

  parser(op: CheckedOperation, spec: ParserSpec): Record<string, unknown> {
    if (spec.kind === 'regex') return { ...spec, pattern: pythonPattern(spec.pattern), pyflags: pythonFlags(spec.flags) };
    if (spec.kind === 'function' && !NAMED_PARSERS.has(spec.name))
      this.note(op, `the parser '${spec.name}' has no Python counterpart: its answers are flagged as parse errors`);
    return { ...spec };
  }

  reader(op: CheckedOperation, reader: AnswerReader): Record<string, unknown> {
    if (reader.kind === 'regex') return { ...reader, pattern: pythonPattern(reader.pattern), pyflags: pythonFlags(reader.flags) };
    if (reader.kind === 'function' && !NAMED_READERS.has(reader.name)) this.note(op, `the answer reader '${reader.name}' has no Python counterpart: reading its answers raises an error`);
    return { ...reader };
  }

  llm(op: CheckedOperation, p: { prompt: string; system?: string | undefined; temperature?: number | undefined; maxTokens?: number | undefined }): Record<string, unknown> {
    const out: Record<string, unknown> = { prompt: this.template(op, 'prompt', p.prompt) };
    if (p.system) {
      out.system = this.template(op, 'system', p.system);
      this.note(op, 'the framework sends one user message: the system prompt is put before the prompt in it');
    }
    if (p.temperature !== undefined || p.maxTokens !== undefined)
      this.note(op, "the framework uses one temperature and max_tokens for every request (the config's): this operation's own are not applied");
    return out;
  }

  /** A Python function (or its name) for a state function: a task function, a translated expression, or a stub that raises. */
  stateFunction(op: CheckedOperation, what: string, spec: ScorerSpec | ValidatorSpec | EvaluatorSpec): string {
    if (spec.kind === 'function') {
      if (TASK_FUNCTIONS.has(spec.name)) return `TASK_FUNCTIONS[${pyString(spec.name)}]`;
      return this.stub(op, `the ${what} '${spec.name}' is not a built-in task function with a Python counterpart`);
    }
    if (spec.kind === 'filter') {
      const py = expressionToPython(spec.expr);
      if (!py.ok) return this.stub(op, `the ${what} expression ${JSON.stringify(spec.expr)} cannot be translated (${py.reason})`);
      return `lambda state: (lambda t: ${py.code})(StateThought(state))`;
    }
    if (spec.kind === 'js') return this.stub(op, `the ${what} is user JavaScript, which the framework cannot run`);
    return this.stub(op, `the ${what} has no counterpart`);
  }

  stub(op: CheckedOperation, why: string): string {
    const text = this.note(op, `${why}; the script raises NotImplementedError there until you write it in Python`);
    return `unsupported(${pyString(text)})`;
  }

  selector(op: CheckedOperation, spec: SelectorSpec): string {
    if (spec.kind === 'filter') {
      const py = expressionToPython(spec.expr);
      if (py.ok) return `lambda thoughts: [t for t in thoughts if truthy(${py.code})]`;
      return this.stub(op, `the selector expression ${JSON.stringify(spec.expr)} cannot be translated (${py.reason})`);
    }
    if (spec.kind === 'js') return this.stub(op, 'the selector is user JavaScript, which the framework cannot run');
    return this.stub(op, `the selector '${spec.name}' has no Python counterpart`);
  }

  /** The constructor call for one operation; fills this.specs with its prompts, parser and reader. */
  construct(op: CheckedOperation): string {
    const spec: Record<string, unknown> = { id: op.id, type: op.type };
    this.specs[op.id] = spec;
    switch (op.type) {
      case 'generate':
        spec.llm = { ...this.llm(op, op.params), parser: this.parser(op, op.params.parser) };
        return `Generate(num_branches_prompt=${op.params.branchesPerPrompt}, num_branches_response=${op.params.samples})`;
      case 'aggregate':
        spec.llm = { ...this.llm(op, op.params), parser: this.parser(op, op.params.parser) };
        spec.concatKeys = op.params.concatKeys;
        return `Aggregate(num_responses=${op.params.samples})`;
      case 'improve':
        spec.llm = { ...this.llm(op, op.params), parser: this.parser(op, op.params.parser) };
        return 'Improve()';
      case 'score': {
        const s = op.params.scorer;
        spec.combined = op.params.combined;
        if (s.kind === 'llm') {
          spec.check = { ...this.llm(op, s), reader: this.reader(op, s.reader) };
          return `Score(num_samples=${op.params.samples}, combined_scoring=${op.params.combined ? 'True' : 'False'})`;
        }
        const fn = this.stateFunction(op, 'scorer', s);
        return `Score(num_samples=${op.params.samples}, combined_scoring=False, scoring_function=${fn})`;
      }
      case 'validateAndImprove': {
        const v = op.params.validator;
        spec.llm = { ...this.llm(op, op.params), parser: this.parser(op, op.params.parser) };
        const args = `num_samples=${op.params.samples}, improve=${op.params.improve ? 'True' : 'False'}, num_tries=${op.params.tries}`;
        if (v.kind === 'llm') {
          spec.check = { ...this.llm(op, v), reader: this.reader(op, v.reader) };
          return `ValidateAndImprove(${args})`;
        }
        return `ValidateAndImprove(${args}, validate_function=${this.stateFunction(op, 'validator', v)})`;
      }
      case 'keepBestN':
        return `KeepBestN(${op.params.n}, higher_is_better=${op.params.higherIsBetter ? 'True' : 'False'})`;
      case 'keepValid':
        return 'KeepValid()';
      case 'groundTruth':
        return `GroundTruth(${this.stateFunction(op, 'ground-truth evaluator', op.params.evaluator)})`;
      case 'selector':
        return `Selector(${this.selector(op, op.params.selector)})`;
    }
  }
}

const GRAPH_HELPERS = `
def unsupported(why):
    """Stands in for a function GoT Studio could not export; fails loudly when the graph reaches it."""
    def fail(*args, **kwargs):
        raise NotImplementedError(why)
    return fail


def truthy(v):
    return len(v) > 0 if isinstance(v, (list, dict, str)) else bool(v)


class StateThought:
    """A scorer or validator expression sees a state; this gives it the Thought's shape."""

    def __init__(self, state):
        self.state = state
        self.score, self.scored, self.valid, self.validated = 0.0, False, False, False
        self.solved, self.compared_to_ground_truth, self.id = False, False, None
`;

/** The comment lines a note becomes (wrapped at about 100 characters). */
function commentLines(text: string, indent = '#   '): string[] {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + w.length + 1 > 96) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.map((l, i) => (i === 0 ? `${indent}- ${l}` : `${indent}  ${l}`));
}

/**
 * A validated graph as a Python script for the reference framework (graph_of_thoughts): its
 * operations, edges, prompts, parsers, the built-in tasks' functions, the input state and a ChatGPT
 * config that reads OPENAI_API_KEY (and, through the openai client, OPENAI_BASE_URL). Features with
 * no counterpart are listed in `notes` and as comments in the script.
 */
export function exportPython(graph: CheckedGraph, options: PythonExportOptions = {}): PythonExport {
  const ex = new Exporter();
  const used = new Set<string>();
  const names = new Map<string, string>();
  const build: string[] = [];
  for (const op of graph.operations) {
    const name = identifier(op.id, used);
    names.set(op.id, name);
    const noteCount = ex.notes.length;
    const ctor = ex.construct(op);
    build.push(`    # ${op.label || op.id} (${op.type})`);
    for (const n of ex.notes.slice(noteCount)) build.push(...commentLines(`NOTE: ${n}`, '    # '));
    build.push(`    ${name} = ${ctor}.tagged(OPS[${pyString(op.id)}])`);
    for (const input of op.inputs) build.push(`    ${name}.add_predecessor(${names.get(input) ?? 'None'})`);
    build.push(`    graph.add_operation(${name})`, '');
  }
  const doc = graph.document;
  const config = {
    chatgpt: {
      model_id: options.modelId ?? 'gpt-4o-mini',
      prompt_token_cost: 0,
      response_token_cost: 0,
      temperature: options.temperature ?? 1,
      max_tokens: options.maxTokens ?? 4096,
      stop: null,
      organization: '',
      api_key: '',
    },
  };
  const header = [
    '#!/usr/bin/env python3',
    `"""${doc.title.replace(/\\/g, '\\\\').replace(/"""/g, '\\"\\"\\"')}: exported from GoT Studio for the graph_of_thoughts reference framework.`,
    '',
    'Run it with the framework on PYTHONPATH (see its RUNNING.md):',
    '    OPENAI_API_KEY=... [OPENAI_BASE_URL=http://127.0.0.1:8787/v1] [GOT_MODEL_ID=...] python3 this_script.py [output.json]',
    'It runs the graph once on the input state below and writes Controller.output_graph to output.json',
    '(by default next to the script), which GoT Studio opens with File > Open.',
    '"""',
    'import json',
    'import math',
    'import os',
    'import re',
    'import sys',
    'import tempfile',
    '',
    'from graph_of_thoughts import controller, language_models, operations',
    'from graph_of_thoughts.parser import Parser',
    'from graph_of_thoughts.prompter import Prompter',
    '',
    ...(ex.notes.length === 0
      ? ['# Everything in this graph has a counterpart in the framework.']
      : ['# What the framework has no counterpart for (also noted at each operation below):', ...ex.notes.flatMap((n) => commentLines(n))]),
    '',
  ];
  const tail = [
    '',
    '# --- This graph ---------------------------------------------------------------------------',
    '',
    '# The ChatGPT config: the key comes from OPENAI_API_KEY, the endpoint from OPENAI_BASE_URL (read by the openai client).',
    `LM_CONFIG = json.loads(${pyString(JSON.stringify(config))})`,
    'LM_CONFIG["chatgpt"]["model_id"] = os.environ.get("GOT_MODEL_ID", LM_CONFIG["chatgpt"]["model_id"])',
    '',
    '# The input state (the root thought).',
    `INPUT_STATE = json.loads(${pyString(JSON.stringify(doc.input))})`,
    '',
    "# Each operation's GoT Studio prompts (compiled templates), parser and answer reader.",
    `OPS = json.loads(${pyString(JSON.stringify(ex.specs))})`,
    GRAPH_HELPERS,
    '',
    'def build_graph():',
    '    graph = operations.GraphOfOperations()',
    '',
    ...build,
    '    return graph',
    '',
    '',
    'def main(argv):',
    '    output = argv[1] if len(argv) > 1 else os.path.splitext(os.path.abspath(__file__))[0] + ".output.json"',
    '    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:',
    '        json.dump(LM_CONFIG, f)',
    '    try:',
    '        lm = language_models.ChatGPT(f.name, model_name="chatgpt", cache=False)',
    '    finally:',
    '        os.unlink(f.name)',
    '    ctrl = controller.Controller(lm, build_graph(), StudioPrompter(), StudioParser(), dict(INPUT_STATE))',
    '    ctrl.run()',
    '    ctrl.output_graph(output)',
    '    print("wrote %s (%d prompt tokens, %d completion tokens)" % (output, lm.prompt_tokens, lm.completion_tokens))',
    '',
    '',
    'if __name__ == "__main__":',
    '    main(sys.argv)',
    '',
  ];
  return { script: [...header, PYTHON_RUNTIME, ...tail].join('\n'), notes: ex.notes };
}
