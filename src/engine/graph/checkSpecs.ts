import { compileExpression, expressionStateKeys } from '../functions/expression';
import type { FunctionRegistry } from '../functions/types';
import { compileTemplate, type TemplateNode } from '../prompts/template';
import type { CheckedOperation } from './document';
import { opName, type Diagnostic } from './diagnostics';
import type { AnswerReader, ParserSpec } from './specs';
import type { KeySet } from './stateKeys';

type Kind = 'scorers' | 'validators' | 'evaluators' | 'selectors' | 'parsers' | 'answerReaders';
const KIND_WORD: Record<Kind, string> = {
  scorers: 'scorer',
  validators: 'validator',
  evaluators: 'evaluator',
  selectors: 'selector',
  parsers: 'parser',
  answerReaders: 'answer reader',
};

const usesBranches = (template: string | undefined): boolean => {
  const compiled = template === undefined ? null : compileTemplate(template);
  if (!compiled?.ok) return false;
  const walk = (nodes: readonly TemplateNode[]): boolean => nodes.some((n) => n.kind === 'branches' || (n.kind === 'each' && walk(n.body)));
  return walk(compiled.nodes);
};

type AnySpec = { kind: string; name?: string; expr?: string; code?: string; prompt?: string; system?: string; reader?: AnswerReader };

/**
 * Checks the parts of an operation's (schema-valid) params that a schema cannot: named functions,
 * filter expressions, regular expressions, scripts and prompt templates.
 */
