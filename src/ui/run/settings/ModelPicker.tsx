import { useState } from 'react';
import { LoadBoundary } from '../../shell/LoadBoundary';
import { lazyView } from '../../shell/preloadable';
import { useAppStore } from '../../store/StoreProvider';

const ModelSettingsDialog = lazyView(() => import('./ModelSettingsDialog'), 'ModelSettingsDialog');

/** The top bar's model button: which model runs use; opens the settings. */
export function ModelPicker() {
  const [open, setOpen] = useState(false);
  const label = useAppStore((s) =>
    s.modelSettings.provider === 'simulator'
      ? 'Simulator'
      : s.modelSettings.provider === 'proxy'
        ? `Proxy · ${s.modelSettings.proxy.model}`
        : s.modelSettings.openai.model,
  );
  const needsKey = useAppStore(
    (s) =>
      s.modelSettings.provider === 'openai' &&
      !s.hasApiKey &&
      /^https?:\/\//.test(s.modelSettings.openai.baseUrl) &&
      !/localhost|127\.0\.0\.1/.test(s.modelSettings.openai.baseUrl),
  );
  return (
    <>
      <button type="button" className="btn model-button" onClick={() => setOpen(true)} data-testid="model-picker" title="Model settings">
        ⚙ {label}
        {needsKey ? <span className="model-warn"> · no key</span> : null}
      </button>
      {open ? (
        <LoadBoundary what="the model settings" fallback={null} floating onDismiss={() => setOpen(false)}>
          <ModelSettingsDialog onClose={() => setOpen(false)} />
        </LoadBoundary>
      ) : null}
    </>
  );
}
