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
 * its entries. A unit with fewer than N entries is listed as incomplete and not ranked. Ranks compare
 * the *published* team score (a mean rounded half-up to 0.01, DESIGN.md §3), then the unit's best
 * individual total; still equal, the units share the rank. So every team rank follows from
 * published numbers: two means differing only below 0.01 are equal here.
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
	teams.sort(
		(a, b) =>
			Number(b.isComplete) - Number(a.isComplete) || (b.isComplete ? b.score - a.score || b.bestTotal - a.bestTotal : 0) || compareText(a.unit, b.unit)
	);
	teams.forEach((team, index) => {
		if (!team.isComplete) return;
		const previous = teams[index - 1];
		const isTied = previous?.isComplete === true && previous.score === team.score && previous.bestTotal === team.bestTotal;
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
		// The published score: what ranks compare, so anyone can check a team rank from the results.
		score: rule.method === 'sum' ? sum : divideRoundHalfUp(sum, Math.max(best.length, 1)),
		bestTotal: best[0]?.total ?? 0,
		isComplete: best.length === rule.size,
		rank: null
	};
}
