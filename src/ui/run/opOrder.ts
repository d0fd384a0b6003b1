import { operationOrder, scoreHigherIsBetter, type GotDocument } from '../../engine/index';

/** Whether the graph's scores are better when higher, by the engine's rule (last Keep Best N, else the task). */
export const higherIsBetterOf = (doc: GotDocument): boolean => scoreHigherIsBetter({ document: doc, operations: operationOrder(doc, { keepCycles: true }) });
