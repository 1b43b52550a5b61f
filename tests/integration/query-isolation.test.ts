import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { recordAudit } from '../../src/lib/server/audit/service';
import * as audit from '../../src/lib/server/audit/queries';
import * as tokens from '../../src/lib/server/auth/api-token-queries';
import { createApiToken } from '../../src/lib/server/auth/api-tokens';
import * as competitions from '../../src/lib/server/competitions/competition-queries';
import * as schemes from '../../src/lib/server/competitions/scheme-queries';
import * as structure from '../../src/lib/server/competitions/structure-queries';
import * as organisations from '../../src/lib/server/organisations/queries';
import * as invitations from '../../src/lib/server/organisations/invitation-queries';
import { inviteMember } from '../../src/lib/server/organisations/invitations';
import type { OrgActor } from '../../src/lib/server/auth/actor';
import { competitionFields, newCompetitionFromTemplate, TEXTILE_SCHEME } from '../fixtures/competitions';
import * as entryQueries from '../../src/lib/server/registration/entry-queries';
import * as attachmentQueries from '../../src/lib/server/registration/attachment-queries';
import * as publicQueries from '../../src/lib/server/registration/public-queries';
import * as settingsQueries from '../../src/lib/server/registration/settings-queries';
import { registerEntry } from '../../src/lib/server/registration/register';
import { idNumberHash } from '../../src/lib/server/crypto/personal-data';
import { entrant, individualSubmission } from '../fixtures/people';
import { joinOrg, newOrg } from '../fixtures/factories';

// The query functions themselves, below the services' checks: each is called with organisation A's
// id and organisation B's other ids, and must find nothing of B and change nothing of B. Dropping the
// organisation filter from any of them fails its case here.

interface Tenant {
	owner: OrgActor;
	organiser: OrgActor;
	competitionId: string;
	eventId: string;
	roundId: string;
	schemeVersionId: string;
	tokenId: string;
	invitationId: string;
	entryId: string;
	attachmentId: string;
}

/** Registration data of a tenant: an open competition, a file field, an entry, an attachment, a judge on a panel. */
async function seedRegistration(owner: OrgActor, competitionId: string, roundId: string, sequence: number): Promise<{ entryId: string; attachmentId: string }> {
	const organisationId = owner.organisation.id;
	await db()`update competition set status = 'registration' where organisation_id = ${organisationId} and id = ${competitionId}`;
	await settingsQueries.replaceRegistrationFields(db(), organisationId, competitionId, [{ key: 'photo', label: '照片', kind: 'file', options: [], required: false }]);
	const [event] = await entryQueries.listRegistrationEvents(db(), organisationId, competitionId);
	const entry = await db().begin((tx) => registerEntry(tx, owner, organisationId, competitionId, { source: 'import', registrantId: null, consentVersion: null }, individualSubmission(event!.id, sequence)));
	const attachment = await attachmentQueries.insertAttachment(db(), organisationId, {
		competitionId, fieldKey: 'photo', originalName: 'photo.png', contentType: 'image/png', sizeBytes: 1, sha256: '0'.repeat(64), storageKey: `${organisationId}/isolation.png`, uploadedBy: owner.user.id
	});
	const [judge] = await db()<{ id: string }[]>`insert into judge (organisation_id, competition_id, user_id, name) values (${organisationId}, ${competitionId}, ${owner.user.id}, '裁判') returning id`;
	await db()`insert into panel_member (organisation_id, round_id, judge_id, role) values (${organisationId}, ${roundId}, ${judge!.id}, 'judge')`;
	return { entryId: entry.id, attachmentId: attachment.id };
}

