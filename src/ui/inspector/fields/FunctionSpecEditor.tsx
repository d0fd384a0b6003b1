import { useMemo, useState } from 'react';
import { compileExpression, type FunctionRegistry, type JsonValue, type ParamKind, type ThoughtState } from '../../../engine/index';
import { appFunctions } from '../../functions/registry';
import { appScriptRunner } from '../../scripts/workerScriptRunner';
import { CodeField } from '../code/CodeField';
import { TemplateEditor } from '../TemplateEditor';

type SpecKind = 'function' | 'filter' | 'llm' | 'js';
type Spec = { kind: SpecKind } & Record<string, unknown>;
type FnKind = Extract<ParamKind, 'scorer' | 'validator' | 'evaluator' | 'selector'>;

const KINDS: Record<FnKind, SpecKind[]> = {
  scorer: ['function', 'filter', 'llm', 'js'],
  validator: ['function', 'filter', 'llm', 'js'],
  evaluator: ['function', 'filter', 'js'],
  selector: ['filter', 'function', 'js'],
};
const KIND_LABEL: Record<SpecKind, string> = { function: 'Built-in function', filter: 'Expression', llm: 'LLM prompt', js: 'JavaScript' };
const REGISTRY_KEY: Record<FnKind, keyof FunctionRegistry> = { scorer: 'scorers', validator: 'validators', evaluator: 'evaluators', selector: 'selectors' };

const defaults = (kind: SpecKind, fn: FnKind): Spec => {
  switch (kind) {
    case 'function':
      return { kind, name: '' };
    case 'filter':
      return { kind, expr: fn === 'scorer' ? 'len(state.current)' : 'true' };
    case 'llm':
      return { kind, prompt: '', reader: fn === 'scorer' ? { kind: 'number' } : { kind: 'yesNo' } };
    case 'js':
      return { kind, code: fn === 'selector' ? 'return thoughts.slice(0, 1);' : fn === 'scorer' ? 'return 0;' : 'return true;', timeoutMs: 1000 };
  }
};

interface Props {
  fnKind: FnKind;
  value: Spec | undefined;
  onChange: (v: Spec) => void;
  id: string;
  keys: readonly string[];
  state: ThoughtState;
}

/** Choice of a scorer, validator, evaluator or selector: named built-in, expression, LLM prompt or user JavaScript. */
export function FunctionSpecEditor({ fnKind, value, onChange, id, keys, state }: Props) {
  const spec = value ?? defaults(KINDS[fnKind][0]!, fnKind);
  const set = (patch: Record<string, unknown>) => onChange({ ...spec, ...patch });
  return (
    <div className="spec-editor" data-testid={`fnspec-${id}`}>
      <div className="segmented" role="radiogroup" aria-label={`${fnKind} kind`}>
        {KINDS[fnKind].map((k) => (
          <button key={k} type="button" role="radio" aria-checked={spec.kind === k} className={spec.kind === k ? 'active' : ''} onClick={() => spec.kind !== k && onChange(defaults(k, fnKind))}>
            {KIND_LABEL[k]}
          </button>
        ))}
      </div>
      {spec.kind === 'function' ? <NamedPicker id={id} fnKind={fnKind} name={String(spec.name ?? '')} onChange={(name) => set({ name })} /> : null}
      {spec.kind === 'filter' ? <ExpressionInput id={id} expr={String(spec.expr ?? '')} onChange={(expr) => set({ expr })} /> : null}
      {spec.kind === 'llm' ? <LlmSpec id={id} spec={spec} set={set} keys={keys} state={state} fnKind={fnKind} /> : null}
      {spec.kind === 'js' ? <ScriptInput id={id} fnKind={fnKind} code={String(spec.code ?? '')} timeoutMs={Number(spec.timeoutMs ?? 1000)} set={set} state={state} /> : null}
    </div>
  );
}

function NamedPicker({ id, fnKind, name, onChange }: { id: string; fnKind: FnKind; name: string; onChange: (n: string) => void }) {
  const entries = Object.entries(appFunctions()[REGISTRY_KEY[fnKind]] as Record<string, { label: string; help: string }>);
  const chosen = entries.find(([n]) => n === name)?.[1];
  return (
    <>
      <select id={id} className="field-input" value={name} onChange={(e) => onChange(e.target.value)} aria-label={`Named ${fnKind}`} data-testid={`fn-name-${id}`}>
        <option value="">choose a {fnKind}…</option>
        {name && !chosen ? <option value={name}>{name} (unknown)</option> : null}
        {entries.map(([n, f]) => (
          <option key={n} value={n}>
            {n} — {f.label}
          </option>
        ))}
      </select>
      {chosen ? <div className="field-help">{chosen.help}</div> : null}
    </>
  );
}

