/** Asked of chain-of-thought prompts in every task (the offline simulator then shows its work). */
export const STEP_BY_STEP = 'Work step by step';
