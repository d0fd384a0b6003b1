import type { OperationDefinition, OperationType } from './definition';
import type { OperationExecutor } from './execution';
import { aggregateDefinition } from './aggregate';
import { executeAggregate } from './executeAggregate';
import { generateDefinition } from './generate';
import { executeGenerate } from './executeGenerate';
import { groundTruthDefinition } from './groundTruth';
import { executeGroundTruth } from './executeGroundTruth';
import { improveDefinition } from './improve';
import { executeImprove } from './executeImprove';
import { keepBestNDefinition } from './keepBestN';
import { executeKeepBestN } from './executeKeepBestN';
import { keepValidDefinition } from './keepValid';
import { executeKeepValid } from './executeKeepValid';
import { scoreDefinition } from './score';
import { executeScore } from './executeScore';
import { selectorDefinition } from './selector';
import { executeSelector } from './executeSelector';
import { validateAndImproveDefinition } from './validateAndImprove';
import { executeValidateAndImprove } from './executeValidateAndImprove';

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
