import { db, type Db } from '../db/client';
import { DomainError } from '../domain-error';
import type { Actor, OrgActor } from '../auth/actor';
import { MANAGER_ROLES, requireRole } from '../auth/roles';
import { recordAudit } from '../audit/audit-log';
import { loadRound, requireNotClosed, loadCompetition } from '../competitions/guards';
import type { ConflictKind } from '$lib/domain/conflicts/conflicts';
import { getJudge } from './judge-queries';
import { deleteConflict, getConflict, insertConflict, listDeclaredConflictsOfRound, listRoundEntries, type DeclaredConflictRow } from './conflict-queries';
import { conflictsOfRound, type ConflictView } from './conflicts';
import { listSeatsOfUserInRound } from './seat-queries';

export interface ConflictInput {
	judgeId: string;
	entryId: string;
	kind: ConflictKind;
	note: string;
}

/** An entry in words for the audit log: its number in the round, never a name (the log is read widely). */
async function entryInRound(tx: Db, organisationId: string, roundId: string, entryId: string) {
	const entry = (await listRoundEntries(tx, organisationId, roundId)).find((row) => row.entryId === entryId);
	if (!entry) throw new DomainError('entry_not_in_round', {}, 'entryId');
	return entry;
}

async function declare(tx: Db, actor: Actor, organisationId: string, roundId: string, input: ConflictInput, judgeName: string): Promise<string | null> {
	const entry = await entryInRound(tx, organisationId, roundId, input.entryId);
	const id = await insertConflict(tx, organisationId, { ...input, declaredBy: actor.user.id });
	if (!id) return null; // declared before: nothing changes
	const number = entry.markingNumber ?? entry.number;
	await recordAudit(
		tx,
		actor,
		{
			action: 'conflict.declared',
			subjectType: 'judge_conflict',
			subjectId: id,
			subjectLabel: `${judgeName} · ${number === null ? input.entryId : `#${number}`}`,
			after: { judgeId: input.judgeId, entryId: input.entryId, kind: input.kind, note: input.note }
		},
		organisationId
	);
	return id;
}

export async function listConflicts(actor: OrgActor, roundId: string): Promise<ConflictView[]> {
	requireRole(actor, MANAGER_ROLES);
	await loadRound(db(), actor, roundId);
	return conflictsOfRound(db(), actor.organisation.id, roundId);
}

/** An organiser declares that a judge of the competition must stand aside for an entry of the round. */
export async function declareConflict(actor: OrgActor, roundId: string, input: ConflictInput): Promise<ConflictView[]> {
	requireRole(actor, MANAGER_ROLES);
	await db().begin(async (tx) => {
		const round = await loadRound(tx, actor, roundId);
		requireNotClosed(await loadCompetition(tx, actor, round.competitionId));
		const judge = await getJudge(tx, actor.organisation.id, input.judgeId);
		if (!judge || judge.competitionId !== round.competitionId) throw new DomainError('judge_not_in_competition', {}, 'judgeId');
		await declare(tx, actor, actor.organisation.id, roundId, input, judge.name);
	});
	return listConflicts(actor, roundId);
}

/** A judge on the round's panel declares their own conflict with an entry (by its number). */
export async function declareOwnConflict(actor: Actor, roundId: string, input: Omit<ConflictInput, 'judgeId'>): Promise<void> {
	await db().begin(async (tx) => {
		const [seat] = await listSeatsOfUserInRound(tx, actor.user.id, roundId);
		if (!seat) throw new DomainError('not_on_panel');
		const judge = await getJudge(tx, seat.organisationId, seat.judgeId);
		await declare(tx, actor, seat.organisationId, roundId, { ...input, judgeId: seat.judgeId }, judge?.name ?? '');
	});
}

/** An organiser withdraws a declared conflict (automatic same-unit conflicts cannot be withdrawn). */
export async function removeConflict(actor: OrgActor, conflictId: string): Promise<void> {
	requireRole(actor, MANAGER_ROLES);
	await db().begin(async (tx) => {
		const conflict = await getConflict(tx, actor.organisation.id, conflictId);
		if (!conflict) throw new DomainError('not_found');
		await withdraw(tx, actor, actor.organisation.id, conflict);
	});
}

/**
 * A judge on the round's panel withdraws a conflict they declared themselves; never one an organiser
 * declared for them (403), nor another judge's (404).
 */
export async function withdrawOwnConflict(actor: Actor, roundId: string, conflictId: string): Promise<void> {
	await db().begin(async (tx) => {
		const [seat] = await listSeatsOfUserInRound(tx, actor.user.id, roundId);
		if (!seat) throw new DomainError('not_on_panel');
		const conflict = (await listDeclaredConflictsOfRound(tx, seat.organisationId, roundId)).find((row) => row.id === conflictId && row.judgeId === seat.judgeId);
		if (!conflict) throw new DomainError('not_found');
		if (!conflict.declaredByJudge || conflict.declaredBy !== actor.user.id) throw new DomainError('conflict_not_yours');
		await withdraw(tx, actor, seat.organisationId, conflict);
	});
}

async function withdraw(tx: Db, actor: Actor, organisationId: string, conflict: DeclaredConflictRow): Promise<void> {
	const judge = await getJudge(tx, organisationId, conflict.judgeId);
	await deleteConflict(tx, organisationId, conflict.id);
	const { judgeId, entryId, kind, note } = conflict;
	await recordAudit(tx, actor, { action: 'conflict.removed', subjectType: 'judge_conflict', subjectId: conflict.id, subjectLabel: judge?.name ?? judgeId, before: { judgeId, entryId, kind, note } }, organisationId);
}

/** The conflicts a judge declared themselves in a round: the ones they may withdraw. */
export async function listOwnConflicts(actor: Actor, roundId: string): Promise<DeclaredConflictRow[]> {
	const [seat] = await listSeatsOfUserInRound(db(), actor.user.id, roundId);
	if (!seat) throw new DomainError('not_on_panel');
	return (await listDeclaredConflictsOfRound(db(), seat.organisationId, roundId)).filter((row) => row.judgeId === seat.judgeId && row.declaredByJudge && row.declaredBy === actor.user.id);
}
