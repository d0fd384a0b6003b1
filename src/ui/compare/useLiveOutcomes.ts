import { useCallback, useEffect, useRef, useState } from 'react';
import type { CompareOutcome } from './compareRunner';

/** How often the tables and plots take in new outcomes: a few times a second, not once per run. */
export const LIVE_FLUSH_MS = 300;

/** Outcomes as they arrive, handed to React at most every LIVE_FLUSH_MS (the last ones at once on `flush`). */
export function useLiveOutcomes(): { outcomes: CompareOutcome[]; add: (o: CompareOutcome) => void; flush: () => void; reset: () => void } {
  const [outcomes, setOutcomes] = useState<CompareOutcome[]>([]);
  const pending = useRef<CompareOutcome[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const batch = pending.current;
    pending.current = [];
    if (batch.length) setOutcomes((o) => [...o, ...batch]);
  }, []);
  const add = useCallback(
    (o: CompareOutcome) => {
      pending.current.push(o);
      timer.current ??= setTimeout(flush, LIVE_FLUSH_MS);
    },
    [flush],
  );
  const reset = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    pending.current = [];
    setOutcomes([]);
  }, []);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  return { outcomes, add, flush, reset };
}
