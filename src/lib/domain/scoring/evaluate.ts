import { selectAdvancingEntries } from './advancement';
import { computeTotal, findVoteReference, scoreEnteredComponent, scorePublicVoteComponent } from './components';
import { prepareJudgesComponent, scoreJudgesComponent, type PreparedJudgesComponent } from './judges-component';
import { compareText, rankEntries, type RankingCandidate } from './rank';
import type { ComponentBreakdown, EntryFlag, EntryResult, RoundResult } from './results';
import { rankTeams } from './teams';
import { assignTiers, type RankedTotal } from './tiers';
import type { EntryInput, RoundInput, Scheme } from './types';
import { InvalidRoundInputError, validateRoundInput } from './validate-round';
import { InvalidSchemeError, validateScheme } from './validate-scheme';

export interface EvaluateOptions {
	/** Force bigint arithmetic everywhere (to check the Number fast path against it); default 'auto'. */
	arithmetic?: 'auto' | 'bigint';
}

interface ScoredEntry {
	entry: EntryInput;
	candidate: RankingCandidate;
	breakdowns: ComponentBreakdown[];
	flags: EntryFlag[];
}

/**
 * Scores a round from its scheme and raw data (DESIGN.md §3): each component rounded to 0.01, the
 * total from the rounded components, ranks with the scheme's tie-breaks, tiers, team ranks and the
 * entries that advance, with a full breakdown per entry. Pure and deterministic: the order of
 * entries, sheets or judges in the input never changes any result.
 * @throws InvalidSchemeError when the scheme breaks the rules (e.g. weights not totalling 100 %).
 * @throws InvalidRoundInputError when the data is ambiguous (duplicate entry numbers, a judge twice on one entry…).
 */
export function evaluateRound(scheme: Scheme, input: RoundInput, options: EvaluateOptions = {}): RoundResult {
	const schemeIssues = validateScheme(scheme);
	if (schemeIssues.length > 0) throw new InvalidSchemeError(schemeIssues);
	const inputIssues = validateRoundInput(scheme, input);
	if (inputIssues.length > 0) throw new InvalidRoundInputError(inputIssues);

	const entries = [...input.entries].sort((a, b) => a.number - b.number || compareText(a.id, b.id));
	const judgesComponents = new Map<string, PreparedJudgesComponent>();
	const voteReferences = new Map<string, number>();
	for (const component of scheme.components) {
		if (component.source === 'judges') {
			const panelSize = entries.reduce((most, entry) => Math.max(most, entry.sheets?.[component.key]?.length ?? 0), 0);
			judgesComponents.set(component.key, prepareJudgesComponent(component, panelSize, scheme.spreadThreshold, options.arithmetic));
		} else if (component.source === 'public_vote') {
			voteReferences.set(component.key, findVoteReference(component, entries.map((entry) => entry.votes?.[component.key] ?? 0)));
		}
	}
	const scored = entries.map((entry) => scoreEntry(scheme, entry, judgesComponents, voteReferences));

	const places = rankEntries(scored.map((item) => item.candidate), scheme.tieBreaks ?? []);
	const byId = new Map(scored.map((item) => [item.entry.id, item]));
	const ranked: RankedTotal[] = places.map((place) => ({ entryId: place.entryId, rank: place.rank, total: byId.get(place.entryId)?.candidate.total ?? 0 }));
	const tiers = assignTiers(ranked, scheme.tiers ?? []);
	const advancing = selectAdvancingEntries(ranked, scheme.advancement);
	const advancingIds = new Set(advancing);
	const teams = scheme.teams
		? rankTeams(
				scored.map(({ entry, candidate }) => ({ entryId: entry.id, number: entry.number, unit: entry.unit ?? null, total: candidate.total })),
				scheme.teams
			)
		: [];

	const results = places.map((place): EntryResult => {
		const { entry, candidate, breakdowns, flags } = byId.get(place.entryId) as ScoredEntry;
		const overCountTier = tiers.overCountEntries.get(entry.id);
		return {
			entryId: entry.id,
			number: entry.number,
			unit: entry.unit ?? null,
			components: candidate.components,
			total: candidate.total,
			rank: place.rank,
			tier: tiers.tierByEntry.get(entry.id) ?? null,
			advances: advancingIds.has(entry.id),
			flags: overCountTier === undefined ? flags : [...flags, { code: 'tier_over_count', tier: overCountTier }],
			breakdown: { components: breakdowns, totalDeduction: candidate.totalDeduction, tieBreak: place.tieBreak }
		};
	});
	return { entries: results, teams, advancing, warnings: tiers.warnings };
}

function scoreEntry(
	scheme: Scheme,
	entry: EntryInput,
	judgesComponents: ReadonlyMap<string, PreparedJudgesComponent>,
	voteReferences: ReadonlyMap<string, number>
): ScoredEntry {
	const breakdowns: ComponentBreakdown[] = [];
	const flags: EntryFlag[] = [];
	let totalDeduction = 0;
	for (const component of scheme.components) {
		if (component.source === 'judges') {
			const prepared = judgesComponents.get(component.key) as PreparedJudgesComponent;
			const outcome = scoreJudgesComponent(prepared, entry.sheets?.[component.key], entry.deductions?.[component.key]);
			breakdowns.push(outcome.breakdown);
			flags.push(...outcome.flags);
			totalDeduction += outcome.breakdown.totalDeduction;
		} else if (component.source === 'entered') {
			const outcome = scoreEnteredComponent(component, entry.entered?.[component.key]);
			breakdowns.push(outcome.breakdown);
			flags.push(...outcome.flags);
		} else {
			const reference = voteReferences.get(component.key) ?? 0;
			breakdowns.push(scorePublicVoteComponent(component, entry.votes?.[component.key] ?? 0, reference));
		}
	}
	const components: Record<string, number> = {};
	for (const breakdown of breakdowns) components[breakdown.key] = breakdown.value;
	const candidate: RankingCandidate = {
		entryId: entry.id,
		number: entry.number,
		total: computeTotal(breakdowns),
		components,
		totalDeduction,
		finishedAt: entry.finishedAt
	};
	return { entry, candidate, breakdowns, flags };
}
