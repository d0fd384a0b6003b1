import { useAppStore, useAppStoreApi } from '../store/StoreProvider';

type Side = 'left' | 'right';
const PREF = { left: 'palette', right: 'inspector' } as const;
const NAME = { left: 'operations palette', right: 'inspector' } as const;
const KEY = { left: '[', right: ']' } as const;

/** The button that hides or shows a side panel; the arrow points where the panel goes. */
export function PanelToggle({ side, className = '' }: { side: Side; className?: string }) {
  const store = useAppStoreApi();
  const open = useAppStore((s) => s.prefs[PREF[side]]);
  const arrow = (side === 'left') === open ? '«' : '»';
  const label = `${open ? 'Hide' : 'Show'} the ${NAME[side]} (${KEY[side]})`;
  return (
    <button type="button" className={`panel-toggle ${className}`} aria-label={label} title={label} aria-expanded={open} onClick={() => store.getState().togglePref(PREF[side])} data-testid={`toggle-${PREF[side]}`}>
      {arrow}
    </button>
  );
}

/** What a collapsed side panel leaves: a thin rail with its name and the button that opens it. */
export function PanelRail({ side }: { side: Side }) {
  return (
    <div className={`panel-rail panel-rail-${side}`} data-testid={`rail-${PREF[side]}`}>
      <PanelToggle side={side} />
      <span className="panel-rail-name">{side === 'left' ? 'Operations' : 'Inspector'}</span>
    </div>
  );
}
