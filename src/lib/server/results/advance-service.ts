import { db } from '../db/client';
import { DomainError } from '../domain-error';
import type { OrgActor } from '../auth/actor';
import { recordAudit } from '../audit/audit-log';
import { requireResultsManager, resultsControl, type RoundControl } from './access';
import * as queries from './version-queries';

export interface Advancement {
	nextRoundId: string;
	nextRoundName: string;
	/** Entries put into the next round now. */
	added: number;
	/** Advancing entries that were there already (advancing twice changes nothing). */
	alreadyThere: number;
	/** Whether the entries kept their contestant numbers. */
	keptNumbers: boolean;
}

/**
 * Creates the next round's entries (same event, next position) from the advancing entries of the
 * published version, or of the latest when none is published (87 → 21). Numbers: a blind next round
 * draws its own (its contestants must not be recognisable by the numbers they had), so its entries
 * start without one; otherwise they keep their contestant numbers. Idempotent and audited.
 */
export async function advanceRound(control: RoundControl): Promise<Advancement> {
	requireResultsManager(control);
	return db().begin(async (tx) => {
		const round = await queries.getRoundResultsState(tx, control.organisationId, control.round.id, true);
		if (!round) throw new DomainError('not_found');
		const version = await queries.getResultVersion(tx, control.organisationId, round.id, round.publishedVersionId ?? undefined);
		if (!version) throw new DomainError('results_not_computed');
		const next = await queries.findNextRound(tx, control.organisationId, round.id);
		if (!next) throw new DomainError('results_no_next_round');
		const advancing = version.result.result.advancing;
		const keptNumbers = !next.blind;
		const added = await queries.insertAdvancingEntries(tx, control.organisationId, round.id, next.id, advancing, keptNumbers);
		if (added.length > 0) {
			await recordAudit(
				tx,
				control.actor,
				{
					action: 'results.advanced',
					subjectType: 'round',
					subjectId: next.id,
					subjectLabel: `${round.eventName} · ${round.name} → ${next.name}`,
					after: { fromVersion: version.version, added: added.length, keptNumbers }
				},
				control.organisationId
			);
		}
		return { nextRoundId: next.id, nextRoundName: next.name, added: added.length, alreadyThere: advancing.length - added.length, keptNumbers };
	});
}

/** advanceRound for an owner or organiser of the round's organisation. */
export async function advanceEntries(actor: OrgActor, roundId: string): Promise<Advancement> {
	return advanceRound(await resultsControl(actor, roundId));
}
