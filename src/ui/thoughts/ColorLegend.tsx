import { legendStops, type ColorBy, type ColorDomain } from './colorScale';
import { compact } from './thoughtText';

const LABEL: Record<ColorBy, string> = { score: 'Score', latency: 'Latency (hops)', volume: 'Volume (thoughts)' };

/** Says what the card colours mean, with the range they span. */
export function ColorLegend({ domain, onChange }: { domain: ColorDomain; onChange: (by: ColorBy) => void }) {
  const stops = legendStops(domain);
  return (
    <div className="grs-legend" data-testid="grs-legend">
      <span className="grs-legend-words" data-testid="legend-metrics">
        <b>V</b> volume · <b>L</b> latency
      </span>
      <label>
        Colour by{' '}
        <select value={domain.by} onChange={(e) => onChange(e.target.value as ColorBy)} data-testid="color-by">
          <option value="score">score</option>
          <option value="latency">latency</option>
          <option value="volume">volume</option>
        </select>
      </label>
      <span className="grs-legend-range">
        <span>{compact(domain.min)}</span>
        <span className="grs-legend-bar" style={{ background: `linear-gradient(to right, ${stops.join(', ')})` }} />
        <span>{compact(domain.max)}</span>
      </span>
      <span className="grs-legend-note">
        {LABEL[domain.by]}
        {domain.by === 'score' ? (domain.higherIsBetter ? ', green = higher (better)' : ', green = lower (better)') : ', darker = more'}
      </span>
    </div>
  );
}
