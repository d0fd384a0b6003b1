import type { PointerEvent as ReactPointerEvent } from 'react';
import { useAppStoreApi } from '../store/StoreProvider';

/** A drag handle between panels; `side` says which panel's width it changes. */
export function PanelResizer({ side }: { side: 'left' | 'right' }) {
  const store = useAppStoreApi();
  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    const startX = e.clientX;
    const start = store.getState().panels[side];
    const move = (ev: PointerEvent) => {
      const dx = ev.clientX - startX;
      const w = Math.max(side === 'left' ? 150 : 280, Math.min(side === 'left' ? 400 : 720, start + (side === 'left' ? dx : -dx)));
      store.getState().setPanels({ [side]: w });
    };
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };
  return <div className={`resizer resizer-${side}`} role="separator" aria-orientation="vertical" aria-label={`Resize ${side} panel`} onPointerDown={onPointerDown} data-testid={`resizer-${side}`} />;
}
