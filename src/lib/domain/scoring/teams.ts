import { divideRoundHalfUp } from './decimal';
import { compareText } from './rank';
import type { TeamResult } from './results';
import type { Hundredths, TeamRule } from './types';

export interface TeamMemberTotal {
	entryId: string;
	number: number;
	unit: string | null;
	total: Hundredths;
}

/**
 * Ranks units (单位) as teams: a unit's team score is the sum, or the mean, of the best N totals of
 * its entries. A unit with fewer than N entries is listed as incomplete and not ranked. Equal team
 * scores go to the unit with the better best individual total; still equal, they share the rank.
 */
export function rankTeams(entries: readonly TeamMemberTotal[], rule: TeamRule): TeamResult[] {
	const byUnit = new Map<string, TeamMemberTotal[]>();
	for (const entry of entries) {
		if (entry.unit === null) continue;
		const members = byUnit.get(entry.unit) ?? [];
		members.push(entry);
		byUnit.set(entry.unit, members);
	}
	const teams = [...byUnit].map(([unit, members]) => buildTeam(unit, members, rule));
	// Every complete team counts exactly N totals, so comparing sums compares the exact means too.
	teams.sort(
		(a, b) =>
			Number(b.isComplete) - Number(a.isComplete) || (b.isComplete ? b.sum - a.sum || b.bestTotal - a.bestTotal : 0) || compareText(a.unit, b.unit)
	);
	teams.forEach((team, index) => {
		if (!team.isComplete) return;
		const previous = teams[index - 1];
		const isTied = previous?.isComplete === true && previous.sum === team.sum && previous.bestTotal === team.bestTotal;
		team.rank = isTied ? previous.rank : index + 1;
	});
	return teams;
}

function buildTeam(unit: string, members: TeamMemberTotal[], rule: TeamRule): TeamResult {
	const best = [...members].sort((a, b) => b.total - a.total || a.number - b.number || compareText(a.entryId, b.entryId)).slice(0, rule.size);
	const sum = best.reduce((subtotal, member) => subtotal + member.total, 0);
	return {
		unit,
		entryIds: best.map((member) => member.entryId),
		sum,
		// The rounded mean is for display; ranking uses the exact sums above.
		score: rule.method === 'sum' ? sum : divideRoundHalfUp(sum, Math.max(best.length, 1)),
		bestTotal: best[0]?.total ?? 0,
		isComplete: best.length === rule.size,
		rank: null
	};
}
