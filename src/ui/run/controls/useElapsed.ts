import { useEffect, useState } from 'react';

/** Milliseconds since `start`, ticking while `running` (frozen at `end` once it ended). */
export function useElapsed(start: number | null, end: number | null, running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(id);
  }, [running]);
  if (start === null) return 0;
  return Math.max(0, (end ?? (running ? now : start)) - start);
}
