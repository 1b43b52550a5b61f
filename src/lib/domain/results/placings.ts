import type { StoredResult } from './stored-result';

/** One `result_placing` row (db/migrations/0026): what certificates, workbooks and the public page read. */
export interface PlacingRow {
	entryId: string;
	number: number | null;
	rank: number;
	/** Hundredths of a point. */
	total: number;
	components: Record<string, number>;
	tierKey: string | null;
	/** The tier's Chinese label at the time (certificates and 成绩单 print it); null when in no tier. */
	tierLabel: string | null;
	specialAward: string | null;
	advances: boolean;
}

/** The placing rows of a stored result, by rank: tier labels from the scheme's tiers, special awards by entry. */
export function buildPlacings(stored: StoredResult): PlacingRow[] {
	const tiers = new Map((stored.scheme.tiers ?? []).map((tier) => [tier.key, tier.label['zh-CN']]));
	const awards = new Map(stored.specialAwards.map((award) => [award.entryId, award.title]));
	return stored.result.entries.map((entry) => ({
		entryId: entry.entryId,
		number: stored.numbers[entry.entryId] ?? null,
		rank: entry.rank,
		total: entry.total,
		components: { ...entry.components },
		tierKey: entry.tier,
		tierLabel: entry.tier === null ? null : (tiers.get(entry.tier) ?? entry.tier),
		specialAward: awards.get(entry.entryId) ?? null,
		advances: entry.advances
	}));
}
