import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requireMembershipOnRound } from '../auth/guards';
import type { OrgActor } from '../auth/actor';
import type { EnteredRoundRow } from './entered-queries';
import type { GridForm } from '$lib/schemas/entered';
import { runAction } from '../http/forms';

// The head judge's desk pages (entered values, deduction counts, finish times, paper sheets) share
// who may open them (the services check: managers and the round's head judge) and their heading.

/** Any member (the services decide who may act); a round of another competition in the path is a 404 first. */
export function deskActor(event: RequestEvent<{ org: string; competition: string; round: string }>): Promise<OrgActor> {
	return requireMembershipOnRound(event);
}

/** The heading every desk page shows; a round of another competition in the path is a 404. */
export function deskHeading(round: EnteredRoundRow, competitionId: string) {
	if (round.competitionId !== competitionId) error(404, { message: m.errors_not_found(), code: 'not_found' });
	return { id: round.id, name: round.name, eventName: round.eventName, competitionId: round.competitionId, competitionTitle: round.competitionTitle, signedOff: round.scoresLockedAt !== null, blind: round.blind };
}

type DeskEvent = RequestEvent<{ org: string; competition: string; round: string }>;

/**
 * The save action of a grid desk page (deduction counts, finish times): who acts, the grid read from
 * the form (every cell's problem at its field, the typed values kept), then the service stores it.
 */
export function deskGridSave<T>(read: (formData: FormData) => GridForm<T>, save: (actor: OrgActor, roundId: string, cells: T[]) => Promise<void>) {
	return async (event: DeskEvent) => {
		const actor = await deskActor(event);
		const formData = await event.request.formData();
		const values = Object.fromEntries([...formData].filter((pair): pair is [string, string] => typeof pair[1] === 'string'));
		const grid = read(formData);
		if (!grid.ok) return fail(400, { values, errors: grid.errors });
		return runAction(formData, async () => {
			await save(actor, event.params.round, grid.cells);
			return { saved: true as const };
		});
	};
}
