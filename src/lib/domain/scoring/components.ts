import { FULL_SCALE, multiplyDivideRoundHalfUp } from './decimal';
import type { EnteredComponentBreakdown, EntryFlag, PublicVoteComponentBreakdown } from './results';
import type { EnteredComponent, Hundredths, PublicVoteComponent } from './types';

/** The default max of an entered value: 100 points. */
const DEFAULT_ENTERED_MAX: Hundredths = FULL_SCALE;

/**
 * Scores an entered value (theory exam, measured result) on the 0–100 scale: `v ÷ max × 100`,
 * rounded half-up. A missing value counts 0 and is flagged; so is a value outside 0..max or not in
 * whole hundredths, which we refuse to guess at. Flags are appended to `flags`.
 */
export function scoreEnteredComponent(
	component: EnteredComponent,
	entered: Hundredths | null | undefined,
	flags: EntryFlag[]
): EnteredComponentBreakdown {
	const max = component.max ?? DEFAULT_ENTERED_MAX;
	const isMissing = entered === null || entered === undefined;
	const isValid = !isMissing && Number.isSafeInteger(entered) && entered >= 0 && entered <= max;
	const breakdown: EnteredComponentBreakdown = {
		source: 'entered',
		key: component.key,
		weight: component.weight,
		value: isValid ? multiplyDivideRoundHalfUp(entered, FULL_SCALE, max) : 0,
		entered: isValid ? entered : null,
		max
	};
	if (!isValid) flags.push({ code: isMissing ? 'missing_entered_value' : 'invalid_entered_value', component: component.key });
	return breakdown;
}

/** The votes every entry is measured against: the most any entry received (`top`) or all votes cast (`share`). */
export function findVoteReference(component: PublicVoteComponent, allVotes: readonly number[]): number {
	if ((component.normalisation ?? 'top') === 'share') return allVotes.reduce((sum, votes) => sum + votes, 0);
	return allVotes.reduce((most, votes) => Math.max(most, votes), 0);
}

/**
 * Normalises counted public votes to 0–100: `top` (default) gives the most-voted entry 100 and
 * the rest `v ÷ max(v) × 100`; `share` gives `v ÷ Σv × 100`. Nobody voted → everyone 0.
 */
export function scorePublicVoteComponent(component: PublicVoteComponent, votes: number, reference: number): PublicVoteComponentBreakdown {
	const normalisation = component.normalisation ?? 'top';
	const value = reference === 0 ? 0 : multiplyDivideRoundHalfUp(votes, FULL_SCALE, reference);
	return { source: 'public_vote', key: component.key, weight: component.weight, value, normalisation, votes, reference };
}

/**
 * The total: `T = round(Σ_k weight_k × C_k ÷ 100)` from the *rounded* components, so anyone can
 * recompute a published total from the published components. Weights are in hundredths of a percent.
 */
export function computeTotal(components: readonly { weight: Hundredths; value: Hundredths }[]): Hundredths {
	const weighted = components.reduce((sum, component) => sum + component.weight * component.value, 0);
	return totalFromWeighted(weighted);
}

/** T from Σ_k weight_k × C_k (weights in hundredths of a percent): ÷ 10000, rounded half-up. */
export function totalFromWeighted(weighted: number): Hundredths {
	// Weights total 10000 (100 %), so the weighted sum is at most 10^8: exact.
	return multiplyDivideRoundHalfUp(weighted, 1, FULL_SCALE);
}
