import { ModelError, type TokenUsage } from '../models/types';
import type { Budget, BudgetCap } from './events';

/** What a call is expected to use before it is made: its prompt, and each completion at most. */
export interface CallEstimate {
  promptTokens: number;
  completionTokensEach: number;
}

/** A request not sent because it would pass a cap. */
export class BudgetRefusal extends ModelError {
  constructor(
    readonly cap: BudgetCap,
    message: string,
  ) {
    super('budget', message);
  }
}

/** One call's share of the budget. */
export interface CallBudget {
  /** Before the call's first request: waits for room under the token and dollar caps, or throws a BudgetRefusal. */
  readonly admit: () => Promise<void>;
  /** Counts a request about to be sent (retries and per-completion fallbacks too), or throws a BudgetRefusal. */
  readonly beforeRequest: (n: number) => void;
  /** Requests counted for this call so far. */
  readonly requests: number;
  /** The call ended: its reservation is released, and a finished call's usage and cost are counted. */
  settle(spent: { usage: TokenUsage; cost: number; completions: number; requests: number } | null): void;
}

const money = (x: number) => `$${x.toFixed(4)}`;

/**
 * The run's spend against its caps. Requests are counted as they are sent; a call's estimated
 * tokens and dollars are reserved before its first request and checked against what is spent and
 * reserved by calls in flight, so a run passes a cap by at most what estimates missed.
 */
export class BudgetLedger {
  requests = 0;
  tokens = 0;
  cost = 0;
  private reservedTokens = 0;
  private reservedCost = 0;
  private closed = false;
  /** Calls admitted with an estimate and not yet settled. */
  private inFlight = 0;
  /** Calls waiting for one admitted to settle. */
  private waiters: Array<() => void> = [];
  /** The longest completion seen so far, the guess for calls without a max tokens. */
  private longestCompletion = 0;

  constructor(
    private readonly budget: Budget,
    private readonly price: (usage: TokenUsage) => number = () => 0,
  ) {}

  /** Whether calls need a token estimate (a token or dollar cap is set). */
  get needsEstimate(): boolean {
    return this.budget.tokens !== undefined || this.budget.cost !== undefined;
  }

  /** Expected completion tokens each: the call's max tokens, else the longest seen, else as long as the prompt. */
  completionGuess(maxTokens: number | undefined, promptTokens: number): number {
    return maxTokens ?? (this.longestCompletion || promptTokens);
  }

  /** Refuses every request from now on (the run stopped), and lets calls waiting for room go. */
  close(): void {
    this.closed = true;
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** A cap already reached, checked before a call waits for anything. */
  reached(): BudgetRefusal | null {
    const b = this.budget;
    if (b.requests !== undefined && this.requests >= b.requests) return new BudgetRefusal('requests', `the request cap of ${b.requests} was reached`);
    if (b.tokens !== undefined && this.tokens >= b.tokens) return new BudgetRefusal('tokens', `the token cap of ${b.tokens} was reached (${this.tokens} used)`);
    if (b.cost !== undefined && this.cost >= b.cost) return new BudgetRefusal('cost', `the cost cap of $${b.cost} was reached (${money(this.cost)} spent)`);
    return null;
  }

  /** A cap passed by what was spent (estimates can fall short), checked after each call. */
  exceeded(): BudgetRefusal | null {
    const b = this.budget;
    if (b.requests !== undefined && this.requests > b.requests) return new BudgetRefusal('requests', `the request cap of ${b.requests} was exceeded (${this.requests} made)`);
    if (b.tokens !== undefined && this.tokens > b.tokens) return new BudgetRefusal('tokens', `the token cap of ${b.tokens} was exceeded (${this.tokens} used)`);
    if (b.cost !== undefined && this.cost > b.cost) return new BudgetRefusal('cost', `the cost cap of $${b.cost} was exceeded (${money(this.cost)} spent)`);
    return null;
  }

  /** The cap a call of this estimate would pass, counting what calls in flight have reserved. */
  private wouldPass(estimate: { tokens: number; cost: number }): BudgetRefusal | null {
    const b = this.budget;
    if (b.tokens !== undefined && this.tokens + this.reservedTokens + estimate.tokens > b.tokens) {
      return new BudgetRefusal('tokens', `the token cap of ${b.tokens} would be passed by the next call (${this.tokens} used, about ${estimate.tokens} more)`);
    }
    if (b.cost !== undefined && this.cost + this.reservedCost + estimate.cost > b.cost) {
      return new BudgetRefusal('cost', `the cost cap of $${b.cost} would be passed by the next call (${money(this.cost)} spent, about ${money(estimate.cost)} more)`);
    }
    return null;
  }

  /**
   * A call's share of the budget. `estimate` (of all n completions) is reserved when the call is
   * admitted, before its first request: a call that would pass a cap waits for the calls in flight
   * to settle (they often use less than reserved), and is refused when none is left and it still would.
   */
  open(estimate: (() => Promise<{ tokens: number; cost: number }>) | null): CallBudget {
    let requests = 0;
    let reserved: { tokens: number; cost: number } | null = null;
    const admit = async () => {
      if (!estimate || reserved) return;
      const wanted = await estimate();
      for (let pass = this.wouldPass(wanted); pass; pass = this.wouldPass(wanted)) {
        if (this.closed || this.inFlight === 0) throw pass;
        await new Promise<void>((resolve) => this.waiters.push(resolve));
      }
      reserved = wanted;
      this.reservedTokens += wanted.tokens;
      this.reservedCost += wanted.cost;
      this.inFlight += 1;
    };
    const release = () => {
      if (!reserved) return;
      this.inFlight -= 1;
      this.reservedTokens -= reserved.tokens;
      this.reservedCost -= reserved.cost;
      reserved = null;
      for (const wake of this.waiters.splice(0)) wake();
    };
    const beforeRequest = () => {
      if (this.closed) throw new BudgetRefusal('requests', 'the run has stopped');
      const b = this.budget;
      if (b.requests !== undefined && this.requests >= b.requests) {
        throw new BudgetRefusal('requests', `the request cap of ${b.requests} was reached (${this.requests} sent)`);
      }
      requests += 1;
      this.requests += 1;
    };
    return {
      admit,
      beforeRequest,
      get requests() {
        return requests;
      },
      settle: (spent) => {
        if (spent) {
          // A model that does not announce its requests reports them afterwards.
          if (requests === 0) {
            requests = spent.requests;
            this.requests += spent.requests;
          }
          this.tokens += spent.usage.promptTokens + spent.usage.completionTokens;
          this.cost += spent.cost;
          if (spent.completions > 0) this.longestCompletion = Math.max(this.longestCompletion, Math.ceil(spent.usage.completionTokens / spent.completions));
        }
        release();
      },
    };
  }

  /** The estimate to reserve for a call of n completions. */
  estimateOf(e: CallEstimate, n: number): { tokens: number; cost: number } {
    const usage = { promptTokens: e.promptTokens, completionTokens: e.completionTokensEach * n };
    return { tokens: usage.promptTokens + usage.completionTokens, cost: this.price(usage) };
  }
}
