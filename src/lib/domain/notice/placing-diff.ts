export interface PlacingForDiff {
	entryId: string;
	number: number | null;
	rank: number;
	/** Hundredths. */
	total: number;
	tierLabel: string | null;
}

export interface PlacingChange {
	entryId: string;
	number: number | null;
	before: PlacingForDiff | null;
	after: PlacingForDiff | null;
}

/**
 * What a re-score changed between two result versions: every entry whose rank, total or tier differs
 * (or who appears in only one), by the new rank then number. An unchanged entry is not listed.
 */
export function diffPlacings(before: readonly PlacingForDiff[], after: readonly PlacingForDiff[]): PlacingChange[] {
	const old = new Map(before.map((placing) => [placing.entryId, placing]));
	const changes: PlacingChange[] = [];
	for (const placing of after) {
		const previous = old.get(placing.entryId) ?? null;
		old.delete(placing.entryId);
		if (previous && previous.rank === placing.rank && previous.total === placing.total && previous.tierLabel === placing.tierLabel) continue;
		changes.push({ entryId: placing.entryId, number: placing.number, before: previous, after: placing });
	}
	for (const previous of old.values()) changes.push({ entryId: previous.entryId, number: previous.number, before: previous, after: null });
	const order = (change: PlacingChange) => change.after?.rank ?? Number.MAX_SAFE_INTEGER;
	return changes.sort((a, b) => order(a) - order(b) || (a.number ?? 0) - (b.number ?? 0));
}
