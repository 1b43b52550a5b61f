import { describe, expect, it } from 'vitest';
import { computeTotal, findVoteReference, scoreEnteredComponent, scorePublicVoteComponent } from './components';
import type { EntryFlag } from './results';
import type { EnteredComponent, PublicVoteComponent } from './types';

const theory: EnteredComponent = { key: 'theory', source: 'entered', weight: 2000 };
const measurement: EnteredComponent = { key: 'measurement', source: 'entered', weight: 6000, max: 6000 };

/** Scores an entered value and collects its flags. */
function scoreEntered(component: EnteredComponent, entered: number | null | undefined) {
	const flags: EntryFlag[] = [];
	const breakdown = scoreEnteredComponent(component, entered, flags);
	return { breakdown, flags };
}

describe('entered component', () => {
	it('scales the value to 0–100', () => {
		expect(scoreEntered(theory, 8650).breakdown.value).toBe(8650); // 86.5 of 100
		// 45.5 of 60 marks → 75.8333… → 75.83
		expect(scoreEntered(measurement, 4550).breakdown.value).toBe(7583);
		// 45.51 of 60 → 75.85
		expect(scoreEntered(measurement, 4551).breakdown.value).toBe(7585);
	});

	it('counts a missing value as 0 and flags it', () => {
		const outcome = scoreEntered(theory, undefined);
		expect(outcome.breakdown.value).toBe(0);
		expect(outcome.flags).toEqual([{ code: 'missing_entered_value', component: 'theory' }]);
		expect(scoreEntered(theory, null).flags).toEqual([{ code: 'missing_entered_value', component: 'theory' }]);
	});

	it('counts a value above max as 0 and flags it as invalid', () => {
		const outcome = scoreEntered(measurement, 6001);
		expect(outcome.breakdown.value).toBe(0);
		expect(outcome.flags).toEqual([{ code: 'invalid_entered_value', component: 'measurement' }]);
	});
});

describe('public vote component', () => {
	const top: PublicVoteComponent = { key: 'vote', source: 'public_vote', weight: 1000 };
	const share: PublicVoteComponent = { ...top, normalisation: 'share' };
	const votes = [300, 120, 600];

	it('gives the most-voted entry 100 under top normalisation', () => {
		const reference = findVoteReference(top, votes);
		expect(reference).toBe(600);
		// 300 ÷ 600 = 50.00; 120 ÷ 600 = 20.00; 600 ÷ 600 = 100.00
		expect(votes.map((count) => scorePublicVoteComponent(top, count, reference).value)).toEqual([5000, 2000, 10000]);
	});

	it('gives each entry its share of all votes', () => {
		const reference = findVoteReference(share, votes);
		expect(reference).toBe(1020);
		// 300 ÷ 1020 = 29.4117… → 29.41; 120 ÷ 1020 = 11.7647… → 11.76; 600 ÷ 1020 = 58.8235… → 58.82
		expect(votes.map((count) => scorePublicVoteComponent(share, count, reference).value)).toEqual([2941, 1176, 5882]);
	});

	it('gives everyone 0 when nobody has a vote', () => {
		expect(scorePublicVoteComponent(top, 0, findVoteReference(top, [0, 0])).value).toBe(0);
		expect(scorePublicVoteComponent(share, 0, findVoteReference(share, [0, 0])).value).toBe(0);
	});
});

describe('total', () => {
	it('weights the rounded components and rounds once more', () => {
		// 0.2 × 86.50 + 0.8 × 79.17 = 17.30 + 63.336 = 80.636 → 80.64
		expect(computeTotal([{ weight: 2000, value: 8650 }, { weight: 8000, value: 7917 }])).toBe(8064);
		// 0.9 × 95.33 + 0.1 × 20.00 = 85.797 + 2 = 87.797 → 87.80
		expect(computeTotal([{ weight: 9000, value: 9533 }, { weight: 1000, value: 2000 }])).toBe(8780);
		// 0.5 × 0.01 + 0.5 × 0.00 = 0.005 → 0.01 (half up)
		expect(computeTotal([{ weight: 5000, value: 1 }, { weight: 5000, value: 0 }])).toBe(1);
	});
});
