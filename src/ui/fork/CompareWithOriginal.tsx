import { useState } from 'react';
import { findRunEvents } from '../history/runHistory';
import { appRunHistory } from '../run/runHistoryStore';
import { useAppStore, useAppStoreApi } from '../store/StoreProvider';

/** "Compare with the original": shown for a finished fork; opens it beside the run it forked (looked up in History). */
export function CompareWithOriginal() {
  const api = useAppStoreApi();
  const fromRunId = useAppStore((s) => (s.live.grs.status !== 'running' && s.live.grs.summary ? s.live.grs.settings?.fork?.fromRunId : undefined));
  const [problem, setProblem] = useState<string | null>(null);
  if (!fromRunId) return null;
  const open = async () => {
    const fork = api.getState().live.events;
    const original = await findRunEvents(appRunHistory(), fromRunId);
    if (!original) return setProblem(`The original run (${fromRunId}) is no longer in History.`);
    setProblem(null);
    api.getState().openDialog({ kind: 'forkCompare', a: original, b: [...fork] });
  };
  return (
    <>
      <button type="button" className="btn" onClick={() => void open()} data-testid="fork-compare-open">
        Compare with the original
      </button>
      {problem ? (
        <p className="detail-error" data-testid="fork-compare-problem">
          {problem}
        </p>
      ) : null}
    </>
  );
}
