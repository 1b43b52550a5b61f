import { describe, expect, it } from 'vitest';
import {
	canChangeStructure,
	canStepBack,
	COMPETITION_STATUSES,
	findLifecycleBlockers,
	findStepBackBlockers,
	isSchemeFrozen,
	nextStatus,
	NOTHING_YET,
	previousStatus,
	type CompetitionReadiness,
	type CompetitionStatus,
	type LifecycleBlocker
} from './lifecycle';

const structured = { events: [{ id: 'e1', rounds: [{ id: 'r1', hasScheme: true, schemeIsValid: true }] }] };
/** What a competition looks like today: set up, but no capability after set-up exists yet. */
const today: CompetitionReadiness = { ...structured, ...NOTHING_YET };
const entered: CompetitionReadiness = { ...today, entryCount: 12 };
const drawn: CompetitionReadiness = { ...entered, hasDraw: true, hasPanels: true };
const scored: CompetitionReadiness = { ...drawn, hasResults: true };
const settled: CompetitionReadiness = { ...scored, noticeClosed: true };
const noScheme = { ...drawn, events: [{ id: 'e', rounds: [{ id: 'r', hasScheme: false, schemeIsValid: false }] }] };
const badScheme = { ...drawn, events: [{ id: 'e', rounds: [{ id: 'r', hasScheme: true, schemeIsValid: false }] }] };

describe('competition lifecycle', () => {
	it('goes draft → registration → screening → judging → review → notice → final, one step at a time', () => {
		expect(COMPETITION_STATUSES.map(nextStatus)).toEqual(['registration', 'screening', 'judging', 'review', 'notice', 'final', null]);
		expect(COMPETITION_STATUSES.map(previousStatus)).toEqual([null, 'draft', 'registration', 'screening', 'judging', 'review', 'notice']);
	});

	const cases: [string, CompetitionStatus, CompetitionStatus, CompetitionReadiness, LifecycleBlocker[]][] = [
		['skipping a step', 'draft', 'screening', settled, ['not_next_step']],
		['going back through advance', 'registration', 'draft', settled, ['not_next_step']],
		['anything after final', 'final', 'final', settled, ['already_final']],
		['registration without events', 'draft', 'registration', { ...today, events: [] }, ['no_events']],
		['registration with an event without rounds', 'draft', 'registration', { ...today, events: [{ id: 'e', rounds: [] }] }, ['event_without_rounds']],
		// A scheme is not needed yet: it may still be drafted while people register.
		['registration before the schemes are written', 'draft', 'registration', { ...noScheme, ...NOTHING_YET }, []],
		['screening with no entries (registration is not built yet)', 'registration', 'screening', today, ['no_entries']],
		['screening with entries', 'registration', 'screening', entered, []],
		['judging today: no entries, draw or panels', 'screening', 'judging', today, ['no_entries', 'no_draw', 'no_panels']],
		['judging with entries but no draw', 'screening', 'judging', { ...entered, hasPanels: true }, ['no_draw']],
		['judging without a scheme', 'screening', 'judging', noScheme, ['round_without_scheme']],
		['judging with a scheme that cannot be scored', 'screening', 'judging', badScheme, ['round_scheme_invalid']],
		['judging when everything is ready', 'screening', 'judging', drawn, []],
		['review when judged', 'judging', 'review', drawn, []],
		['the notice without results', 'review', 'notice', drawn, ['no_results']],
		['the notice with results', 'review', 'notice', scored, []],
		['final without results (an empty contest)', 'notice', 'final', today, ['no_results']],
		['final while the notice is still open', 'notice', 'final', scored, ['notice_open']],
		['final after the notice closed', 'notice', 'final', settled, []]
	];
	it.each(cases)('%s', (_, from, to, readiness, blockers) => {
		expect(findLifecycleBlockers(from, to, readiness)).toEqual(blockers);
	});

	it('an empty contest gets no further than registration', () => {
		const empty = { ...today, events: [{ id: 'e', rounds: [{ id: 'r', hasScheme: false, schemeIsValid: false }] }] };
		const reachable = COMPETITION_STATUSES.filter((status) => {
			const next = nextStatus(status);
			return next !== null && findLifecycleBlockers(status, next, empty).length === 0;
		});
		expect(reachable).toEqual(['draft']);
	});

	it('steps back one step, and only until judging starts', () => {
		expect(COMPETITION_STATUSES.filter(canStepBack)).toEqual(['registration', 'screening']);
		const table: [CompetitionStatus, CompetitionStatus, string[]][] = [
			['registration', 'draft', []],
			['screening', 'registration', []],
			['screening', 'draft', ['not_previous_step']],
			['draft', 'draft', ['not_previous_step']],
			['registration', 'screening', ['not_previous_step']],
			['judging', 'screening', ['judging_started']],
			['final', 'notice', ['judging_started']]
		];
		for (const [from, to, blockers] of table) expect(findStepBackBlockers(from, to), `${from} → ${to}`).toEqual(blockers);
	});

	it('freezes structure and schemes from judging on', () => {
		expect(COMPETITION_STATUSES.filter(canChangeStructure)).toEqual(['draft', 'registration', 'screening']);
		expect(COMPETITION_STATUSES.filter(isSchemeFrozen)).toEqual(['judging', 'review', 'notice', 'final']);
	});
});
