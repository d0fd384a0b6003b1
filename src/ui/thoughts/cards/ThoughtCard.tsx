import { memo } from 'react';
import { useStore as useFlowStore, type Node, type NodeProps } from '@xyflow/react';
import type { Thought, ThoughtId } from '../../../engine/index';
import { useAppStore } from '../../store/StoreProvider';
import { PRESENT_TYPE_SCALE } from '../../present/presentType';
import { opLabelOf } from '../opLabels';
import { compact, dollars, duration, thoughtText } from '../thoughtText';
import type { GrsNodeData } from '../useGrsElements';

/** Below this zoom lanes and pruned stacks drop their small words (the canvas's `is-far`), and lanes' titles give way to the header band. */
export const COMPACT_ZOOM = 0.6;
/**
 * Below this zoom a card shows its compact form: large figures only, sized to stay ≥ 10 px on screen. The full form's
 * smallest type (11 px: its text, why it was pruned, call time, tokens and cost) is ≥ 10.5 px on screen from here up;
 * below, it would show those figures at 6–10 px, where nobody reads them.
 */
export const FULL_CARD_ZOOM = 10.5 / 11;
const isCompact = (s: { transform: [number, number, number] }) => s.transform[2] < FULL_CARD_ZOOM;
// Presenting shows the compact form's large figures until the full form's 12 px text reaches 1.5× on screen.
const isPresentCompact = (s: { transform: [number, number, number] }) => s.transform[2] < PRESENT_TYPE_SCALE;

/** Whether the canvas's cards (thoughts' and calls') show their compact form at its zoom, presenting or not. */
export function useCompactCards(): boolean {
  const presenting = useAppStore((s) => s.presenting);
  return useFlowStore(presenting ? isPresentCompact : isCompact);
}

export type ThoughtNode = Node<GrsNodeData, 'thought'>;

/** What a pruned card says: the operation that dropped it (by its label) and why. */
export const prunedText = (t: Thought, label: string) => (t.pruned ? `pruned by ${label}: ${t.pruned.reason}` : '');

function Flags({ t, final }: { t: Thought; final: boolean }) {
  return (
    <>
      {t.validated ? <span className={`thought-flag ${t.valid ? 'ok' : 'bad'}`}>{t.valid ? 'valid' : 'invalid'}</span> : null}
      {t.compared ? <span className={`thought-flag ${t.solved ? 'ok' : 'bad'}`}>{t.solved ? 'solved' : 'unsolved'}</span> : null}
      {final ? (
        <span className="thought-flag final" title="A final thought of the run (the last operation's output)" data-testid="thought-final">
          final
        </span>
      ) : null}
    </>
  );
}

/** One GRS vertex: its answer, score, validity, volume, latency, timing, tokens and cost; pruned cards say by which operation and why. */
export const ThoughtCard = memo(function ThoughtCard({ id, data }: NodeProps<ThoughtNode>) {
  const t = useAppStore((s) => s.live.grs.thoughts[id]);
  const mark = useAppStore((s) => s.highlight.thoughts[id]);
  const dimmed = useAppStore((s) => s.highlight.active && !s.highlight.thoughts[id]);
  const opLabel = useAppStore((s) => (t?.kind === 'input' ? 'Input' : opLabelOf(s.live.grs.document, t?.opId ?? null)));
  const prunedBy = useAppStore((s) => (t?.pruned ? opLabelOf(s.live.grs.document, t.pruned.opId) : ''));
  const small = useCompactCards();
  const final = useAppStore((s) => s.live.grs.summary?.finalThoughtIds.includes(id as ThoughtId) ?? false);
  if (!t) return null;
  const classes = [
    'thought-card',
    `kind-${t.kind}`,
    mark ? `mark-${mark}` : '',
    dimmed ? 'is-faded' : '',
    t.pruned ? 'is-pruned' : '',
    t.parseError ? 'has-error' : '',
    final ? 'is-final' : '',
    data.onFinalPath ? 'on-final-path' : '',
    small ? 'is-compact' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const pruned = prunedText(t, prunedBy);
  const score = t.scored && t.score !== null ? compact(t.score) : null;
  if (small) {
    // Zoomed out: the figures alone, in type that grows as the zoom shrinks (a map's labels), so they stay readable.
    return (
      <div
        className={classes}
        data-testid={`thought-${id}`}
        title={pruned ? `${pruned} (${opLabel})` : opLabel}
        style={data.color ? { borderLeftColor: data.color } : undefined}
      >
        <div className="compact-score" data-testid="thought-score">
          {score ?? (t.kind === 'input' ? 'input' : '—')}
          {final ? (
            <span className="compact-final" data-testid="thought-final">
              final
            </span>
          ) : null}
        </div>
        <div className="compact-metrics">
          <span data-testid="thought-volume">V {t.volume}</span>
          <span data-testid="thought-latency">L {t.latency}</span>
        </div>
      </div>
    );
  }
  return (
    <div className={classes} data-testid={`thought-${id}`} title={pruned || undefined} style={data.color ? { borderLeftColor: data.color } : undefined}>
      <div className="thought-title">{opLabel}</div>
      <div className="thought-text">{t.parseError ? `Parse error: ${t.parseError.message}` : thoughtText(t.state)}</div>
      {pruned ? (
        <div className="thought-pruned" data-testid="thought-pruned">
          {pruned}
        </div>
      ) : null}
      <div className="thought-head">
        {score !== null ? (
          <span className="thought-score" data-testid="thought-score">
            score {score}
          </span>
        ) : null}
        <span title="Volume: LLM thoughts with a path to this one" data-testid="thought-volume">
          V {t.volume}
        </span>
        <span title="Latency: LLM hops on the longest path from the input" data-testid="thought-latency">
          L {t.latency}
        </span>
        <Flags t={t} final={final} />
      </div>
      {t.kind === 'llm' ? (
        <div className="thought-metrics">
          <span title="Call time">{duration(t.ms)}</span>
          <span title="Tokens (prompt + completion, this thought's share)">{compact(Math.round(t.promptTokens + t.completionTokens))} tok</span>
          <span title="Cost (this thought's share)">{dollars(t.cost)}</span>
        </div>
      ) : null}
    </div>
  );
});
