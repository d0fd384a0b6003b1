import { useAppStoreApi } from '../store/StoreProvider';
import { controllerFor } from './appController';
import type { RunController } from './runController';

/** The run controller of the app's store: the one place runs start and their events come in. */
export function useRunController(): RunController {
  return controllerFor(useAppStoreApi());
}
