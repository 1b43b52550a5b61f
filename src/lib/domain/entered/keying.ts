/**
 * Two-person entry (双人录入): a value (or a paper sheet) is stored only when a second person, typing
 * without seeing the first keying, types the same. These rules are the whole of it; the server applies
 * them inside one transaction.
 */

/** What one person typed: hundredths for a value, criterion → hundredths (and deduction counts) for a sheet. */
export type Typed = number | { scores: Record<string, number>; deductions: Record<string, number> };

export interface Keying {
	keyedBy: string;
	typed: Typed;
}

export type KeyingOutcome =
	/** Nobody else has typed it yet: keep this keying and wait for a second person. */
	| { kind: 'first' }
	/** Another person typed the same: store it, clear the keyings. */
	| { kind: 'match'; confirmedWith: string }
	/** Another person typed something else: keep both keyings; someone re-types. */
	| { kind: 'mismatch' }
	/** Only this person has typed it: typing it again proves nothing, so it is refused. */
	| { kind: 'same_person' };

function sameRecord(a: Record<string, number>, b: Record<string, number>): boolean {
	const keys = Object.keys(a);
	return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && a[key] === b[key]);
}

export function sameTyped(a: Typed, b: Typed): boolean {
	if (typeof a === 'number' || typeof b === 'number') return a === b;
	return sameRecord(a.scores, b.scores) && sameRecord(a.deductions, b.deductions);
}

/**
 * The outcome of `keyedBy` typing `typed` while `keyings` wait. The person's own earlier keying is
 * never compared with (one person typing twice proves nothing): alone, they are refused; beside another
 * person's keying, theirs is replaced by the new one. Any other person's matching keying confirms it.
 */
export function settleKeying(keyings: readonly Keying[], keyedBy: string, typed: Typed): KeyingOutcome {
	const otherPeople = keyings.filter((keying) => keying.keyedBy !== keyedBy);
	const match = otherPeople.find((keying) => sameTyped(keying.typed, typed));
	if (match) return { kind: 'match', confirmedWith: match.keyedBy };
	if (otherPeople.length > 0) return { kind: 'mismatch' };
	return keyings.length > 0 ? { kind: 'same_person' } : { kind: 'first' };
}

/** The state an entry's value shows while keyings wait: none, waiting for a second person, or the two differ. */
export type KeyingState = 'none' | 'awaiting_second' | 'disagreement';

export function keyingState(keyings: readonly Keying[]): KeyingState {
	if (keyings.length === 0) return 'none';
	const people = new Set(keyings.map((keying) => keying.keyedBy));
	return people.size >= 2 ? 'disagreement' : 'awaiting_second';
}