export function checkSpecs(op: CheckedOperation, available: KeySet, output: KeySet, functions: FunctionRegistry | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  // A validator also sees the thoughts Validate & Improve makes; every other function sees its inputs.
  const seen = op.type === 'validateAndImprove' ? output : available;
  const name = opName(op.type, op.id);
  const err = (code: string, field: string, message: string, severity: Diagnostic['severity'] = 'error'): void => {
    out.push({ severity, code, message: `${name}: ${message}`, opId: op.id, field });
  };

  const checkNamed = (kind: Kind, fnName: string, field: string): void => {
    if (functions && !Object.prototype.hasOwnProperty.call(functions[kind], fnName)) {
      const known = Object.keys(functions[kind]);
      err(
        'unknown-function',
        field,
        `there is no ${KIND_WORD[kind]} named '${fnName}'${known.length ? ` (known: ${known.slice(0, 8).join(', ')}${known.length > 8 ? ', …' : ''})` : ''}`,
      );
    }
  };

  const checkRegex = (pattern: string, flags: string, field: string): void => {
    try {
      new RegExp(pattern, flags);
    } catch (e) {
      err('invalid-regex', field, `/${pattern}/${flags} is not a valid regular expression (${(e as Error).message})`);
    }
  };

  const checkTemplate = (template: string | undefined, field: string, allowEach: boolean): void => {
    if (template === undefined) return;
    const compiled = compileTemplate(template);
    if (!compiled.ok) {
      err('template-syntax', field, `${field}: ${compiled.message}`);
      return;
    }
    const walk = (nodes: readonly TemplateNode[]): void => {
      for (const n of nodes) {
        if (n.kind === 'each') {
          if (!allowEach)
            err('template-misplaced', field, `${field} uses {{#each inputs}}, which only Aggregate and combined Score prompts can fill`);
          walk(n.body);
        } else if (n.kind === 'branches') {
          if (op.type !== 'generate' && !available.keys.has('branches') && !available.open) {
            err('template-misplaced', field, `${field} uses {{branches}}, which only Generate fills (branchesPerPrompt)`, 'warning');
          }
        } else if (n.kind === 'key' && !available.open && !available.keys.has(n.key)) {
          const known = [...available.keys].sort();
          err(
            'template-unknown-key',
            field,
            `${field} uses ${n.raw} but no upstream state provides '${n.key}'${known.length ? ` (available: ${known.join(', ')})` : ''}`,
            'warning',
          );
        }
      }
    };
    walk(compiled.nodes);
  };

  const checkParser = (parser: ParserSpec, field: string): void => {
    if (parser.kind === 'function') checkNamed('parsers', parser.name, `${field}.name`);
    if (parser.kind === 'regex') checkRegex(parser.pattern, parser.flags, `${field}.pattern`);
  };

  const checkReader = (reader: AnswerReader, field: string): void => {
    if (reader.kind === 'function') checkNamed('answerReaders', reader.name, `${field}.name`);
    if (reader.kind === 'regex') checkRegex(reader.pattern, reader.flags, `${field}.pattern`);
    if (reader.kind === 'yesNo' && reader.yes !== undefined) checkRegex(reader.yes, 'i', `${field}.yes`);
  };

  const checkSpec = (spec: AnySpec, field: string, kind: Kind, allowEach: boolean): void => {
    if (spec.kind === 'function' && spec.name !== undefined) checkNamed(kind, spec.name, `${field}.name`);
    if (spec.kind === 'filter' && spec.expr !== undefined) {
      const c = compileExpression(spec.expr);
      if (!c.ok) err('filter-syntax', `${field}.expr`, `${field}.expr: ${c.message} (column ${c.column})`);
      else if (!seen.open) {
        for (const key of expressionStateKeys(spec.expr)) {
          if (!seen.keys.has(key))
            err(
              'filter-unknown-key',
              `${field}.expr`,
              `${field}.expr reads state.${key} but no upstream state provides '${key}'`,
              'warning',
            );
        }
      }
    }
    if (spec.kind === 'js' && !spec.code?.trim()) err('empty-script', `${field}.code`, `${field} is JavaScript with no code`);
    if (spec.kind === 'llm') {
      checkTemplate(spec.prompt, `${field}.prompt`, allowEach);
      checkTemplate(spec.system, `${field}.system`, allowEach);
      if (spec.reader) checkReader(spec.reader, `${field}.reader`);
    }
  };

  switch (op.type) {
    case 'generate':
    case 'aggregate':
    case 'improve':
    case 'validateAndImprove': {
      const each = op.type === 'aggregate';
      checkTemplate(op.params.prompt, 'prompt', each);
      checkTemplate(op.params.system, 'system', each);
      checkParser(op.params.parser, 'parser');
      if (op.type === 'validateAndImprove') {
        checkSpec(op.params.validator, 'validator', 'validators', false);
        if (op.params.validator.kind !== 'llm' && op.params.samples > 1) {
          err(
            'param-ignored',
            'samples',
            `samples = ${op.params.samples} only matters for an LLM validator; this one asks no model`,
            'warning',
          );
        }
      }
      if (op.type === 'generate' && op.params.branchesPerPrompt > 1 && !usesBranches(op.params.prompt) && !usesBranches(op.params.system)) {
        err(
          'param-ignored',
          'branchesPerPrompt',
          `branches per prompt is ${op.params.branchesPerPrompt} but neither prompt uses {{branches}}, so the model is never told`,
          'warning',
        );
      }
      break;
    }
    case 'score': {
      const scorer = op.params.scorer;
      checkSpec(scorer, 'scorer', 'scorers', op.params.combined);
      if (scorer.kind !== 'llm' && op.params.combined)
        err('param-ignored', 'combined', 'combined only applies to an LLM scorer; this one asks no model', 'warning');
      if (scorer.kind !== 'llm' && op.params.samples > 1) {
        err('param-ignored', 'samples', `samples = ${op.params.samples} only matters for an LLM scorer; this one asks no model`, 'warning');
      }
      if (scorer.kind === 'llm') {
        if (op.params.combined && (scorer.reader.kind === 'number' || scorer.reader.kind === 'regex' || scorer.reader.kind === 'yesNo')) {
          err(
            'reader-mismatch',
            'scorer.reader',
            'a combined score needs one score per thought: use the list reader (or a named one)',
            'warning',
          );
        }
        if (!op.params.combined && scorer.reader.kind === 'list') {
          err(
            'reader-mismatch',
            'scorer.reader',
            'the list reader reads one score per thought, which only a combined score asks for',
            'warning',
          );
        }
      }
      break;
    }
    case 'groundTruth':
      checkSpec(op.params.evaluator, 'evaluator', 'evaluators', false);
      break;
    case 'selector':
      checkSpec(op.params.selector, 'selector', 'selectors', false);
      break;
    case 'keepBestN':
    case 'keepValid':
      break;
  }
  return out;
}
