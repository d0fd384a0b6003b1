import type { OperationDefinition, OperationType } from './definition';
import { aggregateDefinition } from './aggregate';
import { generateDefinition } from './generate';
import { groundTruthDefinition } from './groundTruth';
import { improveDefinition } from './improve';
import { keepBestNDefinition } from './keepBestN';
import { keepValidDefinition } from './keepValid';
import { scoreDefinition } from './score';
import { selectorDefinition } from './selector';
import { validateAndImproveDefinition } from './validateAndImprove';

/** Every operation type's declaration; adding a type without one is a compile error. */
export const operationDefinitions = {
  generate: generateDefinition,
  aggregate: aggregateDefinition,
  improve: improveDefinition,
  score: scoreDefinition,
  validateAndImprove: validateAndImproveDefinition,
  keepBestN: keepBestNDefinition,
  keepValid: keepValidDefinition,
  groundTruth: groundTruthDefinition,
  selector: selectorDefinition,
} satisfies { [T in OperationType]: OperationDefinition<T> };

export type OperationParams = { [T in OperationType]: import('zod').output<(typeof operationDefinitions)[T]['paramsSchema']> };
