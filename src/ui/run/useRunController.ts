import { useAppStoreApi } from '../store/StoreProvider';
import { controllerFor, type AppRunControls } from './appController';

/** The run controls of the app's store: the one place runs start and their events come in. */
export function useRunController(): AppRunControls {
  return controllerFor(useAppStoreApi());
}
