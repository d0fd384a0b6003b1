import { createRunHistory, type RunHistory } from '../history/runHistory';

let history: RunHistory | null = null;

/** The browser's run history (IndexedDB). */
export function appRunHistory(): RunHistory {
  history ??= createRunHistory();
  return history;
}
