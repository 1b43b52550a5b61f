import { FULL_SCALE, floorDivide } from './decimal';
import type { RoundWarning } from './results';
import type { Hundredths, Tier, TierLimit } from './types';

/** A ranked entry as tiers and advancement see it. */
export interface RankedTotal {
	entryId: string;
	rank: number;
	total: Hundredths;
}

export interface TierAssignment {
	/** The tier key of `ranked[i]`, or null. */
	tiers: (string | null)[];
	/** Whether `ranked[i]` is tied across its tier's boundary, which pushed the tier over its count. */
	isOverCount: boolean[];
	warnings: RoundWarning[];
}

/** A tier's number of places among `rankedCount` entries: a count, ⌊N × share ÷ 100⌋, or unlimited. */
export function countTierPlaces(limit: TierLimit, rankedCount: number): number {
	if (limit.kind === 'count') return limit.count;
	if (limit.kind === 'share') return floorDivide(rankedCount * limit.share, FULL_SCALE);
	return Infinity;
}

/**
 * Awards tiers (一等奖/二等奖/三等奖, 工匠/提名奖…) in order. Tier i takes the entries not yet in a
 * tier whose rank is within the places of tiers 1..i together and whose total reaches the tier's
 * minimum. Entries tied across a boundary share a rank, so all get the better tier; the tier is
 * then over its count and the organiser is warned. `ranked` must list every ranked entry.
 */
export function assignTiers(ranked: readonly RankedTotal[], tiers: readonly Tier[]): TierAssignment {
	const assigned = new Array<string | null>(ranked.length).fill(null);
	const isOverCount = new Array<boolean>(ranked.length).fill(false);
	const warnings: RoundWarning[] = [];
	let placesSoFar = 0;
	for (const tier of tiers) {
		const limit = countTierPlaces(tier.limit, ranked.length);
		placesSoFar += limit;
		const members: number[] = [];
		ranked.forEach((entry, index) => {
			if (assigned[index] === null && entry.rank <= placesSoFar && entry.total >= (tier.minimumTotal ?? 0)) members.push(index);
		});
		for (const index of members) assigned[index] = tier.key;
		if (members.length <= limit) continue;
		warnings.push({ code: 'tier_over_count', tier: tier.key, count: members.length, limit });
		const boundaryRank = members.reduce((worst, index) => Math.max(worst, (ranked[index] as RankedTotal).rank), 0);
		for (const index of members) if ((ranked[index] as RankedTotal).rank === boundaryRank) isOverCount[index] = true;
	}
	return { tiers: assigned, isOverCount, warnings };
}
