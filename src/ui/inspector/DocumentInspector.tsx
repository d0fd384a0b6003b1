import { memo } from 'react';
import { diagnosticsOf } from '../diagnostics/diagnosticsOf';
import { estimateOf, isSimulatorPricing } from '../estimate/estimateOf';
import { formatRange } from '../estimate/estimateRun';
import { useAppStore, useAppStoreApi } from '../store/StoreProvider';
import { InputEditor } from './InputEditor';
import { ProblemList } from './ProblemList';

/** The graph's state line: ready before a run, then what the run is doing or how it ended. */
function runLine(phase: 'idle' | 'running' | 'stepping' | 'paused' | 'finished', ended: string | null): string {
  if (phase === 'running') return 'Running…';
  if (phase === 'stepping') return 'Paused before the next step';
  if (phase === 'paused') return 'Paused';
  if (phase === 'finished') return ended === 'completed' || ended === null ? 'Done · ready to run again' : `Run ${ended} · ready to run again`;
  return 'Ready to run';
}

/** The graph's errors and warnings, else its run state: the one line of the document inspector that follows a run. */
function Validity({ errors, warnings }: { errors: number; warnings: number }) {
  const empty = useAppStore((s) => s.doc.operations.length === 0);
  const phase = useAppStore((s) => (s.runUi.phase === 'running' && s.runUi.heldOp ? 'stepping' : s.runUi.phase));
  const ended = useAppStore((s) => s.live.grs.summary?.status ?? null);
  return (
    <div className={`validity ${errors ? 'bad' : empty ? 'empty' : phase === 'idle' ? 'good' : `run-${phase}`}`} data-testid="validity">
      {errors ? `${errors} error${errors === 1 ? '' : 's'}` : empty ? 'Nothing to run yet' : runLine(phase, ended)}
      {warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}
    </div>
  );
}

/** With nothing selected: the document's description, input, cost preview and overall diagnostics. */
export function DocumentInspector() {
  const store = useAppStoreApi();
  const description = useAppStore((s) => s.doc.description);
  const scheme = useAppStore((s) => s.doc.scheme ?? '');
  const task = useAppStore((s) => s.doc.task ?? '');
  const counts = useAppStore((s) => {
    const d = diagnosticsOf(s.doc).all;
    return `${d.filter((x) => x.severity === 'error').length}/${d.filter((x) => x.severity === 'warning').length}`;
  });
  const general = useAppStore((s) => diagnosticsOf(s.doc).general.map((d) => `${d.severity}\u0001${d.message}`).join('\u0002'));
  const [errors, warnings] = counts.split('/').map(Number);
  return (
    <div className="inspector-body" data-testid="document-inspector">
      <h3 className="section-title">Graph</h3>
      <label className="field-label" htmlFor="doc-description">
        Description
      </label>
      <textarea id="doc-description" className="field-input" rows={3} value={description} onChange={(e) => store.getState().setMeta({ description: e.target.value })} />
      <div className="row">
        <label className="sub-label">
          Task
          <input className="field-input" value={task} onChange={(e) => store.getState().setMeta({ task: e.target.value || undefined })} />
        </label>
        <label className="sub-label">
          Scheme
          <input className="field-input" value={scheme} onChange={(e) => store.getState().setMeta({ scheme: e.target.value || undefined })} />
        </label>
      </div>
      <Validity errors={errors ?? 0} warnings={warnings ?? 0} />
      {general
        ? general.split('\u0002').map((g, i) => {
            const [sev, msg] = g.split('\u0001');
            return (
              <div key={i} className={`field-${sev}`}>
                {msg}
              </div>
            );
          })
        : null}
      <ProblemList />
      <CostPreview />
      <InputEditor />
    </div>
  );
}

/** The whole run's expected requests, completions, tokens and dollars for the chosen model (memo: the run line above changes during a run, this does not). */
export const CostPreview = memo(function CostPreview() {
  const pricing = useAppStore((s) => s.modelPricing);
  const exact = useAppStore((s) => s.exactTokens);
  const t = useAppStore((s) => estimateOf(s.doc, s.modelPricing).totals);
  const tokens = { min: t.promptTokens.min + t.completionTokens.min, max: t.promptTokens.max + t.completionTokens.max };
  return (
    <div className="cost-preview" data-testid="cost-preview">
      <h3 className="section-title">Before you run</h3>
      <dl>
        <dt>Requests</dt>
        <dd data-testid="estimate-requests">{formatRange(t.requests)}</dd>
        <dt>Completions</dt>
        <dd data-testid="estimate-completions">{formatRange(t.completions)}</dd>
        <dt title={isSimulatorPricing(pricing) ? 'As the simulator counts them: about four characters a token' : exact ? 'Prompt tokens counted with the model’s tokenizer' : 'Approximated (within a few percent of GPT tokenizers) until the tokenizer has loaded'}>
          Tokens {isSimulatorPricing(pricing) ? '(simulator)' : exact ? '(tokenizer)' : '(≈ approximate)'}
        </dt>
        <dd>~{formatRange(tokens)}</dd>
        <dt>Cost</dt>
        <dd>
          <span data-testid="estimate-cost">${formatRange(t.cost, 4)}</span> <span className="muted small" data-testid="estimate-pricing">({pricing.label})</span>
        </dd>
      </dl>
    </div>
  );
});
