import { useEffect } from 'react';
import { useAppStore, useAppStoreApi } from '../store/StoreProvider';
import type { Toast } from '../store/uiSlice';

/** Short messages in the corner: refused connections, saves, errors. */
export function Toasts() {
  const toasts = useAppStore((s) => s.toasts);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <ToastView key={t.id} toast={t} />
      ))}
    </div>
  );
}

function ToastView({ toast }: { toast: Toast }) {
  const store = useAppStoreApi();
  useEffect(() => {
    const timer = setTimeout(() => store.getState().dismissToast(toast.id), toast.kind === 'error' ? 7000 : 3500);
    return () => clearTimeout(timer);
  }, [store, toast]);
  return (
    <div className={`toast toast-${toast.kind}`} data-testid={`toast-${toast.kind}`}>
      <span>{toast.message}</span>
      <button type="button" className="icon-btn" aria-label="Dismiss" onClick={() => store.getState().dismissToast(toast.id)}>
        ✕
      </button>
    </div>
  );
}
