import { findLifecycleBlockers, findStepBackBlockers, nextStatus, NOTHING_YET, previousStatus, type CompetitionReadiness, type CompetitionStatus } from '$lib/domain/competition/lifecycle';
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
import { competitionHasDraw } from '../draw/readiness';
import { competitionHasPanels } from '../judging/readiness';
import { countEntriesByStatus } from '../screening/entry-list-queries';
import { competitionResultsReadiness } from '../results/readiness-queries';

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
			await recordAudit(tx, actor, { action: 'competition.created', subjectType: 'competition', subjectId: row.id, subjectLabel: row.title, after: fields });
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
			await recordAudit(tx, actor, { action: 'competition.updated', subjectType: 'competition', subjectId: id, subjectLabel: after.title, before: pickFields(before), after: pickFields(after) });
			return after;
		});
	} catch (error) {
		return slugTaken(error);
	}
}

function pickFields({ title, organiser, startsOn, endsOn, venue, description, slug }: competitions.CompetitionRow) {
	return { title, organiser, startsOn, endsOn, venue, description, slug };
}

/** The competition's events, each with its rounds and the version and validity of each round's scheme. */
async function loadStructure(conn: Db, actor: OrgActor, competitionId: string) {
	const [events, rounds, schemes] = await Promise.all([
		listEvents(conn, actor.organisation.id, competitionId),
		listRoundsOfCompetition(conn, actor.organisation.id, competitionId),
		listLatestSchemes(conn, actor.organisation.id, competitionId)
	]);
	const schemeByRound = new Map(schemes.map((row) => [row.roundId, row]));
	return events.map((event) => ({
		...event,
		rounds: rounds
			.filter((round) => round.eventId === event.id)
			.map((round) => {
				const scheme = schemeByRound.get(round.id);
				return { ...round, schemeVersion: scheme?.version ?? null, schemeIsValid: scheme ? validateScheme(scheme.scheme).length === 0 : false };
			})
	}));
}

type Structure = Awaited<ReturnType<typeof loadStructure>>;

/**
 * What the lifecycle guards know of the competition: its structure, its entries (any still in the
 * running while registration is open; approved ones from screening on), the draw, the panels, and
 * whether its results are on notice and the notice is over.
 */
async function readinessOf(conn: Db, actor: OrgActor, competition: competitions.CompetitionRow, structure: Structure): Promise<CompetitionReadiness> {
	const [counts, hasDraw, hasPanels, results] = await Promise.all([
		countEntriesByStatus(conn, actor.organisation.id, competition.id),
		competitionHasDraw(conn, actor.organisation.id, competition.id),
		competitionHasPanels(conn, actor.organisation.id, competition.id),
		competitionResultsReadiness(conn, actor.organisation.id, competition.id)
	]);
	const entryCount = competition.status === 'registration' ? (counts.submitted ?? 0) + (counts.approved ?? 0) : (counts.approved ?? 0);
	return {
		...NOTHING_YET,
		events: structure.map((event) => ({
			id: event.id,
			rounds: event.rounds.map((round) => ({ id: round.id, hasScheme: round.schemeVersion !== null, schemeIsValid: round.schemeIsValid }))
		})),
		entryCount,
		hasDraw,
		hasPanels,
		...results
	};
}

/** What stands between the competition and its next step (empty when it may move on), and the step back if any. */
async function lifecycleOf(conn: Db, actor: OrgActor, competition: competitions.CompetitionRow, structure: Structure) {
	const next = nextStatus(competition.status);
	const previous = previousStatus(competition.status);
	const canStepBack = previous !== null && findStepBackBlockers(competition.status, previous).length === 0;
	return { next, previous: canStepBack ? previous : null, blockers: findLifecycleBlockers(competition.status, next ?? competition.status, await readinessOf(conn, actor, competition, structure)) };
}

/** Moves the competition one step on (e.g. registration → screening), when nothing blocks it. */
export async function advanceCompetition(actor: OrgActor, id: string, to: CompetitionStatus): Promise<competitions.CompetitionRow> {
	requireRole(actor, MANAGER_ROLES);
	return db().begin(async (tx) => {
		const competition = await loadCompetition(tx, actor, id, true);
		const blockers = findLifecycleBlockers(competition.status, to, await readinessOf(tx, actor, competition, await loadStructure(tx, actor, id)));
		if (blockers.length > 0) throw new DomainError('lifecycle_blocked', { blockers: blockers.join(','), from: competition.status, to });
		await competitions.updateCompetitionStatus(tx, actor.organisation.id, id, to);
		await recordAudit(tx, actor, { action: 'competition.advanced', subjectType: 'competition', subjectId: id, subjectLabel: competition.title, before: { status: competition.status }, after: { status: to } });
		return { ...competition, status: to };
	});
}

/** Moves the competition one step back (e.g. registration → draft) before judging starts; the reason is audited. */
export async function stepBackCompetition(actor: OrgActor, id: string, to: CompetitionStatus, reason: string): Promise<competitions.CompetitionRow> {
	requireRole(actor, MANAGER_ROLES);
	if (reason.trim() === '') throw new DomainError('reason_required', {}, 'reason');
	return db().begin(async (tx) => {
		const competition = await loadCompetition(tx, actor, id, true);
		const blockers = findStepBackBlockers(competition.status, to);
		if (blockers.length > 0) throw new DomainError('step_back_blocked', { blockers: blockers.join(','), from: competition.status, to });
		await competitions.updateCompetitionStatus(tx, actor.organisation.id, id, to);
		await recordAudit(tx, actor, {
			action: 'competition.stepped_back',
			subjectType: 'competition',
			subjectId: id,
			subjectLabel: competition.title,
			before: { status: competition.status },
			after: { status: to, reason: reason.trim() }
		});
		return { ...competition, status: to };
	});
}

/** Everything the competition page shows: details, events with rounds and their schemes, next step. */
/** The competition with its events and their rounds only: for pages that list rounds (no schemes, no lifecycle readiness). */
export async function getCompetitionRounds(actor: OrgActor, id: string) {
	requireRole(actor, MANAGER_ROLES);
	const [competition, events, rounds] = await Promise.all([
		loadCompetition(db(), actor, id),
		listEvents(db(), actor.organisation.id, id),
		listRoundsOfCompetition(db(), actor.organisation.id, id)
	]);
	return { competition, events: events.map((event) => ({ ...event, rounds: rounds.filter((round) => round.eventId === event.id) })) };
}

export async function getCompetitionOverview(actor: OrgActor, id: string) {
	requireRole(actor, MANAGER_ROLES);
	const [competition, events] = await Promise.all([loadCompetition(db(), actor, id), loadStructure(db(), actor, id)]);
	return { competition, lifecycle: await lifecycleOf(db(), actor, competition, events), events };
}
