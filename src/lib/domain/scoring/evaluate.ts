import { isAdvancing } from './advancement';
import { computeTotal, findVoteReference, scoreEnteredComponent, scorePublicVoteComponent } from './components';
import { prepareJudgesComponent, scoreJudgesComponent, type PreparedJudgesComponent } from './judges-component';
import { compareText, rankEntries, type RankingCandidate } from './rank';
import type { ComponentBreakdown, EntryFlag, EntryResult, RoundResult } from './results';
import { rankTeams } from './teams';
import { assignTiers } from './tiers';
import type { EntryInput, RoundInput, Scheme } from './types';
import { InvalidRoundInputError, validateRoundInput } from './validate-round';
import { InvalidSchemeError, validateScheme } from './validate-scheme';

export interface EvaluateOptions {
	/** Force bigint arithmetic everywhere (to check the Number fast path against it); default 'auto'. */
	arithmetic?: 'auto' | 'bigint';
}

interface RoundContext {
	scheme: Scheme;
	judgesComponents: ReadonlyMap<string, PreparedJudgesComponent>;
	voteReferences: ReadonlyMap<string, number>;
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

	const entries = orderByNumber(input.entries);
	const context = prepareRound(scheme, entries, options);
	const candidates: RankingCandidate[] = [];
	const scored = entries.map((entry) => scoreEntry(context, entry, candidates));

	// Results are listed in ranking order; tiers, advancement and teams read them directly.
	const places = rankEntries(candidates, scheme.tieBreaks ?? []);
	const results = places.map((place) => {
		const result = scored[place.index] as EntryResult;
		result.rank = place.rank;
		result.breakdown.tieBreak = place.tieBreak;
		return result;
	});
	const tiers = assignTiers(results, scheme.tiers ?? []);
	const advancing: string[] = [];
	results.forEach((result, position) => {
		result.tier = tiers.tiers[position] ?? null;
		if (result.tier !== null && tiers.isOverCount[position]) result.flags.push({ code: 'tier_over_count', tier: result.tier });
		result.advances = isAdvancing(result, scheme.advancement, results.length);
		if (result.advances) advancing.push(result.entryId);
	});
	// Teams are built from entries by number, so a unit's equal totals are picked the same way every time.
	const teams = scheme.teams ? rankTeams(scored, scheme.teams) : [];
	return { entries: results, teams, advancing, warnings: tiers.warnings };
}

function prepareRound(scheme: Scheme, entries: readonly EntryInput[], options: EvaluateOptions): RoundContext {
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
	return { scheme, judgesComponents, voteReferences };
}

/** Entries by contestant number (id for equal numbers), copying only when they arrive out of order. */
function orderByNumber(entries: readonly EntryInput[]): readonly EntryInput[] {
	const compare = (a: EntryInput, b: EntryInput) => a.number - b.number || compareText(a.id, b.id);
	for (let index = 1; index < entries.length; index++)
		if (compare(entries[index - 1] as EntryInput, entries[index] as EntryInput) > 0) return [...entries].sort(compare);
	return entries;
}

/** Scores every component of one entry and its total; rank, tier and advancement are filled in later. */
function scoreEntry(context: RoundContext, entry: EntryInput, candidates: RankingCandidate[]): EntryResult {
	const breakdowns: ComponentBreakdown[] = [];
	const flags: EntryFlag[] = [];
	const components: Record<string, number> = {};
	let totalDeduction = 0;
	for (const component of context.scheme.components) {
		let breakdown: ComponentBreakdown;
		if (component.source === 'judges') {
			const prepared = context.judgesComponents.get(component.key) as PreparedJudgesComponent;
			breakdown = scoreJudgesComponent(prepared, entry.sheets?.[component.key], entry.deductions?.[component.key], flags);
			totalDeduction += breakdown.totalDeduction;
		} else if (component.source === 'entered') {
			breakdown = scoreEnteredComponent(component, entry.entered?.[component.key], flags);
		} else {
			const reference = context.voteReferences.get(component.key) ?? 0;
			breakdown = scorePublicVoteComponent(component, entry.votes?.[component.key] ?? 0, reference);
		}
		breakdowns.push(breakdown);
		components[component.key] = breakdown.value;
	}
	const total = computeTotal(breakdowns);
	candidates.push({ entryId: entry.id, number: entry.number, total, components, totalDeduction, finishedAt: entry.finishedAt });
	return {
		entryId: entry.id,
		number: entry.number,
		unit: entry.unit ?? null,
		components,
		total,
		rank: 0,
		tier: null,
		advances: false,
		flags,
		breakdown: { components: breakdowns, totalDeduction, tieBreak: null }
	};
}
