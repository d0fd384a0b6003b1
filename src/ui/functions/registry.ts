import { builtinFunctions, mergeFunctionRegistries, taskFunctions, type FunctionRegistry } from '../../engine/index';

let cached: FunctionRegistry | null = null;

/** The named functions a graph can use in the app: the generic built-ins plus every task's. */
export function appFunctions(): FunctionRegistry {
  return (cached ??= mergeFunctionRegistries(builtinFunctions(), taskFunctions()));
}
