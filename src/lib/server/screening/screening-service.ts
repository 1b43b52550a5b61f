import { maskPhone } from '$lib/domain/identity/id-number';
import { approvalsNeeded, isScreeningOpen, type ScreeningDecision } from '$lib/domain/screening/decisions';
import { db, type Db } from '../db/client';
import { DomainError } from '../domain-error';
import type { OrgActor } from '../auth/actor';
import { MANAGER_ROLES, requireRole } from '../auth/roles';
import { recordAudit } from '../audit/audit-log';
import { decryptText } from '../crypto/personal-data';
import { listExtraFieldDefinitions, listRegistrationEvents } from '../registration/entry-queries';
import * as list from './entry-list-queries';
import * as queries from './screening-queries';
import { decideInTx, lockOpenCompetition, problemError, type DecisionSummary } from './decide';

export type { EntryFilter } from './entry-list-queries';
export type { DecisionSummary } from './decide';
export { countEntriesByStatus, competitionEntryCount } from './entry-list-queries';

export const PAGE_SIZE = 50;

/** A person as organisers' lists show them: the ID number and the phone masked. */
export function maskedMember(member: list.MemberRow) {
	const { entryId: _entryId, phone, ...rest } = member;
	return { ...rest, phoneMasked: maskPhone(phone) };
}
export type MaskedMember = ReturnType<typeof maskedMember>;

async function loadCompetition(conn: Db, actor: OrgActor, competitionId: string): Promise<queries.ScreeningCompetition> {
	requireRole(actor, MANAGER_ROLES);
	const competition = await queries.getScreeningCompetition(conn, actor.organisation.id, competitionId);
	if (!competition) throw new DomainError('not_found');
	return competition;
}

/** Entries per status, for the competition page. */
export async function countCompetitionEntries(actor: OrgActor, competitionId: string) {
	requireRole(actor, MANAGER_ROLES);
	return list.countEntriesByStatus(db(), actor.organisation.id, competitionId);
}

