import { useState, type ReactNode } from 'react';
import { useAppStore, useAppStoreApi } from '../../store/StoreProvider';
import { dollars, duration } from '../../thoughts/thoughtText';
import { useRunController } from '../useRunController';
import { PauseIcon, PlayIcon, StepIcon, StopIcon } from './icons';
import { operationName } from './operationName';
import { useElapsed } from './useElapsed';

const ENDED = { completed: 'Done', cancelled: 'Cancelled', failed: 'Failed', budget: 'Budget cap hit' } as const;

/** Run, Step, Pause/Resume and Cancel; the current input or a batch of dataset rows; progress, time, tokens and dollars. */
export function RunControls() {
  const controller = useRunController();
  const api = useAppStoreApi();
  const ui = useAppStore((s) => s.runUi);
  const totals = useAppStore((s) => s.live.grs.totals);
  const ended = useAppStore((s) => s.live.grs.summary?.status ?? null);
  // One wall time everywhere: once a run has its summary, the engine's figure (the summary panel and history show it too).
  const summaryWallMs = useAppStore((s) => s.live.grs.summary?.wallMs ?? null);
  const heldName = useAppStore((s) => operationName(s.live.grs.document ?? s.doc, s.runUi.heldOp));
  const thoughts = useAppStore((s) => s.live.grs.thoughtOrder.length);
  const opsDone = useAppStore((s) => Object.values(s.live.grs.operations).filter((o) => o.status !== 'waiting' && o.status !== 'running').length);
  const opsTotal = useAppStore((s) => Object.keys(s.live.grs.operations).length);
  const dataset = useAppStore((s) => s.doc.dataset);
  const [mode, setMode] = useState<'input' | 'batch'>('input');
  const [range, setRange] = useState({ from: 0, to: 4 });
  const busy = ui.phase === 'running' || ui.phase === 'paused';
  const batch = ui.batch;
  const ticking = useElapsed(ui.startedWall, ui.endedWall, busy);
  const elapsed = !busy && !batch && summaryWallMs !== null ? summaryWallMs : ticking;
  const tokens = Math.round(
    (batch ? batch.promptTokens + batch.completionTokens : 0) + (busy || !batch ? totals.promptTokens + totals.completionTokens : 0),
  );
  const cost = (batch ? batch.cost : 0) + (busy || !batch ? totals.cost : 0);

  const statusTitle =
    ui.phase === 'idle' ? '' : `${thoughts} thoughts, ${tokens.toLocaleString()} tokens, ${dollars(cost)}, ${duration(elapsed)}`;
  const start = () => {
    api.getState().patchRunUi({ view: api.getState().runUi.view === 'operations' ? 'split' : api.getState().runUi.view });
    if (mode === 'batch' && dataset) void controller.runBatch(Math.min(range.from, range.to), Math.max(range.from, range.to));
    else void controller.run();
  };

  return (
    <div className="run-controls" data-testid="run-controls">
      {dataset ? (
        <select
          aria-label="Run on"
          title="Run on the current input, or on a range of dataset rows (a batch)"
          value={mode}
          onChange={(e) => setMode(e.target.value as 'input' | 'batch')}
          disabled={busy}
          data-testid="run-mode"
        >
          <option value="input">Input</option>
          <option value="batch">Rows</option>
        </select>
      ) : null}
      {mode === 'batch' && dataset ? (
        <span className="run-range">
          <input
            type="number"
            min={0}
            aria-label="First row"
            value={range.from}
            onChange={(e) => setRange({ ...range, from: Number(e.target.value) })}
            disabled={busy}
            data-testid="batch-from"
          />
          –
          <input
            type="number"
            min={0}
            aria-label="Last row"
            value={range.to}
            onChange={(e) => setRange({ ...range, to: Number(e.target.value) })}
            disabled={busy}
            data-testid="batch-to"
          />
        </span>
      ) : null}
      <button type="button" className="btn primary" onClick={start} onPointerEnter={controller.preload} onFocus={controller.preload} disabled={busy} data-testid="run-start" title="Run the graph">
        <PlayIcon /> Run
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => {
          if (!busy) api.getState().patchRunUi({ view: api.getState().runUi.view === 'operations' ? 'split' : api.getState().runUi.view });
          controller.step();
        }}
        disabled={busy && !ui.stepping}
        data-testid="run-step"
        aria-label="Step"
        title={ui.heldOp ? `Step: start “${heldName}”` : 'Step: run one operation at a time'}
      >
        <StepIcon />
        {ui.heldOp ? (
          <span className="held-op" data-testid="held-op">
            {heldName}
          </span>
        ) : null}
      </button>
      {ui.phase === 'paused' || ui.stepping ? (
        <IconButton
          testId="run-resume"
          label="Resume"
          title="Resume: continue without stopping"
          disabled={!busy}
          onClick={() => controller.resume()}
        >
          <PlayIcon />
        </IconButton>
      ) : (
        <IconButton
          testId="run-pause"
          label="Pause"
          title="Pause: hold new model calls"
          disabled={!busy}
          onClick={() => controller.pause()}
        >
          <PauseIcon />
        </IconButton>
      )}
      <IconButton
        testId="run-cancel"
        label="Cancel"
        title="Cancel: stop now, keep what was made"
        danger
        disabled={!busy}
        onClick={() => controller.cancel()}
      >
        <StopIcon />
      </IconButton>
      <span className={`run-status phase-${ui.phase}`} data-testid="run-status" aria-live="polite" title={statusTitle}>
        {ui.phase === 'idle'
          ? ''
          : ui.phase === 'finished'
            ? ENDED[ended ?? 'completed']
            : ui.phase === 'paused'
              ? 'Paused'
              : ui.stepping
                ? 'Stepping'
                : 'Running'}
        {batch
          ? ` · row ${batch.current ?? batch.to} (${batch.done}/${batch.to - batch.from + 1}${batch.failed ? `, ${batch.failed} failed` : ''})`
          : busy && opsTotal
            ? ` · ${opsDone}/${opsTotal} ops`
            : ''}
        {ui.startedWall !== null ? ` · ${duration(elapsed)}` : ''}
        {ui.phase !== 'idle' ? ` · ${thoughts} thoughts · ${tokens.toLocaleString()} tok · ${dollars(cost)}` : ''}
      </span>
      {busy ? (
        <progress
          className="run-progress"
          max={batch ? batch.to - batch.from + 1 : Math.max(1, opsTotal)}
          value={batch ? batch.done : opsDone}
          data-testid="run-progress"
          aria-label="Progress"
        />
      ) : null}
    </div>
  );
}

/** An icon-only run control: `label` is its accessible name, `title` says what it does. */
function IconButton(props: {
  testId: string;
  label: string;
  title: string;
  danger?: boolean;
  disabled: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={props.danger ? 'btn danger' : 'btn'}
      onClick={props.onClick}
      disabled={props.disabled}
      data-testid={props.testId}
      aria-label={props.label}
      title={props.title}
    >
      {props.children}
    </button>
  );
}
