import type { Budget, BudgetCap, RunEvent, RunSummary } from './events';

/** The batch budget rule, in the words every surface (app, CLI, Compare) shows it. */
export const BATCH_BUDGET_RULE = 'A budget caps the whole batch: its samples share it, and the batch stops when it runs out.';

/** What a batch spent against its budget (answers from the cache cost no tokens and no dollars). */
export interface BudgetUsage {
  requests: number;
  tokens: number;
  cost: number;
}

/** A cap's name as people type it (`--budget dollars=2`, the settings' fields). */
export const BUDGET_CAP_WORDS: Record<BudgetCap, string> = { requests: 'requests', tokens: 'tokens', cost: 'dollars' };

/** Why a batch stopped for its budget, as one sentence: "Budget hit: the requests cap of 3 was reached at sample #3. A budget caps…". */
export function budgetStopMessage(cap: BudgetCap, budget: Budget, label: string): string {
  const limit = budget[cap];
  return `Budget hit: the ${BUDGET_CAP_WORDS[cap]} cap${limit === undefined ? '' : ` of ${limit}`} was reached at sample ${label}. ${BATCH_BUDGET_RULE}`;
}

/**
 * One budget shared by every run of a batch (or of several batches, as Compare's schemes are):
 * each run gets what the previous ones left. Cached answers spend no tokens and no dollars, as in
 * a single run.
 */
export class SharedBudget {
  readonly used: BudgetUsage = { requests: 0, tokens: 0, cost: 0 };

  constructor(readonly budget: Budget) {}

  /** What is left of each cap (caps the budget does not set stay unset). */
  remaining(): Budget {
    const b = this.budget;
    const left: Budget = {};
    if (b.requests !== undefined) left.requests = Math.max(0, b.requests - this.used.requests);
    if (b.tokens !== undefined) left.tokens = Math.max(0, b.tokens - this.used.tokens);
    if (b.cost !== undefined) left.cost = Math.max(0, b.cost - this.used.cost);
    return left;
  }

  /** A cap with nothing left, if any: the next run must not start. */
  exhausted(): BudgetCap | null {
    const left = this.remaining();
    return (Object.keys(left) as BudgetCap[]).find((k) => left[k] === 0) ?? null;
  }

  /** Counts what a finished run spent. */
  charge(summary: RunSummary, events: readonly RunEvent[]): void {
    this.used.requests += summary.requests;
    this.used.cost += summary.cost;
    for (const e of events) if (e.type === 'call.done' && !e.cached) this.used.tokens += e.promptTokens + e.completionTokens;
  }
}