async function newTenant(): Promise<Tenant> {
	const owner = await newOrg();
	const organiser = await joinOrg(owner, 'organiser');
	const competition = await newCompetitionFromTemplate(owner, 'skills_contest');
	const organisationId = owner.organisation.id;
	const [event] = await structure.listEvents(db(), organisationId, competition.id);
	const [round] = await structure.listRoundsOfCompetition(db(), organisationId, competition.id);
	const version = await schemes.getLatestSchemeVersion(db(), organisationId, round!.id);
	const { id: tokenId } = await createApiToken(owner, '报名系统');
	const { id: invitationId } = await inviteMember(owner, { email: `invited-${organisationId}@example.test`, role: 'organiser' });
	await recordAudit(db(), owner, { action: 'score.changed', subjectType: 'score', subjectId: `secret-${organisationId}` });
	const registration = await seedRegistration(owner, competition.id, round!.id, Number.parseInt(organisationId.slice(0, 6), 16) % 400);
	return { owner, organiser, competitionId: competition.id, eventId: event!.id, roundId: round!.id, schemeVersionId: version!.id, tokenId, invitationId, ...registration };
}

/** Everything of B a query could leak or change, read as the owner sees it. */
async function snapshot(tenant: Tenant) {
	const id = tenant.owner.organisation.id;
	return {
		members: await organisations.listMembers(db(), id),
		tokens: await tokens.listApiTokens(db(), id),
		invitations: await invitations.listOpenInvitations(db(), id),
		competition: await competitions.getCompetition(db(), id, tenant.competitionId),
		events: await structure.listEvents(db(), id, tenant.competitionId),
		rounds: await structure.listRoundsOfCompetition(db(), id, tenant.competitionId),
		schemes: await schemes.listSchemeVersions(db(), id, tenant.roundId),
		registration: await settingsQueries.getRegistrationSettings(db(), id, tenant.competitionId),
		teamSizes: await settingsQueries.listTeamSizes(db(), id, tenant.competitionId),
		fields: await settingsQueries.listRegistrationFields(db(), id, tenant.competitionId),
		entries: await db()`select id, status, status_reason, team_name, unit, extra from entry where organisation_id = ${id} order by id`,
		entryMembers: await db()`select entry_id, position, name, active from entry_member where organisation_id = ${id} order by entry_id, position`,
		attachments: await db()`select id, entry_id, field_key from attachment where organisation_id = ${id} order by id`
	};
}

let a: Tenant;
let b: Tenant;
let bBefore: Awaited<ReturnType<typeof snapshot>>;
beforeAll(async () => {
	a = await newTenant();
	b = await newTenant();
	bBefore = await snapshot(b);
});

const A = () => a.owner.organisation.id;
const refused = (promise: Promise<unknown>) => expect(promise).rejects.toThrow(/foreign key/);

