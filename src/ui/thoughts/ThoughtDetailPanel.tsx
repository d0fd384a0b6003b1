import { memo, useMemo } from 'react';
import type { CallRecord, Thought, ThoughtId } from '../../engine/index';
import { useAppStore, useAppStoreApi } from '../store/StoreProvider';
import { opLabelOf } from './opLabels';
import { diffWords } from './textDiff';
import { dollars, duration, stateJson, thoughtText, tokens } from './thoughtText';
import { selectOpFigures } from '../run/runSelectors';
import { OperationForkControls, ThoughtForkControls } from '../fork/ForkControls';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="detail-field">
      <span className="detail-label">{label}</span>
      <span className="detail-value">{children}</span>
    </div>
  );
}

function CallView({ call, usedCompletion }: { call: CallRecord; usedCompletion?: number }) {
  // Retry reasons live only in the event log; scanned only for calls that retried.
  const reasonText = useAppStore((s) =>
    call.retries
      ? s.live.events
          .flatMap((e) =>
            e.type === 'call.retry' && e.callId === call.id
              ? [`attempt ${e.attempt}: ${e.reason}${e.status ? ` (${e.status})` : ''}, waited ${duration(e.delayMs)}`]
              : [],
          )
          .join('\n')
      : '',
  );
  const reasons = reasonText ? reasonText.split('\n') : [];
  return (
    <section className="detail-call" data-testid={`call-${call.id}`}>
      <h4>
        {call.purpose} call · {call.status}
        {call.cached ? ' · from cache' : ''}
      </h4>
      <div className="detail-grid">
        <Field label="started">{duration(call.startedAt)} after start</Field>
        <Field label="took">{call.ms !== null ? duration(call.ms) : call.status === 'running' ? '…' : '—'}</Field>
        <Field label="requests">{call.requests}</Field>
        <Field label="tokens">
          {call.promptTokens} in · {call.completionTokens} out
        </Field>
        <Field label="cost">{dollars(call.cost)}</Field>
        <Field label="retries">{call.retries}</Field>
      </div>
      {reasons.length ? (
        <ul className="detail-retries">
          {reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : null}
      {call.error ? (
        <p className="detail-error" data-testid="call-error">
          {call.error.kind}: {call.error.message}
        </p>
      ) : null}
      <details open>
        <summary>
          Prompt sent ({call.messages.length} message{call.messages.length === 1 ? '' : 's'})
        </summary>
        {call.messages.map((m, i) => (
          <pre key={i} className={`detail-msg role-${m.role}`} data-testid="prompt-sent">
            <b>{m.role}</b>
            {'\n'}
            {m.content}
          </pre>
        ))}
      </details>
      <details open>
        <summary>
          Completions ({call.texts.length}/{call.n})
        </summary>
        {call.texts.map((text, i) => (
          <pre key={i} className={`detail-completion${i === usedCompletion ? ' is-used' : ''}`} data-testid="completion">
            <b>
              #{i + 1}
              {i === usedCompletion ? ' (this thought)' : ''}
            </b>
            {'\n'}
            {text}
          </pre>
        ))}
      </details>
    </section>
  );
}

function Diff({ before, after }: { before: string; after: string }) {
  const parts = useMemo(() => diffWords(before, after), [before, after]);
  return (
    <pre className="detail-diff" data-testid="improve-diff">
      {parts.map((p, i) => (
        <span key={i} className={`diff-${p.kind}`}>
          {p.text}
        </span>
      ))}
    </pre>
  );
}

/** Validation calls that judged this thought or the one it improved, with their verdicts. */
function useVerdicts(t: Thought): CallRecord[] {
  const calls = useAppStore((s) => s.live.grs.calls);
  return useMemo(
    () =>
      Object.values(calls).filter(
        (c) => c.purpose === 'validate' && (c.inputIds.includes(t.id) || t.parents.some((p) => c.inputIds.includes(p))),
      ),
    [calls, t],
  );
}

const verdictOf = (t: Thought) => (t.validated ? (t.valid ? 'valid' : 'invalid') : 'not validated');

/** A ValidateAndImprove chain from the thought it was given to this one, each step with its verdict; and what judged them. */
function ValidationChain({ t, opId }: { t: Thought; opId: string }) {
  const thoughts = useAppStore((s) => s.live.grs.thoughts);
  const doc = useAppStore((s) => s.live.grs.document);
  const chain = useMemo(() => {
    const out: Thought[] = [t];
    let at: Thought | undefined = t;
    while (at && at.opId === opId && at.parents.length === 1) {
      at = thoughts[at.parents[0] as string];
      if (at) out.unshift(at);
    }
    return out;
  }, [t, opId, thoughts]);
  const validator = (doc?.operations.find((o) => o.id === opId)?.params as { validator?: { kind: string; name?: string } } | undefined)
    ?.validator;
  const judge = validator ? (validator.kind === 'llm' ? 'the model (validation prompt)' : (validator.name ?? validator.kind)) : 'the validator';
  return (
    <div className="detail-verdicts" data-testid="validation-chain">
      <div className="muted">Judged by {judge}:</div>
      <ol>
        {chain.map((c, i) => (
          <li key={c.id} className={c.validated ? (c.valid ? 'is-valid' : 'is-invalid') : ''}>
            {i === 0 ? 'given' : `improvement ${i}`} <code>{c.id}</code>: <b data-testid="verdict">{verdictOf(c)}</b>
          </li>
        ))}
      </ol>
    </div>
  );
}

function ThoughtDetail({ t }: { t: Thought }) {
  const call = useAppStore((s) => (t.origin ? s.live.grs.calls[t.origin.callId] : undefined));
  const doc = useAppStore((s) => s.live.grs.document);
  const parent = useAppStore((s) => (t.parents.length === 1 ? s.live.grs.thoughts[t.parents[0] as string] : undefined));
  const scoreCalls = useAppStore((s) => s.live.grs.calls);
  const opType = doc?.operations.find((o) => o.id === t.opId)?.type;
  const verdicts = useVerdicts(t);
  const judging = useMemo(
    () => Object.values(scoreCalls).filter((c) => c.purpose === 'score' && c.inputIds.includes(t.id)),
    [scoreCalls, t.id],
  );
  const improves = opType === 'improve' || opType === 'validateAndImprove';
  const api = useAppStoreApi();
  return (
    <div className="detail-body" data-testid="thought-detail">
      <h3>
        Thought {t.id} <small>{t.kind === 'input' ? 'input' : `made by ${opLabelOf(doc, t.opId)}`}</small>
      </h3>
      <div className="detail-grid">
        <Field label="volume">
          <span data-testid="detail-volume">{t.volume}</span>
        </Field>
        <Field label="latency">
          <span data-testid="detail-latency">{t.latency}</span>
        </Field>
        <Field label="score">{t.scored ? String(t.score) : '—'}</Field>
        <Field label="valid">{t.validated ? (t.valid ? 'yes' : 'no') : '—'}</Field>
        <Field label="solved">{t.compared ? (t.solved ? 'yes' : 'no') : '—'}</Field>
        <Field label="call time">{duration(t.ms)}</Field>
        <Field label="finished">{duration(t.finishedAt)} after start</Field>
        <Field label="critical ms">{duration(t.criticalMs)}</Field>
        <Field label="tokens">
          {tokens(t.promptTokens)} in · {tokens(t.completionTokens)} out
        </Field>
        <Field label="cost">{dollars(t.cost)}</Field>
      </div>
      <ThoughtForkControls key={t.id} t={t} />
      {t.pruned ? (
        <p className="detail-warn">
          Pruned by {opLabelOf(doc, t.pruned.opId)}: {t.pruned.reason}
        </p>
      ) : null}
      {t.parseError ? (
        <div className="detail-error" data-testid="parse-error">
          <b>Parse error:</b> {t.parseError.message}
          <pre>{t.parseError.raw}</pre>
        </div>
      ) : null}
      <div className="detail-parents">
        Parents:{' '}
        {t.parents.length
          ? t.parents.map((p) => (
              <button key={p} type="button" className="link" onClick={() => api.getState().selectInRun({ kind: 'thought', id: p })}>
                {p}
              </button>
            ))
          : 'none'}
      </div>
      {improves && parent ? (
        <details open>
          <summary>Before → after</summary>
          <Diff before={thoughtText(parent.state)} after={thoughtText(t.state)} />
        </details>
      ) : null}
      {opType === 'validateAndImprove' || verdicts.length ? (
        <details open>
          <summary>Validation verdicts</summary>
          {opType === 'validateAndImprove' && t.opId ? <ValidationChain t={t} opId={t.opId} /> : null}
          {verdicts.map((c) => (
            <CallView key={c.id} call={c} />
          ))}
        </details>
      ) : null}
      <details open={JSON.stringify(t.state).length < 800}>
        <summary>State</summary>
        <pre className="detail-state">{stateJson(t.state)}</pre>
      </details>
      {call ? <CallView call={call} usedCompletion={t.origin?.completion} /> : null}
      {judging.map((c) => (
        <CallView key={c.id} call={c} />
      ))}
    </div>
  );
}

function OperationDetail({ opId }: { opId: string }) {
  const o = useAppStore((s) => selectOpFigures(s.live.grs, opId));
  const doc = useAppStore((s) => s.live.grs.document);
  const calls = useAppStore((s) => s.live.grs.calls);
  const failed = useMemo(() => (o?.calls ?? []).map((id) => calls[id]).filter((c): c is CallRecord => c?.status === 'error'), [o, calls]);
  if (!o) return null;
  return (
    <div className="detail-body" data-testid="operation-detail">
      <h3>
        {opLabelOf(doc, opId)} <small>{o.status}</small>
      </h3>
      <div className="detail-grid">
        <Field label="thoughts in">{o.thoughtsIn}</Field>
        <Field label="thoughts out">{o.thoughtsOut}</Field>
        <Field label="best score">{o.bestScore ?? '—'}</Field>
        <Field label="calls">
          {o.calls.length}
          {o.failedCalls ? ` (${o.failedCalls} failed)` : ''}
        </Field>
        <Field label="tokens">
          {o.totals.promptTokens} in · {o.totals.completionTokens} out
        </Field>
        <Field label="cost">{dollars(o.totals.cost)}</Field>
        <Field label="time">{o.ms === null ? '—' : duration(o.ms)}</Field>
      </div>
      {o.error ? (
        <p className="detail-error" data-testid="operation-error">
          {o.error}
        </p>
      ) : null}
      <OperationForkControls opId={opId} />
      <ThoughtLinks label="Thoughts made" ids={o.made} testId="op-made" />
      {o.outputIds && o.outputIds.join() !== o.made.join() ? <ThoughtLinks label="Outputs" ids={o.outputIds} testId="op-output" /> : null}
      {failed.map((c) => (
        <CallView key={c.id} call={c} />
      ))}
    </div>
  );
}

/** Links to an operation's thoughts: selecting one opens it and brings its card into view. */
function ThoughtLinks({ label, ids, testId }: { label: string; ids: readonly ThoughtId[]; testId: string }) {
  const api = useAppStoreApi();
  const thoughts = useAppStore((s) => s.live.grs.thoughts);
  if (!ids.length) return null;
  return (
    <div className="detail-parents">
      {label}:{' '}
      {ids.map((id) => {
        const t = thoughts[id];
        const note = t?.validated ? (t.valid ? ' ✓' : ' ✗') : '';
        return (
          <button
            key={id}
            type="button"
            className="link"
            title={t?.pruned ? `pruned: ${t.pruned.reason}` : undefined}
            onClick={() => api.getState().selectInRun({ kind: 'thought', id })}
            data-testid={`${testId}-${id}`}
          >
            {id}
            {note}
          </button>
        );
      })}
    </div>
  );
}

/** What the selected thought (or operation) is made of: prompt, completions, parse result, retries, timing, tokens, cost. */
export const ThoughtDetailPanel = memo(function ThoughtDetailPanel() {
  const sel = useAppStore((s) => s.runUi.selection);
  const t = useAppStore((s) => (sel?.kind === 'thought' ? s.live.grs.thoughts[sel.id] : undefined));
  if (!sel) return <p className="detail-empty">Select a thought or an operation to see how it was made.</p>;
  if (sel.kind === 'operation') return <OperationDetail opId={sel.id} />;
  return t ? <ThoughtDetail t={t} /> : <p className="detail-empty">That thought is not in this run.</p>;
});
