import { z } from 'zod/mini';
import { selectorSpecSchema } from '../graph/specs';
import { defineOperation } from './definition';

export const selectorDefinition = defineOperation({
  type: 'selector',
  label: 'Selector',
  help: 'Keeps the thoughts the selector returns; as a root it applies to the input state.',
  icon: '⊳',
  category: 'filter',
  paramsSchema: z.object({ selector: selectorSpecSchema }),
  fields: [{ key: 'selector', label: 'Selector', help: 'A filter such as state.part == "List 2", a named function or your own JavaScript.', kind: 'selector', required: true }],
  initialParams: { selector: { kind: 'filter', expr: 'true' } },
  summary: (p) => (p.selector.kind === 'filter' ? p.selector.expr : p.selector.kind === 'function' ? p.selector.name : 'JavaScript'),
  makesThoughts: false,
  streams: (p) => p.selector.kind === 'filter',
});
