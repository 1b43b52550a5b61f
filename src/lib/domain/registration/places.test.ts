import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arrivalStatus, contestantMayChange, placesToFill } from './places';

describe('places and the waiting list', () => {
	it('puts an entry on the waiting list only when the event is full', () => {
		expect(arrivalStatus(null, 10_000)).toBe('submitted');
		expect(arrivalStatus(30, 29)).toBe('submitted');
		expect(arrivalStatus(30, 30)).toBe('waitlisted');
	});

	it('moves up as many as there are free places, never more than wait, never beyond the capacity', () => {
		fc.assert(
			fc.property(fc.option(fc.integer({ min: 1, max: 500 }), { nil: null }), fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 600 }), (capacity, taken, waiting) => {
				const moving = placesToFill(capacity, taken, waiting);
				expect(moving).toBeGreaterThanOrEqual(0);
				expect(moving).toBeLessThanOrEqual(waiting);
				if (capacity !== null) expect(taken + moving <= capacity || moving === 0).toBe(true);
				else expect(moving).toBe(waiting);
			})
		);
	});

	it('lets a contestant change an undecided entry only while registration is open', () => {
		expect(contestantMayChange('submitted', 'registration')).toBe(true);
		expect(contestantMayChange('waitlisted', 'registration')).toBe(true);
		expect(contestantMayChange('approved', 'registration')).toBe(false);
		expect(contestantMayChange('submitted', 'screening')).toBe(false);
	});
});
