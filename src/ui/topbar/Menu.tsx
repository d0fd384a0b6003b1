import { useEffect, useRef, useState, type ReactNode } from 'react';

export interface MenuItem {
  label: string;
  shortcut?: string;
  onSelect: () => void;
  testId?: string;
  disabled?: boolean;
}

/** A drop-down menu button; closes on choice, Escape or a click outside. `alignEnd` opens it leftwards (a menu at the bar's right end). */
export function Menu({ label, items, testId, icon, alignEnd }: { label: string; items: Array<MenuItem | 'separator'>; testId: string; icon?: ReactNode; alignEnd?: boolean }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => !ref.current?.contains(e.target as Node) && setOpen(false);
    const esc = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    window.addEventListener('mousedown', close);
    window.addEventListener('keydown', esc);
    return () => {
      window.removeEventListener('mousedown', close);
      window.removeEventListener('keydown', esc);
    };
  }, [open]);
  return (
    <div className="menu" ref={ref}>
      <button type="button" className="btn" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid={testId}>
        {icon}
        {label} ▾
      </button>
      {open ? (
        <div className={alignEnd ? 'menu-list align-end' : 'menu-list'} role="menu">
          {items.map((it, i) =>
            it === 'separator' ? (
              <hr key={i} />
            ) : (
              <button
                key={it.label}
                type="button"
                role="menuitem"
                disabled={it.disabled}
                data-testid={it.testId}
                onClick={() => {
                  setOpen(false);
                  it.onSelect();
                }}
              >
                <span>{it.label}</span>
                {it.shortcut ? <kbd>{it.shortcut}</kbd> : null}
              </button>
            ),
          )}
        </div>
      ) : null}
    </div>
  );
}
