import { useAppStore } from '../../store/StoreProvider';
import { dollars, duration } from '../../thoughts/thoughtText';
import { useElapsed } from './useElapsed';

const ENDED = { completed: 'Done', cancelled: 'Cancelled', failed: 'Failed', budget: 'Budget cap hit' } as const;
// Made once: toLocaleString builds a formatter per call, and this line changes with every run event.
const wholeNumber = new Intl.NumberFormat();

/** The run's state line and progress bar: the part of the run controls that changes with every event. */
export function RunStatus() {
  const phase = useAppStore((s) => s.runUi.phase);
  const stepping = useAppStore((s) => s.runUi.stepping);
  const batch = useAppStore((s) => s.runUi.batch);
  const startedWall = useAppStore((s) => s.runUi.startedWall);
  const endedWall = useAppStore((s) => s.runUi.endedWall);
  const totals = useAppStore((s) => s.live.grs.totals);
  const ended = useAppStore((s) => s.live.grs.summary?.status ?? null);
  // One wall time everywhere: once a run has its summary, the engine's figure (the summary panel and history show it too).
  const summaryWallMs = useAppStore((s) => s.live.grs.summary?.wallMs ?? null);
  const thoughts = useAppStore((s) => s.live.grs.thoughtOrder.length);
  const opsDone = useAppStore((s) => Object.values(s.live.grs.operations).filter((o) => o.status !== 'waiting' && o.status !== 'running').length);
  const opsTotal = useAppStore((s) => Object.keys(s.live.grs.operations).length);
  const busy = phase === 'running' || phase === 'paused';
  const ticking = useElapsed(startedWall, endedWall, busy);
  const elapsed = !busy && !batch && summaryWallMs !== null ? summaryWallMs : ticking;
  const tokens = Math.round(
    (batch ? batch.promptTokens + batch.completionTokens : 0) + (busy || !batch ? totals.promptTokens + totals.completionTokens : 0),
  );
  const cost = (batch ? batch.cost : 0) + (busy || !batch ? totals.cost : 0);
  const statusTitle = phase === 'idle' ? '' : `${thoughts} thoughts, ${wholeNumber.format(tokens)} tokens, ${dollars(cost)}, ${duration(elapsed)}`;
  return (
    <>
      <span className={`run-status phase-${phase}`} data-testid="run-status" aria-live="polite" title={statusTitle}>
        {phase === 'idle' ? '' : phase === 'finished' ? ENDED[ended ?? 'completed'] : phase === 'paused' ? 'Paused' : stepping ? 'Stepping' : 'Running'}
        {batch
          ? ` · row ${batch.current ?? batch.to} (${batch.done}/${batch.to - batch.from + 1}${batch.failed ? `, ${batch.failed} failed` : ''})`
          : busy && opsTotal
            ? ` · ${opsDone}/${opsTotal} ops`
            : ''}
        {startedWall !== null ? ` · ${duration(elapsed)}` : ''}
        {phase !== 'idle' ? ` · ${thoughts} thoughts · ${wholeNumber.format(tokens)} tok · ${dollars(cost)}` : ''}
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
    </>
  );
}
