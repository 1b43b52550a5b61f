import { isAdvancing } from './advancement';
import { findVoteReference, scoreEnteredComponent, scorePublicVoteComponent, totalFromWeighted } from './components';
import { prepareJudgesComponent, scoreJudgesComponent, scoreJudgesValue, type PreparedJudgesComponent } from './judges-component';
import { compareText, rankEntries, type RankingCandidate } from './rank';
import type { ComponentBreakdown, EntryFlag, EntryResult, RoundResult, TieBreakOutcome } from './results';
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
	// Filled in after ranking; each entry's breakdown reads its own when it is first asked for.
	const tieBreaks: (TieBreakOutcome | null)[] = new Array(entries.length).fill(null);
	const scored = entries.map((entry, index) => scoreEntry(context, entry, candidates, { tieBreaks, index }));

	// Results are listed in ranking order; tiers, advancement and teams read them directly.
	const places = rankEntries(candidates, scheme.tieBreaks ?? []);
	const results = places.map((place) => {
		const result = scored[place.index] as EntryResult;
		result.rank = place.rank;
		tieBreaks[place.index] = place.tieBreak;
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

/**
 * Scores every component of one entry and its total; rank, tier and advancement are filled in later.
 * Only the numbers and flags are computed here. The breakdown (every sheet's R_j, what was dropped,
 * deductions…) is built the first time it is read, by the same functions from the same input, and
 * then kept: a round of thousands of entries no longer allocates tens of objects per entry that the
 * garbage collector must carry until the round is done, yet `breakdown` reads (and serialises) as before.
 */
function scoreEntry(context: RoundContext, entry: EntryInput, candidates: RankingCandidate[], place: { tieBreaks: (TieBreakOutcome | null)[]; index: number }): EntryResult {
	const flags: EntryFlag[] = [];
	const components: Record<string, number> = {};
	let totalDeduction = 0;
	let weighted = 0;
	for (const component of context.scheme.components) {
		let value: number;
		if (component.source === 'judges') {
			const prepared = context.judgesComponents.get(component.key) as PreparedJudgesComponent;
			value = scoreJudgesValue(prepared, entry.sheets?.[component.key], entry.deductions?.[component.key], flags);
			totalDeduction += prepared.panel.totalDeduction;
		} else if (component.source === 'entered') {
			value = scoreEnteredComponent(component, entry.entered?.[component.key], flags).value;
		} else {
			value = scorePublicVoteComponent(component, entry.votes?.[component.key] ?? 0, context.voteReferences.get(component.key) ?? 0).value;
		}
		components[component.key] = value;
		weighted += component.weight * value;
	}
	const total = totalFromWeighted(weighted);
	candidates.push({ entryId: entry.id, number: entry.number, total, components, totalDeduction, finishedAt: entry.finishedAt });
	const result = {
		entryId: entry.id,
		number: entry.number,
		unit: entry.unit ?? null,
		components,
		total,
		rank: 0,
		tier: null,
		advances: false,
		flags
	} as Omit<EntryResult, 'breakdown'> as EntryResult;
	pendingBreakdowns.set(result, { context, entry, totalDeduction, tieBreaks: place.tieBreaks, index: place.index });
	Object.defineProperty(result, 'breakdown', LAZY_BREAKDOWN);
	return result;
}

interface PendingBreakdown {
	context: RoundContext;
	entry: EntryInput;
	totalDeduction: number;
	/** The round's tie-break outcomes by entry (filled in after ranking) and this entry's place in it. */
	tieBreaks: readonly (TieBreakOutcome | null)[];
	index: number;
}

/** What each result needs to build its breakdown on first read; dropped once built. */
const pendingBreakdowns = new WeakMap<EntryResult, PendingBreakdown>();
const builtBreakdowns = new WeakMap<EntryResult, EntryResult['breakdown']>();

/**
 * One getter and setter shared by every result (so results keep one compact shape): an own,
 * enumerable `breakdown` that JSON, spreads and equality checks see like a plain property. Module-level
 * on purpose: an accessor pair made per evaluation (or an object literal's `get breakdown()`) makes V8
 * turn each result into a slow dictionary object, several times larger — measured, it undid the gain.
 */
const LAZY_BREAKDOWN: PropertyDescriptor = {
	enumerable: true,
	configurable: true,
	get(this: EntryResult): EntryResult['breakdown'] {
		let breakdown = builtBreakdowns.get(this);
		if (breakdown) return breakdown;
		const pending = pendingBreakdowns.get(this) as PendingBreakdown;
		breakdown = { components: buildComponentBreakdowns(pending.context, pending.entry), totalDeduction: pending.totalDeduction, tieBreak: pending.tieBreaks[pending.index] ?? null };
		builtBreakdowns.set(this, breakdown);
		pendingBreakdowns.delete(this);
		return breakdown;
	},
	set(this: EntryResult, breakdown: EntryResult['breakdown']) {
		builtBreakdowns.set(this, breakdown);
		pendingBreakdowns.delete(this);
	}
};

/** Every component's full breakdown for one entry; the flags were raised when the entry was scored. */
function buildComponentBreakdowns(context: RoundContext, entry: EntryInput): ComponentBreakdown[] {
	const raisedAlready: EntryFlag[] = [];
	return context.scheme.components.map((component): ComponentBreakdown => {
		if (component.source === 'judges') {
			const prepared = context.judgesComponents.get(component.key) as PreparedJudgesComponent;
			return scoreJudgesComponent(prepared, entry.sheets?.[component.key], entry.deductions?.[component.key], raisedAlready);
		}
		if (component.source === 'entered') return scoreEnteredComponent(component, entry.entered?.[component.key], raisedAlready);
		return scorePublicVoteComponent(component, entry.votes?.[component.key] ?? 0, context.voteReferences.get(component.key) ?? 0);
	});
}
