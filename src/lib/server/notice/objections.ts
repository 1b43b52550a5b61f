import { createHmac } from 'node:crypto';
import { db } from '../db/client';
import { DomainError } from '../domain-error';
import type { OrgActor } from '../auth/actor';
import { requireRole, MANAGER_ROLES } from '../auth/roles';
import { recordAudit } from '../audit/audit-log';
import { loadCompetition } from '../competitions/guards';
import { decryptText, deriveKey, encryptText } from '../crypto/personal-data';
import { findPublicCompetitionBySlug } from '../registration/public-queries';
import { attachmentResponse } from '../registration/attachments';
import { noticePhase } from '$lib/domain/notice/windows';
import type { ObjectionInput } from '$lib/schemas/notice';
import { listPublishedRounds } from './published-queries';
import { answerObjectionRow, countObjectionsFromAddress, getObjection, insertObjection, listObjectionsOfRounds, type ObjectionRow } from './objection-queries';
import { readObjectionFile, removeObjectionFile, storeObjectionFile } from './objection-file';

/** At most this many objections from one address per hour, per organisation: enough for a person, not for a script. */
export const OBJECTIONS_PER_ADDRESS_PER_HOUR = 5;

function addressHash(ip: string | null): string {
	return createHmac('sha256', deriveKey('objector-address')).update(ip ?? 'unknown').digest('hex');
}

/**
 * Anyone lodges an objection (异议) to a round's published results while its notice window is open:
 * a name, a contact (stored encrypted), the text and optionally one file. Limited per address.
 */
export async function lodgeObjection(slug: string, input: ObjectionInput, file: File | null, ip: string | null, now: Date): Promise<{ id: string }> {
	const competition = await findPublicCompetitionBySlug(db(), slug);
	if (!competition) throw new DomainError('not_found');
	const organisationId = competition.organisationId;
	const round = (await listPublishedRounds(db(), organisationId, competition.id)).find((candidate) => candidate.roundId === input.roundId);
	if (!round) throw new DomainError('not_found');
	if (noticePhase({ startsAt: round.noticeStartsAt, endsAt: round.noticeEndsAt }, now) !== 'open') throw new DomainError('notice_not_open');
	const ipHash = addressHash(ip);
	const since = new Date(now.getTime() - 60 * 60 * 1000);
	if ((await countObjectionsFromAddress(db(), organisationId, ipHash, since)) >= OBJECTIONS_PER_ADDRESS_PER_HOUR) throw new DomainError('objection_rate_limited');
	const attachment = await storeObjectionFile(organisationId, file);
	try {
		const row = await insertObjection(db(), organisationId, {
			roundId: round.roundId,
			resultVersionId: round.publishedVersionId,
			objectorName: input.name,
			contactCipher: encryptText(input.contact, 'objector-contact'),
			body: input.body,
			attachment,
			ipHash
		});
		return { id: row.id };
	} catch (error) {
		if (attachment) await removeObjectionFile(attachment.key);
		throw error;
	}
}

export interface StaffObjection extends Omit<ObjectionRow, 'contactCipher' | 'attachmentKey'> {
	contact: string;
	hasAttachment: boolean;
	roundLabel: string;
}

/** The organisers' list of a competition's objections, with the contact decrypted (for them only). */
export async function listObjections(actor: OrgActor, competitionId: string): Promise<{ competition: { id: string; title: string; slug: string }; objections: StaffObjection[] }> {
	requireRole(actor, MANAGER_ROLES);
	const competition = await loadCompetition(db(), actor, competitionId);
	const rounds = await listPublishedRounds(db(), actor.organisation.id, competition.id);
	const labels = new Map(rounds.map((round) => [round.roundId, `${round.eventName} · ${round.roundName}`]));
	const rows = await listObjectionsOfRounds(db(), actor.organisation.id, [...labels.keys()]);
	const objections = rows.map(({ contactCipher, attachmentKey, ...row }) => ({
		...row,
		contact: decryptText(contactCipher, 'objector-contact'),
		hasAttachment: attachmentKey !== null,
		roundLabel: labels.get(row.roundId) ?? ''
	}));
	return { competition: { id: competition.id, title: competition.title, slug: competition.slug }, objections };
}

/** An organiser answers an objection (or corrects an answer), audited; the answer is public after the window. */
export async function answerObjection(actor: OrgActor, competitionId: string, objectionId: string, answer: string): Promise<void> {
	requireRole(actor, MANAGER_ROLES);
	await db().begin(async (tx) => {
		await loadCompetition(tx, actor, competitionId);
		const objection = await getObjection(tx, actor.organisation.id, objectionId, true);
		const round = objection && (await listPublishedRounds(tx, actor.organisation.id, competitionId)).find((candidate) => candidate.roundId === objection.roundId);
		if (!objection || !round) throw new DomainError('not_found');
		await answerObjectionRow(tx, actor.organisation.id, objectionId, answer, actor.user.id);
		await recordAudit(tx, actor, {
			action: objection.status === 'answered' ? 'objection.answer_changed' : 'objection.answered',
			subjectType: 'objection',
			subjectId: objectionId,
			subjectLabel: `${round.eventName} · ${round.roundName} · ${objection.objectorName}`,
			before: { status: objection.status, answer: objection.answer },
			after: { status: 'answered', answer }
		});
	});
}

/** An objection's file, for the organisers (sniffed type, never rendered in our origin). */
export async function openObjectionAttachment(actor: OrgActor, competitionId: string, objectionId: string): Promise<Response> {
	requireRole(actor, MANAGER_ROLES);
	await loadCompetition(db(), actor, competitionId);
	const objection = await getObjection(db(), actor.organisation.id, objectionId);
	const rounds = await listPublishedRounds(db(), actor.organisation.id, competitionId);
	if (!objection?.attachmentKey || !rounds.some((round) => round.roundId === objection.roundId)) throw new DomainError('not_found');
	const bytes = await readObjectionFile(objection.attachmentKey);
	return attachmentResponse({ row: { originalName: objection.attachmentName ?? 'objection', contentType: objection.attachmentType ?? 'application/octet-stream' } as never, bytes });
}
