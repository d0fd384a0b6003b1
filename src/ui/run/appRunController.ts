import type { AppStore } from '../store/createAppStore';
import { appFunctions } from '../functions/registry';
import { appScriptRunner } from '../scripts/workerScriptRunner';
import { setAnswerProbe } from './answerHold';
import { RunController } from './runController';
import { sampleInput } from './sampleInput';
import { buildModel, preloadModelFor } from './settings/buildModel';
import { appKeyVault } from './settings/keyVault';
import { appRunHistory } from './runHistoryStore';

const controllers = new WeakMap<AppStore, RunController>();

/** The run controller of an app store (loaded with the first run), wired to the browser: settings + key → model, task functions, script worker, IndexedDB history. */
export function appRunController(store: AppStore): RunController {
  let c = controllers.get(store);
  if (!c) {
    c = new RunController({
      store,
      prepareModel: async (sampleIndex) => buildModel(store.getState().modelSettings, appKeyVault().get(), sampleIndex),
      preloadModel: () => preloadModelFor(store.getState().modelSettings),
      functions: async () => appFunctions(),
      sampleInput,
      scripts: appScriptRunner(),
      record: async ({ events, title }) => {
        await appRunHistory()
          .save(events, title)
          .catch((err: Error) => {
            store.getState().toast('error', err.message);
            throw err;
          });
        const s = store.getState();
        s.patchRunUi({ historyVersion: s.runUi.historyVersion + 1 });
      },
    });
    controllers.set(store, c);
    // Views that update on their own clock (the Thoughts view) keep out of the way of the answers this controller expects.
    const controller = c;
    setAnswerProbe((now) => controller.answerDueIn(now));
  }
  return c;
}