function ExpressionInput({ id, expr, onChange }: { id: string; expr: string; onChange: (e: string) => void }) {
  const compiled = useMemo(() => (expr.trim() ? compileExpression(expr) : null), [expr]);
  return (
    <>
      <input id={id} className="field-input mono" value={expr} onChange={(e) => onChange(e.target.value)} placeholder='state.part == "List 1"' aria-label="Expression" data-testid={`expr-${id}`} />
      {compiled && !compiled.ok ? (
        <div className="field-error" data-testid={`expr-error-${id}`}>
          column {compiled.column}: {compiled.message}
        </div>
      ) : (
        <div className="field-help">Names: state.&lt;key&gt;, score, valid, solved; operators and, or, not, ==, &lt;, +; functions such as len().</div>
      )}
    </>
  );
}

function LlmSpec({ id, spec, set, keys, state, fnKind }: { id: string; spec: Spec; set: (p: Record<string, unknown>) => void; keys: readonly string[]; state: ThoughtState; fnKind: FnKind }) {
  const reader = (spec.reader ?? { kind: 'number' }) as { kind: string; pattern?: string; yes?: string };
  return (
    <>
      <TemplateEditor id={`${id}-prompt`} label={`${fnKind} prompt`} value={String(spec.prompt ?? '')} onChange={(prompt) => set({ prompt })} keys={keys} previewState={state} />
      <label className="sub-label">
        Read the answer as
        <select className="field-input" value={reader.kind} onChange={(e) => set({ reader: e.target.value === 'regex' ? { kind: 'regex', pattern: '(\\d+)', flags: '' } : e.target.value === 'function' ? { kind: 'function', name: '' } : { kind: e.target.value } })}>
          <option value="number">last number (averaged over samples)</option>
          <option value="list">list of numbers (one per input)</option>
          <option value="yesNo">yes / no (majority)</option>
          <option value="regex">regular expression</option>
          <option value="function">named reader</option>
        </select>
      </label>
      {reader.kind === 'regex' ? <input className="field-input mono" value={reader.pattern ?? ''} onChange={(e) => set({ reader: { ...reader, pattern: e.target.value } })} aria-label="Reader pattern" /> : null}
      {reader.kind === 'function' ? (
        <select className="field-input" value={(reader as { name?: string }).name ?? ''} onChange={(e) => set({ reader: { kind: 'function', name: e.target.value } })} aria-label="Named reader">
          <option value="">choose…</option>
          {Object.entries(appFunctions().answerReaders).map(([n, f]) => (
            <option key={n} value={n}>
              {n} — {f.label}
            </option>
          ))}
        </select>
      ) : null}
    </>
  );
}

function ScriptInput({ id, fnKind, code, timeoutMs, set, state }: { id: string; fnKind: FnKind; code: string; timeoutMs: number; set: (p: Record<string, unknown>) => void; state: ThoughtState }) {
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const argName = fnKind === 'selector' ? 'thoughts' : 'state';
  const test = async () => {
    setResult({ ok: true, text: 'running…' });
    const arg: JsonValue = fnKind === 'selector' ? [{ id: 'input', state, score: null, valid: null, solved: null }] : state;
    try {
      const value = await appScriptRunner().run(code, argName, arg, timeoutMs);
      setResult({ ok: true, text: `returned ${JSON.stringify(value)}` });
    } catch (err) {
      setResult({ ok: false, text: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <>
      <div className="field-help">
        Body of <code>function ({argName}) {'{ … }'}</code>; runs in a sandbox (QuickJS) with no network, storage or page access, stopped after the time limit.
      </div>
      <div data-testid={`js-${id}`}>
        <CodeField value={code} onChange={(v) => set({ code: v })} language="javascript" label={`${fnKind} code`} lineNumbers minHeight="64px" maxHeight="240px" />
      </div>
      <div className="row">
        <label className="sub-label">
          Time limit (ms)
          <input type="number" className="field-input narrow" min={10} max={60000} value={timeoutMs} onChange={(e) => set({ timeoutMs: Number.isFinite(e.target.valueAsNumber) ? e.target.valueAsNumber : 1000 })} />
        </label>
        <button type="button" className="btn" onClick={() => void test()} data-testid={`js-test-${id}`}>
          Test on the input
        </button>
      </div>
      {result ? (
        <pre className={result.ok ? 'script-result' : 'preview-error'} data-testid={`js-result-${id}`}>
          {result.text}
        </pre>
      ) : null}
    </>
  );
}
