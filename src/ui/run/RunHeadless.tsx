import { useEffect } from 'react';
import type { OperationId } from '../../engine/index';
import { useAppStoreApi } from '../store/StoreProvider';
import { appKeyVault } from './settings/keyVault';
import { applyModelSettings } from './settings/applyModelSettings';
import { loadModelSettings } from './settings/modelSettings';
import { useRunController } from './useRunController';
import { selectOpOrder } from './runSelectors';

/** Mounted once: restores this device's model settings, and links the editor's selection to the run view's highlight. */
export function RunHeadless() {
  const api = useAppStoreApi();
  const controller = useRunController();
  useEffect(() => {
    applyModelSettings(api, loadModelSettings(typeof localStorage === 'undefined' ? null : localStorage), appKeyVault().get());
    // Selecting one operation on the canvas highlights its thoughts.
    return api.subscribe((s, prev) => {
      if (s.selection === prev.selection || selectOpOrder(s.live.grs).length === 0) return;
      const only = s.selection.length === 1 ? s.selection[0] : undefined;
      if (only && s.live.grs.operations[only]) s.selectInRun({ kind: 'operation', id: only as OperationId });
      else if (s.runUi.selection?.kind === 'operation') s.selectInRun(null);
    });
  }, [api]);
  useEffect(() => () => controller.cancel(), [controller]);
  return null;
}
