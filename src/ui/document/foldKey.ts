/** A fold group's identity across edits: its kind and exact member list (a new duplicate or a changed member makes a new group). */
export const groupKey = (g: { kind: string; members: readonly string[] }): string => `${g.kind}:${g.members.join('\n')}`;