/** One page of a competition's entries with what the filters offer and the counts per status. */
export async function listEntries(actor: OrgActor, competitionId: string, filter: list.EntryFilter, page: number) {
	const competition = await loadCompetition(db(), actor, competitionId);
	const organisationId = actor.organisation.id;
	const [rows, total, counts, events, units, fields] = await Promise.all([
		list.listEntriesPage(db(), organisationId, competitionId, filter, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
		list.countMatchingEntries(db(), organisationId, competitionId, filter),
		list.countEntriesByStatus(db(), organisationId, competitionId),
		listRegistrationEvents(db(), organisationId, competitionId),
		list.listEntryUnits(db(), organisationId, competitionId),
		listExtraFieldDefinitions(db(), organisationId, competitionId)
	]);
	const members = await list.listMembersOfEntries(db(), organisationId, rows.map((row) => row.id));
	const entries = rows.map((row) => ({ ...row, members: members.filter((member) => member.entryId === row.id).map(maskedMember) }));
	return { competition, approvalsNeeded: approvalsNeeded(competition.screeningTwoPerson), entries, total, page, pageSize: PAGE_SIZE, counts, events, units, fields };
}

/** Everything about one entry, numbers masked; its decisions and attachments. */
export async function getEntry(actor: OrgActor, entryId: string) {
	requireRole(actor, MANAGER_ROLES);
	const organisationId = actor.organisation.id;
	const entry = await queries.getEntryDetail(db(), organisationId, entryId);
	if (!entry) throw new DomainError('not_found');
	const [competition, members, attachments, decisions, fields, reasons] = await Promise.all([
		queries.getScreeningCompetition(db(), organisationId, entry.competitionId),
		list.listMembersOfEntries(db(), organisationId, [entryId]),
		queries.listEntryAttachments(db(), organisationId, entryId),
		queries.listDecisions(db(), organisationId, [entryId]),
		listExtraFieldDefinitions(db(), organisationId, entry.competitionId),
		queries.listScreeningReasons(db(), organisationId)
	]);
	const approvals = decisions.filter((row) => row.counted && row.decision === 'approve').length;
	return { entry, competition: competition!, members: members.map(maskedMember), attachments, decisions, fields, reasons, approvals, approvalsNeeded: approvalsNeeded(competition!.screeningTwoPerson) };
}

/** One reviewer's decision on one entry; a decision that cannot apply is an error with its reason. */
export async function decideEntry(actor: OrgActor, entryId: string, decision: ScreeningDecision, reason: string): Promise<DecisionSummary> {
	requireRole(actor, MANAGER_ROLES);
	return db().begin(async (tx) => {
		const entry = await queries.getEntryDetail(tx, actor.organisation.id, entryId);
		if (!entry) throw new DomainError('not_found');
		const competition = await lockOpenCompetition(tx, actor, entry.competitionId);
		const summary = await decideInTx(tx, actor, competition, [entryId], decision, reason);
		if (summary.skipped[0]) throw problemError(summary.skipped[0].problem);
		return summary;
	});
}

export type BulkTarget = { entryIds: string[] } | { filter: list.EntryFilter };

/** One reviewer's decision on the selected entries, or on all entries matching a filter. */
export async function decideEntries(actor: OrgActor, competitionId: string, target: BulkTarget, decision: ScreeningDecision, reason: string): Promise<DecisionSummary> {
	requireRole(actor, MANAGER_ROLES);
	if (decision === 'reject' && reason.trim() === '') throw new DomainError('reason_required', {}, 'reason');
	return db().begin(async (tx) => {
		const competition = await lockOpenCompetition(tx, actor, competitionId);
		const ids = 'entryIds' in target ? target.entryIds : await list.listMatchingEntryIds(tx, actor.organisation.id, competitionId, target.filter);
		return decideInTx(tx, actor, competition, ids, decision, reason);
	});
}

/**
 * The full ID numbers and phones of an entry's people, for an organiser who asks: each asking is
 * written to the audit log (with the masked numbers only), as PIPL expects.
 */
export async function revealPersonalNumbers(actor: OrgActor, entryId: string): Promise<{ position: number; name: string; idNumber: string; phone: string }[]> {
	requireRole(actor, MANAGER_ROLES);
	return db().begin(async (tx) => {
		const entry = await queries.getEntryDetail(tx, actor.organisation.id, entryId);
		if (!entry) throw new DomainError('not_found');
		const secrets = await queries.listMemberSecrets(tx, actor.organisation.id, entryId);
		await recordAudit(tx, actor, {
			action: 'entry.personal_numbers_viewed',
			subjectType: 'entry',
			subjectId: entryId,
			subjectLabel: `${entry.label}（${entry.eventName}）`,
			// In words, as the audit log shows it: "选手3 330523********0026 139****0003".
			after: { members: secrets.map((member) => `${member.name} ${member.idNumberMasked} ${maskPhone(member.phone)}`).join('；') }
		});
		return secrets.map((member) => ({ position: member.position, name: member.name, idNumber: decryptText(member.idNumberCipher), phone: member.phone }));
	});
}

export async function getScreeningReasons(actor: OrgActor): Promise<string[]> {
	requireRole(actor, MANAGER_ROLES);
	return queries.listScreeningReasons(db(), actor.organisation.id);
}

export async function saveScreeningReasons(actor: OrgActor, reasons: string[]): Promise<string[]> {
	requireRole(actor, MANAGER_ROLES);
	const cleaned = [...new Set(reasons.map((reason) => reason.trim()).filter((reason) => reason !== ''))];
	return db().begin(async (tx) => {
		const before = await queries.listScreeningReasons(tx, actor.organisation.id);
		await queries.replaceScreeningReasons(tx, actor.organisation.id, cleaned);
		await recordAudit(tx, actor, { action: 'screening.reasons_saved', subjectType: 'organisation', subjectId: actor.organisation.id, subjectLabel: actor.organisation.name, before: { reasons: before }, after: { reasons: cleaned } });
		return cleaned;
	});
}

/** Turns the two-person rule on or off; approvals already counted stay counted. */
export async function setTwoPersonRule(actor: OrgActor, competitionId: string, twoPerson: boolean): Promise<void> {
	requireRole(actor, MANAGER_ROLES);
	await db().begin(async (tx) => {
		const competition = await queries.getScreeningCompetition(tx, actor.organisation.id, competitionId, true);
		if (!competition) throw new DomainError('not_found');
		// Set before registration opens or changed during screening; afterwards the decisions stand as made.
		if (competition.status !== 'draft' && !isScreeningOpen(competition.status)) throw new DomainError('screening_closed');
		if (competition.screeningTwoPerson === twoPerson) return;
		await queries.setScreeningTwoPerson(tx, actor.organisation.id, competitionId, twoPerson);
		await recordAudit(tx, actor, { action: 'competition.screening_rule_changed', subjectType: 'competition', subjectId: competitionId, subjectLabel: competition.title, before: { twoPerson: competition.screeningTwoPerson }, after: { twoPerson } });
	});
}
