import { memo } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import { useAppStore } from '../../store/StoreProvider';
import { opLabelOf } from '../opLabels';
import { useCompactCards } from './ThoughtCard';

export type PendingNode = Node<Record<string, never>, 'pending'>;

/** A call still generating (its completions' text as it streams), or one that failed (its error), where its thoughts would appear. */
export const PendingCallCard = memo(function PendingCallCard({ id }: NodeProps<PendingNode>) {
  const callId = id.slice('call:'.length);
  const call = useAppStore((s) => s.live.grs.calls[callId]);
  const opLabel = useAppStore((s) => opLabelOf(s.live.grs.document, call?.opId ?? null));
  // Where a thought's card is compact, so is a call's: its 11 px text would read under 10.5 px on screen.
  const small = useCompactCards();
  if (!call) return null;
  const shown = call.texts.length ? (call.texts[call.texts.length - 1] ?? '') : '';
  if (small) {
    // The large figures only: what the call is doing (or that it failed, and why in a word); the rest on hover.
    const error = call.error;
    return (
      <div
        className={`thought-card is-compact ${error ? 'is-failed' : 'is-pending'}`}
        data-testid={`${error ? 'failed-call' : 'pending'}-${callId}`}
        title={error ? `${opLabel}: ${error.message}` : opLabel}
      >
        <div className="compact-score">{error ? 'failed' : call.n > 1 ? `${call.texts.length}/${call.n}` : '…'}</div>
        <div className="compact-metrics">
          <span>{error ? error.kind : call.purpose}</span>
          {call.retries ? <span className="thought-flag bad">retry {call.retries}</span> : null}
        </div>
      </div>
    );
  }
  if (call.error) {
    return (
      <div className="thought-card is-failed" data-testid={`failed-call-${callId}`}>
        <div className="thought-head">
          <span className="thought-title">{opLabel}</span>
          <span className="thought-flag bad">{call.purpose} failed</span>
        </div>
        <div className="thought-text thought-error">{call.error.message}</div>
        <div className="thought-metrics">
          <span>{call.error.kind}</span>
          {call.retries ? <span>{call.retries} retries</span> : null}
        </div>
      </div>
    );
  }
  return (
    <div className="thought-card is-pending" data-testid={`pending-${callId}`}>
      <div className="thought-head">
        <span className="thought-title">{opLabel}</span>
        <span className="thought-flag">
          {call.purpose}
          {call.n > 1 ? ` · ${call.texts.length}/${call.n}` : ''}
        </span>
        {call.retries ? <span className="thought-flag bad">retry {call.retries}</span> : null}
      </div>
      <div className="thought-text streaming">{shown ? shown.slice(-400) : 'waiting for the model…'}</div>
    </div>
  );
});
