// A finished run of a one-operation graph (sort [2, 1] with one model call) loaded into a fresh app store, for unit tests of the run's views.
import { builtinFunctions, runGraph, type RunEvent } from '../../engine/index';
import { scriptedModel } from '../../engine/models/scripted';
import { buildDocument, buildOperation } from '../../engine/testing/index';
import { createAppStore, type AppStore } from '../store/createAppStore';

/** Runs the graph with the model answering `answer`, and returns a store showing that run. */
export async function storeWithSortOnceRun(answer: string): Promise<AppStore> {
  const doc = buildDocument([buildOperation('g', 'generate', [], { samples: 1, prompt: 'sort {{current}}', parser: { kind: 'list', key: 'current', items: 'numbers' } })], { current: [2, 1] });
  const events: RunEvent[] = [];
  await runGraph(doc, { model: scriptedModel({ answer: () => answer }), functions: builtinFunctions(), onEvent: (e) => events.push(e) });
  const store = createAppStore();
  store.getState().ingestRunEvents(events);
  return store;
}
