import { db } from '../db/client';
import { DomainError } from '../domain-error';
import type { OrgActor } from '../auth/actor';
import { MANAGER_ROLES, requireRole } from '../auth/roles';
import { recordAudit } from '../audit/audit-log';
import { loadCompetition } from '../competitions/guards';
import { deleteArbitrator, insertArbitrator, listArbitrators, type ArbitratorRow } from './arbitrator-queries';

/** The arbitration group (仲裁组) of a competition. */
export async function getArbitrators(actor: OrgActor, competitionId: string): Promise<ArbitratorRow[]> {
	requireRole(actor, MANAGER_ROLES);
	await loadCompetition(db(), actor, competitionId);
	return listArbitrators(db(), actor.organisation.id, competitionId);
}

/** The organiser seats a member of the organisation in the arbitration group, audited. */
export async function addArbitrator(actor: OrgActor, competitionId: string, userId: string): Promise<void> {
	requireRole(actor, MANAGER_ROLES);
	await db().begin(async (tx) => {
		const competition = await loadCompetition(tx, actor, competitionId);
		if (!(await insertArbitrator(tx, actor.organisation.id, competitionId, userId, actor.user.id))) {
			const seated = await listArbitrators(tx, actor.organisation.id, competitionId);
			if (seated.some((row) => row.userId === userId)) return;
			throw new DomainError('arbitrator_not_member', {}, 'userId');
		}
		const person = (await listArbitrators(tx, actor.organisation.id, competitionId)).find((row) => row.userId === userId);
		await recordAudit(tx, actor, { action: 'arbitrator.added', subjectType: 'competition', subjectId: competitionId, subjectLabel: competition.title, after: { arbitrator: person?.displayName ?? userId } });
	});
}

export async function removeArbitrator(actor: OrgActor, competitionId: string, userId: string): Promise<void> {
	requireRole(actor, MANAGER_ROLES);
	await db().begin(async (tx) => {
		const competition = await loadCompetition(tx, actor, competitionId);
		const person = (await listArbitrators(tx, actor.organisation.id, competitionId)).find((row) => row.userId === userId);
		if (!person || !(await deleteArbitrator(tx, actor.organisation.id, competitionId, userId))) throw new DomainError('not_found');
		await recordAudit(tx, actor, { action: 'arbitrator.removed', subjectType: 'competition', subjectId: competitionId, subjectLabel: competition.title, before: { arbitrator: person.displayName } });
	});
}
