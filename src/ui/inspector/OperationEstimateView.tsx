import { estimateOf } from '../estimate/estimateOf';
import { formatRange } from '../estimate/estimateRun';
import { useAppStore } from '../store/StoreProvider';

const counted = (r: { min: number; max: number }, noun: string): string => `${formatRange(r)} ${noun}${r.min === 1 && r.max === 1 ? '' : 's'}`;

/** Expected thoughts, requests and tokens of one operation before a run. */
export function OperationEstimateView({ opId }: { opId: string }) {
  const text = useAppStore((s) => {
    const e = estimateOf(s.doc, s.modelPricing).ops[opId];
    if (!e) return '';
    const calls = e.requests.max ? ` · ${counted(e.requests, 'request')}, ${counted(e.completions, 'completion')}, ~${formatRange({ min: e.promptTokens.min + e.completionTokens.min, max: e.promptTokens.max + e.completionTokens.max })} tokens` : ' · no model calls';
    return `${e.thoughtsIn} thought${e.thoughtsIn === 1 ? '' : 's'} in → ${e.thoughtsOut} out${calls}`;
  });
  return text ? (
    <p className="estimate-line" data-testid="op-estimate">
      Expected: {text}
    </p>
  ) : null;
}
