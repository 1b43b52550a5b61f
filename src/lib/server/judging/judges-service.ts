import { db, type Db } from '../db/client';
import { DomainError } from '../domain-error';
import type { OrgActor } from '../auth/actor';
import { MANAGER_ROLES, requireRole } from '../auth/roles';
import { recordAudit } from '../audit/audit-log';
import { loadCompetition, requireNotClosed } from '../competitions/guards';
import { maskPhone } from '$lib/domain/identity/id-number';
import * as queries from './judge-queries';

export type { JudgeFields, JudgeRow } from './judge-queries';

/** A judge as the audit log keeps it: the phone masked, like every personal number in the log. */
const forAudit = (fields: queries.JudgeFields) => ({ ...fields, phone: fields.phone ? maskPhone(fields.phone) : '' });

export async function loadJudge(tx: Db, actor: OrgActor, id: string, forUpdate = false): Promise<queries.JudgeRow> {
	const judge = await queries.getJudge(tx, actor.organisation.id, id, forUpdate);
	if (!judge) throw new DomainError('not_found');
	return judge;
}

export async function listJudges(actor: OrgActor, competitionId: string): Promise<queries.JudgeRow[]> {
	requireRole(actor, MANAGER_ROLES);
	await loadCompetition(db(), actor, competitionId);
	return queries.listJudges(db(), actor.organisation.id, competitionId);
}

export async function getJudge(actor: OrgActor, id: string): Promise<queries.JudgeRow> {
	requireRole(actor, MANAGER_ROLES);
	return loadJudge(db(), actor, id);
}

export async function addJudge(actor: OrgActor, competitionId: string, fields: queries.JudgeFields): Promise<queries.JudgeRow> {
	requireRole(actor, MANAGER_ROLES);
	return db().begin(async (tx) => {
		requireNotClosed(await loadCompetition(tx, actor, competitionId, true));
		const judge = await queries.insertJudge(tx, actor.organisation.id, competitionId, fields);
		await recordAudit(tx, actor, { action: 'judge.created', subjectType: 'judge', subjectId: judge.id, subjectLabel: judge.name, after: forAudit(fields) });
		return judge;
	});
}

export async function updateJudge(actor: OrgActor, id: string, fields: queries.JudgeFields): Promise<queries.JudgeRow> {
	requireRole(actor, MANAGER_ROLES);
	return db().begin(async (tx) => {
		const before = await loadJudge(tx, actor, id, true);
		requireNotClosed(await loadCompetition(tx, actor, before.competitionId));
		const after = (await queries.updateJudge(tx, actor.organisation.id, id, fields))!;
		const { name, unit, phone, specialty, email } = before;
		await recordAudit(tx, actor, { action: 'judge.updated', subjectType: 'judge', subjectId: id, subjectLabel: after.name, before: forAudit({ name, unit, phone, specialty, email }), after: forAudit(fields) });
		return after;
	});
}

/** Removes a judge from the roster, and so from every panel of the competition; their account stays. */
export async function removeJudge(actor: OrgActor, id: string): Promise<void> {
	requireRole(actor, MANAGER_ROLES);
	await db().begin(async (tx) => {
		const judge = await loadJudge(tx, actor, id, true);
		requireNotClosed(await loadCompetition(tx, actor, judge.competitionId));
		await queries.deleteJudge(tx, actor.organisation.id, id);
		await recordAudit(tx, actor, { action: 'judge.deleted', subjectType: 'judge', subjectId: id, subjectLabel: judge.name, before: forAudit(judge) });
	});
}
