import { operationDefinitions, type GotDocument } from '../../../engine/index';

/** What a person reads for an operation: its label, else its type's name; the id only when the operation is gone. */
export function operationName(doc: GotDocument | null, opId: string | null): string {
  if (!opId) return '';
  const op = doc?.operations.find((o) => o.id === opId);
  return op ? op.label || operationDefinitions[op.type].label : opId;
}
