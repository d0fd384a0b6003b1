/** List sizes of the sorting and set-intersection datasets. */
export const LIST_SIZES = [32, 64, 128] as const;
export type ListSize = (typeof LIST_SIZES)[number];

export const LIST_SCHEMES = ['IO', 'CoT', 'ToT', 'ToT2', 'GoT'] as const;
export type ListScheme = (typeof LIST_SCHEMES)[number];

/** Levels × samples per level of a tree-of-thoughts baseline. */
export type TreeShape = Record<'ToT' | 'ToT2', Record<ListSize, { levels: number; k: number }>>;

/** Sorting's tree-of-thoughts shapes by list size, as in the paper's baselines (got-semantics.md). */
export const TOT_LEVELS: TreeShape = {
  ToT: { 32: { levels: 2, k: 20 }, 64: { levels: 4, k: 20 }, 128: { levels: 4, k: 20 } },
  ToT2: { 32: { levels: 3, k: 10 }, 64: { levels: 7, k: 10 }, 128: { levels: 10, k: 10 } },
};

/** Set intersection's: the same, except at 128 (ToT k = 25, ToT2 9 levels), as the reference runs them. */
export const SET_TOT_LEVELS: TreeShape = {
  ToT: { ...TOT_LEVELS.ToT, 128: { levels: 4, k: 25 } },
  ToT2: { ...TOT_LEVELS.ToT2, 128: { levels: 9, k: 10 } },
};

/** How a description names the rounds after the first: "In one more round", "In each of the next 3 rounds". */
export const inLaterRounds = (count: number): string => (count === 1 ? 'In one more round' : `In each of the next ${count} rounds`);
