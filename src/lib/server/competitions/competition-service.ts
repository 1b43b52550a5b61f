import { findLifecycleBlockers, nextStatus, type CompetitionStatus } from '$lib/domain/competition/lifecycle';
import { validateScheme } from '$lib/domain/scoring';
import { db, type Db } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { DomainError } from '../domain-error';
import type { OrgActor } from '../auth/actor';
import { MANAGER_ROLES, requireRole } from '../auth/roles';
import { recordAudit } from '../audit/audit-log';
import * as competitions from './competition-queries';
import { listEvents, listRoundsOfCompetition } from './structure-queries';
import { listLatestSchemes } from './scheme-queries';
import { loadCompetition, requireNotClosed } from './guards';

export type { CompetitionRow, CompetitionFields, CompetitionKind } from './competition-queries';

export function slugTaken(error: unknown): never {
	if (isUniqueViolation(error, 'competition_slug_key')) throw new DomainError('slug_taken', {}, 'slug');
	throw error;
}

export async function createCompetition(actor: OrgActor, fields: competitions.CompetitionFields): Promise<competitions.CompetitionRow> {
	requireRole(actor, MANAGER_ROLES);
	try {
		return await db().begin(async (tx) => {
			const row = await competitions.insertCompetition(tx, actor.organisation.id, fields);
			await recordAudit(tx, actor, { action: 'competition.created', subjectType: 'competition', subjectId: row.id, after: fields });
			return row;
		});
	} catch (error) {
		return slugTaken(error);
	}
}

export async function listCompetitions(actor: OrgActor): Promise<competitions.CompetitionRow[]> {
	requireRole(actor, MANAGER_ROLES);
	return competitions.listCompetitions(db(), actor.organisation.id);
}

export async function getCompetition(actor: OrgActor, id: string): Promise<competitions.CompetitionRow> {
	requireRole(actor, MANAGER_ROLES);
	return loadCompetition(db(), actor, id);
}

export async function updateCompetition(
	actor: OrgActor,
	id: string,
	fields: Omit<competitions.CompetitionFields, 'kind'>
): Promise<competitions.CompetitionRow> {
	requireRole(actor, MANAGER_ROLES);
	try {
		return await db().begin(async (tx) => {
			const before = await loadCompetition(tx, actor, id, true);
			requireNotClosed(before);
			const after = await competitions.updateCompetition(tx, actor.organisation.id, id, fields);
			await recordAudit(tx, actor, { action: 'competition.updated', subjectType: 'competition', subjectId: id, before: pickFields(before), after: pickFields(after) });
			return after;
		});
	} catch (error) {
		return slugTaken(error);
	}
}

function pickFields({ title, organiser, startsOn, endsOn, venue, description, slug }: competitions.CompetitionRow) {
	return { title, organiser, startsOn, endsOn, venue, description, slug };
}

/** What stands between the competition and its next step; empty when it may move on. */
export async function listLifecycleBlockers(actor: OrgActor, competition: competitions.CompetitionRow, conn: Db = db()) {
	const next = nextStatus(competition.status);
	if (!next) return { next, blockers: findLifecycleBlockers(competition.status, competition.status, { events: [] }) };
	const [events, rounds, schemes] = await Promise.all([
		listEvents(conn, actor.organisation.id, competition.id),
		listRoundsOfCompetition(conn, actor.organisation.id, competition.id),
		listLatestSchemes(conn, actor.organisation.id, competition.id)
	]);
	const schemeByRound = new Map(schemes.map((row) => [row.roundId, row.scheme]));
	const readiness = {
		events: events.map((event) => ({
			id: event.id,
			rounds: rounds
				.filter((round) => round.eventId === event.id)
				.map((round) => {
					const scheme = schemeByRound.get(round.id);
					return { id: round.id, hasScheme: scheme !== undefined, schemeIsValid: scheme !== undefined && validateScheme(scheme).length === 0 };
				})
		}))
	};
	return { next, blockers: findLifecycleBlockers(competition.status, next, readiness) };
}

/** Moves the competition one step on (e.g. registration → screening), when nothing blocks it. */
export async function advanceCompetition(actor: OrgActor, id: string, to: CompetitionStatus): Promise<competitions.CompetitionRow> {
	requireRole(actor, MANAGER_ROLES);
	return db().begin(async (tx) => {
		const competition = await loadCompetition(tx, actor, id, true);
		const { next, blockers } = await listLifecycleBlockers(actor, competition, tx);
		if (next !== to && blockers.length === 0) blockers.push('not_next_step');
		if (blockers.length > 0) throw new DomainError('lifecycle_blocked', { blockers: blockers.join(','), from: competition.status, to });
		await competitions.updateCompetitionStatus(tx, actor.organisation.id, id, to);
		await recordAudit(tx, actor, { action: 'competition.advanced', subjectType: 'competition', subjectId: id, before: { status: competition.status }, after: { status: to } });
		return { ...competition, status: to };
	});
}

/** Everything the competition page shows: details, events with rounds and their schemes, next step. */
export async function getCompetitionOverview(actor: OrgActor, id: string) {
	requireRole(actor, MANAGER_ROLES);
	const competition = await loadCompetition(db(), actor, id);
	const [events, rounds, schemes, lifecycle] = await Promise.all([
		listEvents(db(), actor.organisation.id, id),
		listRoundsOfCompetition(db(), actor.organisation.id, id),
		listLatestSchemes(db(), actor.organisation.id, id),
		listLifecycleBlockers(actor, competition)
	]);
	const schemeByRound = new Map(schemes.map((row) => [row.roundId, row]));
	return {
		competition,
		lifecycle,
		events: events.map((event) => ({
			...event,
			rounds: rounds
				.filter((round) => round.eventId === event.id)
				.map((round) => {
					const scheme = schemeByRound.get(round.id);
					return { ...round, schemeVersion: scheme?.version ?? null, schemeIsValid: scheme ? validateScheme(scheme.scheme).length === 0 : false };
				})
		}))
	};
}