/** One case per exported query function that takes an organisation id, keyed "file:function". */
const cases: Record<string, () => Promise<void>> = {
	'audit/queries.ts:listAuditRows': async () => {
		const rows = await audit.listAuditRows(db(), A(), { limit: 1000 });
		expect(rows.map((row) => row.subjectId)).toContain(`secret-${A()}`);
		expect(rows.map((row) => row.subjectId)).not.toContain(`secret-${b.owner.organisation.id}`);
	},
	'audit/queries.ts:listAuditActions': async () => {
		await recordAudit(db(), b.owner, { action: 'vote.only_in_b', subjectType: 'vote' });
		expect(await audit.listAuditActions(db(), A())).not.toContain('vote.only_in_b');
	},
	'auth/api-token-queries.ts:insertApiToken': async () => {
		// The organisation is explicit; the token is A's, and B's list does not gain it.
		await tokens.insertApiToken(db(), { organisationId: A(), userId: a.owner.user.id, name: 'A 的令牌', role: 'owner', tokenHash: randomBytes(32).toString('hex'), tokenPrefix: 'jx_a' });
		expect((await tokens.listApiTokens(db(), b.owner.organisation.id)).map((token) => token.name)).not.toContain('A 的令牌');
	},
	'auth/api-token-queries.ts:getLiveApiTokenForUpdate': async () => {
		expect(await tokens.getLiveApiTokenForUpdate(db(), A(), b.tokenId)).toBeUndefined();
	},
	'auth/api-token-queries.ts:revokeMemberApiTokens': async () => {
		// B's owner made B's token; asked through A, keeping no role, nothing of B is revoked.
		expect(await tokens.revokeMemberApiTokens(db(), A(), b.owner.user.id, [], new Date())).toEqual([]);
	},
	'auth/api-token-queries.ts:listApiTokens': async () => {
		expect((await tokens.listApiTokens(db(), A())).map((token) => token.id)).not.toContain(b.tokenId);
	},
	'auth/api-token-queries.ts:revokeApiToken': async () => {
		expect(await tokens.revokeApiToken(db(), A(), b.tokenId, new Date())).toBe(false);
	},
	'organisations/invitation-queries.ts:insertInvitation': async () => {
		const expiresAt = new Date(Date.now() + 86_400_000);
		await invitations.insertInvitation(db(), { organisationId: A(), email: 'only-a@example.test', role: 'organiser', tokenHash: randomBytes(32).toString('hex'), invitedBy: a.owner.user.id, expiresAt });
		expect((await invitations.listOpenInvitations(db(), b.owner.organisation.id)).map((row) => row.email)).not.toContain('only-a@example.test');
	},
	'organisations/invitation-queries.ts:listOpenInvitations': async () => {
		expect((await invitations.listOpenInvitations(db(), A())).map((row) => row.id)).not.toContain(b.invitationId);
	},
	'organisations/invitation-queries.ts:revokeOpenInvitations': async () => {
		expect(await invitations.revokeOpenInvitations(db(), A(), { id: b.invitationId }, new Date())).toEqual([]);
		expect(await invitations.revokeOpenInvitations(db(), A(), { email: `invited-${b.owner.organisation.id}@example.test` }, new Date())).toEqual([]);
	},
	'organisations/invitation-queries.ts:markInvitationAccepted': async () => {
		await invitations.markInvitationAccepted(db(), A(), b.invitationId, a.owner.user.id, new Date());
	},
	'organisations/queries.ts:insertMembership': async () => {
		await organisations.insertMembership(db(), A(), b.organiser.user.id, 'organiser');
		expect(await organisations.hasMembership(db(), b.organiser.user.id, A())).toBe(true);
		await organisations.deleteMembership(db(), A(), b.organiser.user.id);
	},
	'organisations/queries.ts:listMembers': async () => {
		const members = await organisations.listMembers(db(), A());
		expect(members.map((member) => member.userId).sort()).toEqual([a.owner.user.id, a.organiser.user.id].sort());
	},
	'organisations/queries.ts:getMember': async () => {
		expect(await organisations.getMember(db(), A(), b.organiser.user.id)).toBeUndefined();
	},
	'organisations/queries.ts:updateMemberRole': async () => {
		await organisations.updateMemberRole(db(), A(), b.organiser.user.id, 'owner');
	},
	'organisations/queries.ts:deleteMembership': async () => {
		await organisations.deleteMembership(db(), A(), b.organiser.user.id);
	},
	'organisations/queries.ts:countOwnersForUpdate': async () => {
		expect(await organisations.countOwnersForUpdate(db(), A())).toBe(1);
	},
	'organisations/queries.ts:hasMembership': async () => {
		expect(await organisations.hasMembership(db(), b.owner.user.id, A())).toBe(false);
	},
	'competitions/competition-queries.ts:insertCompetition': async () => {
		const created = await competitions.insertCompetition(db(), A(), competitionFields({ title: '只属于 A' }));
		expect((await competitions.listCompetitions(db(), b.owner.organisation.id)).map((row) => row.id)).not.toContain(created.id);
	},
	'competitions/competition-queries.ts:listCompetitions': async () => {
		expect((await competitions.listCompetitions(db(), A())).map((row) => row.id)).not.toContain(b.competitionId);
	},
	'competitions/competition-queries.ts:getCompetition': async () => {
		expect(await competitions.getCompetition(db(), A(), b.competitionId)).toBeUndefined();
		expect(await competitions.getCompetition(db(), A(), b.competitionId, true)).toBeUndefined();
	},
	'competitions/competition-queries.ts:updateCompetition': async () => {
		expect(await competitions.updateCompetition(db(), A(), b.competitionId, { ...competitionFields(), title: '被 A 改了' })).toBeUndefined();
	},
	'competitions/competition-queries.ts:updateCompetitionStatus': async () => {
		await competitions.updateCompetitionStatus(db(), A(), b.competitionId, 'final');
	},
	'competitions/scheme-queries.ts:getLatestSchemeVersion': async () => {
		expect(await schemes.getLatestSchemeVersion(db(), A(), b.roundId)).toBeUndefined();
		expect(await schemes.getLatestSchemeVersion(db(), A(), b.roundId, true)).toBeUndefined();
	},
	'competitions/scheme-queries.ts:listSchemeVersions': async () => {
		expect(await schemes.listSchemeVersions(db(), A(), b.roundId)).toEqual([]);
	},
	'competitions/scheme-queries.ts:listLatestSchemes': async () => {
		expect(await schemes.listLatestSchemes(db(), A(), b.competitionId)).toEqual([]);
	},
	'competitions/scheme-queries.ts:insertSchemeVersion': async () => {
		await refused(schemes.insertSchemeVersion(db(), A(), { roundId: b.roundId, version: 99, scheme: TEXTILE_SCHEME, reason: 'A 写入 B', createdBy: a.owner.user.id }));
	},
	'competitions/scheme-queries.ts:replaceSchemeVersion': async () => {
		await schemes.replaceSchemeVersion(db(), A(), b.schemeVersionId, TEXTILE_SCHEME, a.owner.user.id);
	},
	'competitions/structure-queries.ts:insertEvent': async () => {
		await refused(structure.insertEvent(db(), A(), b.competitionId, { name: 'A 塞进 B', participation: 'individual', capacity: null }));
	},
	'competitions/structure-queries.ts:listEvents': async () => {
		expect(await structure.listEvents(db(), A(), b.competitionId)).toEqual([]);
	},
	'competitions/structure-queries.ts:getEvent': async () => {
		expect(await structure.getEvent(db(), A(), b.eventId)).toBeUndefined();
	},
	'competitions/structure-queries.ts:updateEvent': async () => {
		expect(await structure.updateEvent(db(), A(), b.eventId, { name: '被 A 改了', participation: 'team', capacity: 1 })).toBeUndefined();
	},
	'competitions/structure-queries.ts:deleteEvent': async () => {
		await structure.deleteEvent(db(), A(), b.eventId);
	},
	'competitions/structure-queries.ts:insertRound': async () => {
		await refused(structure.insertRound(db(), A(), b.eventId, { name: 'A 塞进 B', blind: false }));
	},
	'competitions/structure-queries.ts:listRoundsOfCompetition': async () => {
		expect(await structure.listRoundsOfCompetition(db(), A(), b.competitionId)).toEqual([]);
	},
	'competitions/structure-queries.ts:getRound': async () => {
		expect(await structure.getRound(db(), A(), b.roundId)).toBeUndefined();
	},
	'competitions/structure-queries.ts:updateRound': async () => {
		await structure.updateRound(db(), A(), b.roundId, { name: '被 A 改了', blind: true });
	},
	'competitions/structure-queries.ts:deleteRound': async () => {
		await structure.deleteRound(db(), A(), b.roundId);
	},
	// Registration (issue 14): the public page, attachments, the organiser's settings.
	'registration/public-queries.ts:countEntriesByStatus': async () => {
		expect(await publicQueries.countEntriesByStatus(db(), A(), b.competitionId)).toEqual({ submitted: 0, approved: 0, rejected: 0, waitlisted: 0, withdrawn: 0 });
	},
	'registration/attachment-queries.ts:insertAttachment': async () => {
		await refused(attachmentQueries.insertAttachment(db(), A(), { competitionId: b.competitionId, fieldKey: 'photo', originalName: 'a.png', contentType: 'image/png', sizeBytes: 1, sha256: '1'.repeat(64), storageKey: `${A()}/into-b.png`, uploadedBy: a.owner.user.id }));
	},
	'registration/attachment-queries.ts:getAttachment': async () => {
		expect(await attachmentQueries.getAttachment(db(), A(), b.attachmentId)).toBeUndefined();
	},
	'registration/attachment-queries.ts:listAttachmentNames': async () => {
		expect(await attachmentQueries.listAttachmentNames(db(), A(), [b.attachmentId], b.owner.user.id)).toEqual([]);
	},
	'registration/attachment-queries.ts:isJudgeOfCompetition': async () => {
		expect(await attachmentQueries.isJudgeOfCompetition(db(), b.owner.organisation.id, b.competitionId, b.owner.user.id)).toBe(true);
		expect(await attachmentQueries.isJudgeOfCompetition(db(), A(), b.competitionId, b.owner.user.id)).toBe(false);
	},
	'registration/attachment-queries.ts:findClaimableAttachments': async () => {
		expect(await attachmentQueries.findClaimableAttachments(db(), A(), b.competitionId, [b.attachmentId], null, null)).toEqual([]);
	},
	'registration/attachment-queries.ts:linkAttachments': async () => {
		await attachmentQueries.linkAttachments(db(), A(), a.entryId, [b.attachmentId]);
	},
	'registration/settings-queries.ts:getRegistrationSettings': async () => {
		expect(await settingsQueries.getRegistrationSettings(db(), A(), b.competitionId)).toBeUndefined();
		expect(await settingsQueries.getRegistrationSettings(db(), A(), b.competitionId, true)).toBeUndefined();
	},
	'registration/settings-queries.ts:updateRegistrationSettings': async () => {
		await settingsQueries.updateRegistrationSettings(db(), A(), b.competitionId, { registrationClosesAt: new Date(), allowMultipleEvents: false, privacyNotice: '被 A 改了', privacyNoticeVersion: 9, screeningTwoPerson: true });
	},
	'registration/settings-queries.ts:listTeamSizes': async () => {
		expect(await settingsQueries.listTeamSizes(db(), A(), b.competitionId)).toEqual([]);
	},
	'registration/settings-queries.ts:updateTeamSize': async () => {
		await settingsQueries.updateTeamSize(db(), A(), b.competitionId, { eventId: b.eventId, min: 7, max: 9 });
	},
	'registration/settings-queries.ts:listRegistrationFields': async () => {
		expect(await settingsQueries.listRegistrationFields(db(), A(), b.competitionId)).toEqual([]);
	},
	'registration/settings-queries.ts:replaceRegistrationFields': async () => {
		// Same key as B's field: the upsert must not reach B's row (the snapshot shows it unchanged); a new key is refused.
		await settingsQueries.replaceRegistrationFields(db(), A(), b.competitionId, [{ key: 'photo', label: '被 A 改了', kind: 'text', options: [], required: true }]);
		await refused(settingsQueries.replaceRegistrationFields(db(), A(), b.competitionId, [{ key: 'only_a', label: 'A 塞进 B', kind: 'text', options: [], required: false }]));
	},
	// The registration core's queries (if another branch adds these cases too, keep one of each).
	'registration/entry-queries.ts:lockRegistrationCompetition': async () => {
		expect(await entryQueries.lockRegistrationCompetition(db(), A(), b.competitionId)).toBeUndefined();
	},
	'registration/entry-queries.ts:listRegistrationEvents': async () => {
		expect(await entryQueries.listRegistrationEvents(db(), A(), b.competitionId)).toEqual([]);
	},
	'registration/entry-queries.ts:listExtraFieldDefinitions': async () => {
		expect(await entryQueries.listExtraFieldDefinitions(db(), A(), b.competitionId)).toEqual([]);
	},
	'registration/entry-queries.ts:findActiveMembers': async () => {
		const [member] = await db()<{ idNumberHash: string }[]>`select id_number_hash from entry_member where entry_id = ${b.entryId}`;
		expect(await entryQueries.findActiveMembers(db(), A(), b.competitionId, [member!.idNumberHash, idNumberHash(entrant(1).idNumber)])).toEqual([]);
	},
	'registration/entry-queries.ts:countPlaces': async () => {
		expect(await entryQueries.countPlaces(db(), A(), b.competitionId)).toEqual([]);
	},
	'registration/entry-queries.ts:insertEntries': async () => {
		await refused(entryQueries.insertEntries(db(), A(), b.competitionId, { registrantId: null, source: 'import', consentVersion: null }, [{ eventId: b.eventId, teamName: null, unit: '单位', status: 'submitted', extra: {}, members: [] }]));
	},
	'registration/entry-queries.ts:insertMembers': async () => {
		const member = { position: 5, name: 'A 塞进 B', gender: 'male' as const, idType: 'passport', idNumberCipher: 'x', idNumberHash: '2'.repeat(64), idNumberMasked: 'x', birthDate: null, phone: '13800000000', unit: '单位', trade: '', level: null };
		await refused(entryQueries.insertMembers(db(), A(), b.competitionId, [{ entryId: b.entryId, eventId: b.eventId, members: [member] }]));
	},
	'registration/entry-queries.ts:getEntrySummary': async () => {
		expect(await entryQueries.getEntrySummary(db(), A(), b.entryId)).toBeUndefined();
		expect(await entryQueries.getEntrySummary(db(), A(), b.entryId, true)).toBeUndefined();
	},
	'registration/entry-queries.ts:replaceEntryContent': async () => {
		await entryQueries.replaceEntryContent(db(), A(), b.entryId, { teamName: '被 A 改了', unit: '被 A 改了', extra: {} });
	},
	'registration/entry-queries.ts:setEntryStatus': async () => {
		await entryQueries.setEntryStatus(db(), A(), [b.entryId], 'withdrawn', '被 A 撤回');
	},
	'registration/entry-queries.ts:listWaitlisted': async () => {
		await db()`update entry set status = 'waitlisted' where id = ${a.entryId}`;
		expect(await entryQueries.listWaitlisted(db(), A(), b.eventId, 10)).toEqual([]);
		await db()`update entry set status = 'submitted' where id = ${a.entryId}`;
	},
	'registration/entry-queries.ts:listEntryPeople': async () => {
		expect(await entryQueries.listEntryPeople(db(), A(), b.entryId)).toEqual([]);
	}
};

/** Exported functions of every query module whose parameters name an organisation id. */
function queryFunctionsTakingAnOrganisation(): string[] {
	const root = path.resolve('src/lib/server');
	const found: string[] = [];
	for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
		if (!/(^|[/-])queries\.ts$/.test(file)) continue;
		const text = readFileSync(path.join(root, file), 'utf8');
		for (const match of text.matchAll(/export (?:async )?function (\w+)\s*\(([^)]*)\)/g)) {
			if (/organisationId/.test(match[2]!)) found.push(`${file.split(path.sep).join('/')}:${match[1]}`);
		}
	}
	return found.sort();
}

describe('query functions, given another organisation’s ids', () => {
	it('each one that takes an organisation id has a case here', () => {
		expect(Object.keys(cases).sort()).toEqual(queryFunctionsTakingAnOrganisation());
	});

	for (const [name, check] of Object.entries(cases)) {
		it(`${name} finds and changes nothing of the other organisation`, async () => {
			await check();
			expect(await snapshot(b)).toEqual(bBefore);
		});
	}
});
