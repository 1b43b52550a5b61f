import { db } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { DomainError } from '../domain-error';
import type { OrgActor } from '../auth/actor';
import { MANAGER_ROLES, requireRole } from '../auth/roles';
import { recordAudit } from '../audit/audit-log';
import * as structure from './structure-queries';
import { describeRound, loadCompetition, loadRound, requireNotClosed, requireStructureEditable } from './guards';

export type { EventRow, RoundRow, EventFields, RoundFields } from './structure-queries';

function nameTaken(error: unknown): never {
	if (isUniqueViolation(error, 'event_competition_id_name_key')) throw new DomainError('name_taken', {}, 'name');
	throw error;
}

async function loadEvent(tx: Parameters<typeof structure.getEvent>[0], actor: OrgActor, id: string) {
	const event = await structure.getEvent(tx, actor.organisation.id, id);
	if (!event) throw new DomainError('not_found');
	return event;
}

/** Adds an event (工种) to a competition that has not started judging. */
export async function addEvent(actor: OrgActor, competitionId: string, fields: structure.EventFields): Promise<structure.EventRow> {
	requireRole(actor, MANAGER_ROLES);
	try {
		return await db().begin(async (tx) => {
			requireStructureEditable(await loadCompetition(tx, actor, competitionId, true));
			const event = await structure.insertEvent(tx, actor.organisation.id, competitionId, fields);
			await recordAudit(tx, actor, { action: 'event.created', subjectType: 'event', subjectId: event.id, subjectLabel: event.name, after: fields });
			return event;
		});
	} catch (error) {
		return nameTaken(error);
	}
}

/** Renaming and capacity stay possible until the results are final; the participation type only before judging. */
export async function updateEvent(actor: OrgActor, id: string, fields: structure.EventFields): Promise<structure.EventRow> {
	requireRole(actor, MANAGER_ROLES);
	try {
		return await db().begin(async (tx) => {
			const before = await loadEvent(tx, actor, id);
			const competition = await loadCompetition(tx, actor, before.competitionId, true);
			requireNotClosed(competition);
			if (fields.participation !== before.participation) requireStructureEditable(competition);
			const after = await structure.updateEvent(tx, actor.organisation.id, id, fields);
			await recordAudit(tx, actor, { action: 'event.updated', subjectType: 'event', subjectId: id, subjectLabel: after.name, before: pickEvent(before), after: fields });
			return after;
		});
	} catch (error) {
		return nameTaken(error);
	}
}

const pickEvent = ({ name, participation, capacity }: structure.EventRow) => ({ name, participation, capacity });

export async function removeEvent(actor: OrgActor, id: string): Promise<void> {
	requireRole(actor, MANAGER_ROLES);
	await db().begin(async (tx) => {
		const event = await loadEvent(tx, actor, id);
		requireStructureEditable(await loadCompetition(tx, actor, event.competitionId, true));
		await structure.deleteEvent(tx, actor.organisation.id, id);
		await recordAudit(tx, actor, { action: 'event.deleted', subjectType: 'event', subjectId: id, subjectLabel: event.name, before: pickEvent(event) });
	});
}

/** Adds the next round (初赛 → 决赛) to an event; rounds run in the order they were added. */
export async function addRound(actor: OrgActor, eventId: string, fields: structure.RoundFields): Promise<structure.RoundRow> {
	requireRole(actor, MANAGER_ROLES);
	const id = await db().begin(async (tx) => {
		const event = await loadEvent(tx, actor, eventId);
		requireStructureEditable(await loadCompetition(tx, actor, event.competitionId, true));
		const roundId = await structure.insertRound(tx, actor.organisation.id, eventId, fields);
		await recordAudit(tx, actor, { action: 'round.created', subjectType: 'round', subjectId: roundId, subjectLabel: `${event.name} · ${fields.name}`, after: { eventId, ...fields } });
		return roundId;
	});
	return loadRound(db(), actor, id);
}

export async function updateRound(actor: OrgActor, id: string, fields: structure.RoundFields): Promise<structure.RoundRow> {
	requireRole(actor, MANAGER_ROLES);
	await db().begin(async (tx) => {
		const before = await loadRound(tx, actor, id);
		const competition = await loadCompetition(tx, actor, before.competitionId, true);
		requireNotClosed(competition);
		// Blind or not is part of how judges see contestants: fixed once judging starts.
		if (fields.blind !== before.blind) requireStructureEditable(competition);
		await structure.updateRound(tx, actor.organisation.id, id, fields);
		await recordAudit(tx, actor, { action: 'round.updated', subjectType: 'round', subjectId: id, subjectLabel: await describeRound(tx, actor, { eventId: before.eventId, name: fields.name }), before: { name: before.name, blind: before.blind }, after: fields });
	});
	return loadRound(db(), actor, id);
}

export async function removeRound(actor: OrgActor, id: string): Promise<void> {
	requireRole(actor, MANAGER_ROLES);
	await db().begin(async (tx) => {
		const round = await loadRound(tx, actor, id);
		requireStructureEditable(await loadCompetition(tx, actor, round.competitionId, true));
		await structure.deleteRound(tx, actor.organisation.id, id);
		await recordAudit(tx, actor, { action: 'round.deleted', subjectType: 'round', subjectId: id, subjectLabel: await describeRound(tx, actor, round), before: { name: round.name } });
	});
}

export async function listEventsOfCompetition(actor: OrgActor, competitionId: string) {
	requireRole(actor, MANAGER_ROLES);
	return structure.listEvents(db(), actor.organisation.id, competitionId);
}

export async function listRoundsOfCompetition(actor: OrgActor, competitionId: string) {
	requireRole(actor, MANAGER_ROLES);
	return structure.listRoundsOfCompetition(db(), actor.organisation.id, competitionId);
}

