import { memo } from 'react';
import { Handle, Position, useStore as useFlowStore, type Node, type NodeProps } from '@xyflow/react';
import type { ThoughtId } from '../../../engine/index';
import { useAppStore } from '../../store/StoreProvider';
import { opLabelOf } from '../opLabels';
import { compact, dollars, duration, thoughtText } from '../thoughtText';

/** Below these zooms text is unreadable anyway: cards switch to a compact form, then to a coloured block. */
export const FAR_ZOOM = 0.45;
export const TINY_ZOOM = 0.15;
/** Blocks only pay off for large GRSs; a small one keeps its figures at any zoom. */
export const TINY_MIN_THOUGHTS = 800;
const detailLevel = (s: { transform: [number, number, number] }) =>
  s.transform[2] < TINY_ZOOM ? 'tiny' : s.transform[2] < FAR_ZOOM ? 'far' : 'full';

export type ThoughtNodeData = { color: string | null };
export type ThoughtNode = Node<ThoughtNodeData, 'thought'>;

/** One GRS vertex: its answer, score, validity, volume, latency, timing, tokens and cost; dimmed with the reason when pruned. */
export const ThoughtCard = memo(function ThoughtCard({ id, data }: NodeProps<ThoughtNode>) {
  const t = useAppStore((s) => s.live.grs.thoughts[id]);
  const mark = useAppStore((s) => s.highlight.thoughts[id]);
  const dimmed = useAppStore((s) => s.highlight.active && !s.highlight.thoughts[id]);
  const opLabel = useAppStore((s) => (t?.kind === 'input' ? 'input' : opLabelOf(s.live.grs.document, t?.opId ?? null)));
  const zoomLevel = useFlowStore(detailLevel);
  const many = useAppStore((s) => s.live.grs.thoughtOrder.length > TINY_MIN_THOUGHTS);
  const final = useAppStore((s) => s.live.grs.summary?.finalThoughtIds.includes(id as ThoughtId) ?? false);
  const level = zoomLevel === 'tiny' && !many ? 'far' : zoomLevel;
  if (!t) return null;
  const classes = [
    'thought-card',
    `kind-${t.kind}`,
    mark ? `mark-${mark}` : '',
    dimmed ? 'is-faded' : '',
    t.pruned ? 'is-pruned' : '',
    t.parseError ? 'has-error' : '',
    final ? 'is-final' : '',
  ]
    .filter(Boolean)
    .join(' ');
  if (level === 'tiny') {
    // The whole GRS on screen: a coloured block per thought, its figures in the tooltip.
    const tip = `${t.id}: volume ${t.volume}, latency ${t.latency}${t.scored ? `, score ${t.score}` : ''}${t.pruned ? `, pruned: ${t.pruned.reason}` : ''}`;
    return (
      <div
        className={`${classes} is-tiny`}
        data-testid={`thought-${id}`}
        title={tip}
        style={data.color ? { background: data.color, borderColor: data.color } : undefined}
      >
        <Handle type="target" position={Position.Left} className="thought-handle" isConnectable={false} />
        <Handle type="source" position={Position.Right} className="thought-handle" isConnectable={false} />
      </div>
    );
  }
  if (level === 'far') {
    // Zoomed out, a card shows only its colour and metrics: a few elements instead of dozens keeps large GRSs smooth.
    return (
      <div
        className={`${classes} is-far`}
        data-testid={`thought-${id}`}
        title={t.pruned ? `pruned by ${t.pruned.opId}: ${t.pruned.reason}` : undefined}
        style={
          data.color ? { borderLeftColor: data.color, background: `color-mix(in srgb, ${data.color} 28%, var(--panel, #fff))` } : undefined
        }
      >
        <Handle type="target" position={Position.Left} className="thought-handle" isConnectable={false} />
        <div className="far-score">{t.scored && t.score !== null ? compact(t.score) : t.kind === 'input' ? 'input' : ''}</div>
        <div className="far-metrics">
          <span data-testid="thought-volume">V {t.volume}</span> <span data-testid="thought-latency">L {t.latency}</span>
        </div>
        <Handle type="source" position={Position.Right} className="thought-handle" isConnectable={false} />
      </div>
    );
  }
  return (
    <div
      className={classes}
      data-testid={`thought-${id}`}
      title={t.pruned ? `pruned by ${t.pruned.opId}: ${t.pruned.reason}` : undefined}
      style={data.color ? { borderLeftColor: data.color } : undefined}
    >
      <Handle type="target" position={Position.Left} className="thought-handle" isConnectable={false} />
      <div className="thought-head">
        <span className="thought-op" title={`Made by ${opLabel}`}>
          {opLabel}
        </span>
        {t.scored && t.score !== null ? (
          <span className="thought-score" data-testid="thought-score">
            score {compact(t.score)}
          </span>
        ) : null}
        {t.validated ? <span className={`thought-flag ${t.valid ? 'ok' : 'bad'}`}>{t.valid ? 'valid' : 'invalid'}</span> : null}
        {t.compared ? <span className={`thought-flag ${t.solved ? 'ok' : 'bad'}`}>{t.solved ? 'solved' : 'unsolved'}</span> : null}
        {final ? (
          <span className="thought-flag final" title="A final thought of the run (the last operation's output)" data-testid="thought-final">
            final
          </span>
        ) : null}
      </div>
      <div className="thought-text">{t.parseError ? `Parse error: ${t.parseError.message}` : thoughtText(t.state)}</div>
      {t.pruned ? (
        <div className="thought-pruned" data-testid="thought-pruned">
          pruned by {t.pruned.opId}: {t.pruned.reason}
        </div>
      ) : null}
      <div className="thought-metrics">
        <span title="Volume: LLM thoughts with a path to this one" data-testid="thought-volume">
          V {t.volume}
        </span>
        <span title="Latency: LLM hops on the longest path from the input" data-testid="thought-latency">
          L {t.latency}
        </span>
        {t.kind === 'llm' ? (
          <>
            <span title="Call time">{duration(t.ms)}</span>
            <span title="Tokens (prompt + completion, this thought's share)">
              {compact(Math.round(t.promptTokens + t.completionTokens))} tok
            </span>
            <span title="Cost (this thought's share)">{dollars(t.cost)}</span>
          </>
        ) : null}
      </div>
      <Handle type="source" position={Position.Right} className="thought-handle" isConnectable={false} />
    </div>
  );
});
