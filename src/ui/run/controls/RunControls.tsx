import { useState, type ReactNode } from 'react';
import { useAppStore, useAppStoreApi } from '../../store/StoreProvider';
import { useRunController } from '../useRunController';
import { PauseIcon, PlayIcon, StepIcon, StopIcon } from './icons';
import { operationName } from './operationName';
import { RunStatus } from './RunStatus';

/** Run, Step, Pause/Resume and Cancel; the current input or a batch of dataset rows; progress, time, tokens and dollars (in RunStatus, which alone follows the run's events). */
export function RunControls() {
  const controller = useRunController();
  const api = useAppStoreApi();
  const phase = useAppStore((s) => s.runUi.phase);
  const stepping = useAppStore((s) => s.runUi.stepping);
  const heldOp = useAppStore((s) => s.runUi.heldOp);
  const heldName = useAppStore((s) => operationName(s.live.grs.document ?? s.doc, s.runUi.heldOp));
  const dataset = useAppStore((s) => s.doc.dataset);
  const [mode, setMode] = useState<'input' | 'batch'>('input');
  const [range, setRange] = useState({ from: 0, to: 4 });
  const busy = phase === 'running' || phase === 'paused';

  const start = () => {
    // The run opens beside the graph; the controller switches the view with the run's first render, after its first requests are out.
    const view = api.getState().runUi.view === 'operations' ? 'split' : api.getState().runUi.view;
    if (mode === 'batch' && dataset) void controller.runBatch(Math.min(range.from, range.to), Math.max(range.from, range.to), view);
    else void controller.run({ view });
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
        disabled={busy && !stepping}
        data-testid="run-step"
        aria-label="Step"
        title={heldOp ? `Step: start “${heldName}”` : 'Step: run one operation at a time'}
      >
        <StepIcon />
        {heldOp ? (
          <span className="held-op" data-testid="held-op">
            {heldName}
          </span>
        ) : null}
      </button>
      {phase === 'paused' || stepping ? (
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
      <RunStatus />
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
