import { describe, expect, it } from 'vitest';
import { canChangeStructure, COMPETITION_STATUSES, findLifecycleBlockers, isSchemeFrozen, nextStatus, type CompetitionReadiness } from './lifecycle';

const ready: CompetitionReadiness = { events: [{ id: 'e1', rounds: [{ id: 'r1', hasScheme: true, schemeIsValid: true }] }] };

describe('competition lifecycle', () => {
	it('goes draft → registration → screening → judging → review → notice → final, one step at a time', () => {
		expect(COMPETITION_STATUSES.map(nextStatus)).toEqual(['registration', 'screening', 'judging', 'review', 'notice', 'final', null]);
		expect(findLifecycleBlockers('draft', 'screening', ready)).toEqual(['not_next_step']);
		expect(findLifecycleBlockers('registration', 'draft', ready)).toEqual(['not_next_step']);
		expect(findLifecycleBlockers('final', 'final', ready)).toEqual(['already_final']);
	});

	it('opens registration only when every event has a round', () => {
		expect(findLifecycleBlockers('draft', 'registration', { events: [] })).toEqual(['no_events']);
		expect(findLifecycleBlockers('draft', 'registration', { events: [{ id: 'e', rounds: [] }] })).toEqual(['event_without_rounds']);
		// A scheme is not needed yet: it may still be drafted while people register.
		expect(findLifecycleBlockers('draft', 'registration', { events: [{ id: 'e', rounds: [{ id: 'r', hasScheme: false, schemeIsValid: false }] }] })).toEqual([]);
	});

	it('starts judging only when every round has a scheme that can be scored', () => {
		const missing = { events: [{ id: 'e', rounds: [{ id: 'r', hasScheme: false, schemeIsValid: false }] }] };
		const invalid = { events: [{ id: 'e', rounds: [{ id: 'r', hasScheme: true, schemeIsValid: false }] }] };
		expect(findLifecycleBlockers('screening', 'judging', missing)).toEqual(['round_without_scheme']);
		expect(findLifecycleBlockers('screening', 'judging', invalid)).toEqual(['round_scheme_invalid']);
		expect(findLifecycleBlockers('screening', 'judging', ready)).toEqual([]);
	});

	it('freezes structure and schemes from judging on', () => {
		expect(COMPETITION_STATUSES.filter(canChangeStructure)).toEqual(['draft', 'registration', 'screening']);
		expect(COMPETITION_STATUSES.filter(isSchemeFrozen)).toEqual(['judging', 'review', 'notice', 'final']);
	});
});
