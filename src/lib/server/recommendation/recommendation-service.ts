import { randomUUID } from 'node:crypto';
import { mayWithdraw, quotaLeft, recommendProblem, type RecommendProblem } from '$lib/domain/recommendation/rules';
import { db } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { DomainError, type DomainErrorCode } from '../domain-error';
import type { OrgActor } from '../auth/actor';
import { MANAGER_ROLES, requireRole } from '../auth/roles';
import { recordAudit } from '../audit/audit-log';
import { decryptText, encryptText } from '../crypto/personal-data';
import { insertEntries, getEntrySummary } from '../registration/entry-queries';
import { describeMembers } from '../registration/register';
import { withdrawEntryInTx } from '../registration/places';
import * as queries from './invitation-queries';

// The child's side (issue 17, upward recommendation): its managers see the invitations other
// organisations opened for it and mark winners of their own final results up to the quota. A mark
// creates an entry in the parent's competition (status submitted, source recommendation) that the
// parent screens like any other; both organisations' logs record it. The quota row's lock serialises
// concurrent marks, so the quota holds in the database.

export type { InvitationRow, CandidateRow, RecommendationRow } from './invitation-queries';

const PROBLEM_ERRORS: Record<RecommendProblem, DomainErrorCode> = {
	not_open: 'recommendation_not_open',
	not_a_winner: 'recommendation_not_a_winner',
	already_recommended: 'recommendation_already_made',
	event_mismatch: 'recommendation_event_mismatch',
	quota_full: 'recommendation_quota_full'
};

export async function listInvitations(actor: OrgActor): Promise<queries.InvitationRow[]> {
	requireRole(actor, MANAGER_ROLES);
	return queries.listInvitations(db(), actor.organisation.id);
}

/** One invitation, the recommendations made to it, and the winners that could still be recommended. */
export async function getInvitation(actor: OrgActor, quotaId: string) {
	requireRole(actor, MANAGER_ROLES);
	const invitation = await queries.getInvitation(db(), actor.organisation.id, quotaId);
	if (!invitation) throw new DomainError('not_found');
	const [recommendations, candidates] = await Promise.all([queries.listRecommendations(db(), actor.organisation.id, quotaId), queries.listCandidates(db(), actor.organisation.id)]);
	const standing = new Set(recommendations.filter((row) => row.status === 'active').map((row) => row.sourceEntryId));
	return {
		invitation: { ...invitation, left: quotaLeft(invitation) },
		recommendations,
		candidates: candidates.map((candidate) => ({ ...candidate, recommended: standing.has(candidate.entryId) }))
	};
}

function label(holderName: string, eventName: string): string {
	return `${holderName}（${eventName}）`;
}

/** Marks one winner of a final version of the child's results for the invitation's event. */
export async function recommend(actor: OrgActor, quotaId: string, input: { resultVersionId: string; entryId: string; note: string }): Promise<queries.RecommendationRow> {
	requireRole(actor, MANAGER_ROLES);
	const childId = actor.organisation.id;
	try {
		return await db().begin(async (tx) => {
			const invitation = await queries.getInvitation(tx, childId, quotaId, true);
			if (!invitation) throw new DomainError('not_found');
			const placing = await queries.getFinalPlacing(tx, childId, input.resultVersionId, input.entryId);
			if (!placing) throw new DomainError('not_found', {}, 'entryId');
			const standing = await queries.listRecommendations(tx, childId, quotaId);
			const problem = recommendProblem({
				parentCompetitionStatus: invitation.competitionStatus,
				quota: invitation,
				alreadyRecommended: standing.some((row) => row.status === 'active' && row.sourceEntryId === input.entryId),
				event: invitation,
				entry: { teamName: placing.teamName, memberCount: placing.memberCount },
				tierLabel: placing.tierLabel,
				specialAward: placing.specialAward
			});
			if (problem) throw new DomainError(PROBLEM_ERRORS[problem], { quota: invitation.quota });
			const parentId = invitation.parentOrganisationId;
			const people = await queries.listSourceMembers(tx, childId, input.entryId);
			// The same person, re-encrypted under a fresh IV as registration stores them; the hash finds duplicates in the parent's event.
			const members = people.map((member) => ({ ...member, idNumberCipher: encryptText(decryptText(member.idNumberCipher)) }));
			const targetEntryId = randomUUID();
			await insertEntries(tx, parentId, invitation.competitionId, { registrantId: null, source: 'recommendation', consentVersion: null }, [
				{ id: targetEntryId, eventId: invitation.eventId, teamName: invitation.participation === 'team' ? placing.teamName : null, unit: placing.unit, status: 'submitted', extra: {}, members }
			]);
			const { id } = await queries.insertRecommendation(tx, childId, {
				sourceEntryId: input.entryId,
				sourceResultVersionId: input.resultVersionId,
				parentOrganisationId: parentId,
				quotaId,
				targetEntryId,
				note: input.note,
				sourceOrganisationName: actor.organisation.name,
				candidate: placing,
				createdBy: actor.user.id
			});
			const evidence = { rank: `${placing.rank}/${placing.rankedCount}`, tier: placing.tierLabel, specialAward: placing.specialAward, certificate: placing.certificateSerial, note: input.note };
			await recordAudit(tx, actor, {
				action: 'recommendation.made',
				subjectType: 'recommendation',
				subjectId: id,
				subjectLabel: label(placing.holderName, placing.eventName),
				after: { to: `${invitation.parentOrganisationName} · ${invitation.competitionTitle} · ${invitation.eventName}`, ...evidence, quota: `${invitation.used + 1}/${invitation.quota}` }
			});
			await recordAudit(
				tx,
				actor,
				{
					action: 'entry.recommended',
					subjectType: 'entry',
					subjectId: targetEntryId,
					subjectLabel: label(placing.holderName, invitation.eventName),
					after: { from: `${actor.organisation.name} · ${placing.competitionTitle} · ${placing.eventName}`, ...evidence, status: 'submitted', members: describeMembers(members) }
				},
				parentId
			);
			return (await queries.getRecommendation(tx, childId, id))!;
		});
	} catch (error) {
		if (isUniqueViolation(error, 'entry_member_once_per_event_key')) throw new DomainError('recommendation_person_entered', {}, 'entryId');
		if (isUniqueViolation(error, 'recommendation_once_per_quota_key')) throw new DomainError('recommendation_already_made', {}, 'entryId');
		throw error;
	}
}

/** Takes a recommendation back before the parent screened its entry; the entry is withdrawn there. */
export async function withdrawRecommendation(actor: OrgActor, recommendationId: string, reason: string): Promise<void> {
	requireRole(actor, MANAGER_ROLES);
	await db().begin(async (tx) => {
		const row = await queries.getRecommendation(tx, actor.organisation.id, recommendationId, true);
		if (!row) throw new DomainError('not_found');
		if (!mayWithdraw(row, { status: row.targetStatus, decisions: row.targetDecisions })) throw new DomainError('recommendation_already_screened');
		const target = (await getEntrySummary(tx, row.parentOrganisationId, row.targetEntryId, true))!;
		await queries.markWithdrawn(tx, actor.organisation.id, recommendationId, reason);
		const subject = label(row.holderName, row.sourceEventName);
		await recordAudit(tx, actor, { action: 'recommendation.withdrawn', subjectType: 'recommendation', subjectId: recommendationId, subjectLabel: subject, before: { status: 'active' }, after: { status: 'withdrawn', reason } });
		await withdrawEntryInTx(tx, actor, row.parentOrganisationId, target, reason, `${row.holderName}（${actor.organisation.name}）`);
	});
}
