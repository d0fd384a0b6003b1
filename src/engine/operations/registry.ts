import type { OperationDefinition, OperationType } from './definition';
import type { OperationExecutor } from './execution';
import { aggregateDefinition, executeAggregate } from './aggregate';
import { executeGenerate, generateDefinition } from './generate';
import { executeGroundTruth, groundTruthDefinition } from './groundTruth';
import { executeImprove, improveDefinition } from './improve';
import { executeKeepBestN, keepBestNDefinition } from './keepBestN';
import { executeKeepValid, keepValidDefinition } from './keepValid';
import { executeScore, scoreDefinition } from './score';
import { executeSelector, selectorDefinition } from './selector';
import { executeValidateAndImprove, validateAndImproveDefinition } from './validateAndImprove';

/** One registered operation: what the editor knows of it and how the scheduler runs it. */
export interface OperationEntry<T extends OperationType> {
  definition: OperationDefinition<T>;
  execute: OperationExecutor<T>;
}

/** Every operation type, declared and executable; adding a type without both is a compile error. */
export const operationRegistry = {
  generate: { definition: generateDefinition, execute: executeGenerate },
  aggregate: { definition: aggregateDefinition, execute: executeAggregate },
  improve: { definition: improveDefinition, execute: executeImprove },
  score: { definition: scoreDefinition, execute: executeScore },
  validateAndImprove: { definition: validateAndImproveDefinition, execute: executeValidateAndImprove },
  keepBestN: { definition: keepBestNDefinition, execute: executeKeepBestN },
  keepValid: { definition: keepValidDefinition, execute: executeKeepValid },
  groundTruth: { definition: groundTruthDefinition, execute: executeGroundTruth },
  selector: { definition: selectorDefinition, execute: executeSelector },
} satisfies { [T in OperationType]: OperationEntry<T> };
