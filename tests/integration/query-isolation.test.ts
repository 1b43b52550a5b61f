import { randomBytes, randomUUID } from 'node:crypto';
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
import * as draws from '../../src/lib/server/draw/draw-queries';
import * as organisations from '../../src/lib/server/organisations/queries';
import * as invitations from '../../src/lib/server/organisations/invitation-queries';
import { inviteMember } from '../../src/lib/server/organisations/invitations';
import type { OrgActor } from '../../src/lib/server/auth/actor';
import * as judges from '../../src/lib/server/judging/judge-queries';
import * as panels from '../../src/lib/server/judging/panel-queries';
import * as conflicts from '../../src/lib/server/judging/conflict-queries';
import * as judgeAccess from '../../src/lib/server/judging/access-queries';
import { addJudge } from '../../src/lib/server/judging/judges-service';
import { savePanel } from '../../src/lib/server/judging/panels-service';
import { declareConflict } from '../../src/lib/server/judging/conflicts-service';
import { inviteJudge, issueSignInCode } from '../../src/lib/server/judging/access-service';
import { distinctivePerson, insertEntry } from '../fixtures/judge-entries';
import { competitionFields, newCompetition, newCompetitionFromTemplate, seedStatus, TEXTILE_SCHEME } from '../fixtures/competitions';
import { joinOrg, newOrg } from '../fixtures/factories';
import { competitionWithEntries, seedApprovedEntries } from '../fixtures/entries';
import * as importQueries from '../../src/lib/server/registration/import-queries';
import { addEvent } from '../../src/lib/server/competitions/structure-service';
import * as entryQueries from '../../src/lib/server/registration/entry-queries';
import * as attachmentQueries from '../../src/lib/server/registration/attachment-queries';
import * as settingsQueries from '../../src/lib/server/registration/settings-queries';
import { registerEntries, registerEntry } from '../../src/lib/server/registration/register';
import { idNumberHash } from '../../src/lib/server/crypto/personal-data';
import { entrant, individualSubmission } from '../fixtures/people';
import * as entryList from '../../src/lib/server/screening/entry-list-queries';
import * as screening from '../../src/lib/server/screening/screening-queries';
import { decideEntry, saveScreeningReasons } from '../../src/lib/server/screening/screening-service';
import { seedSheets, sheetIsolationCases, sheetSnapshot, type SheetTenant } from '../fixtures/sheet-isolation';
import { voteIsolationCases } from '../fixtures/vote-isolation';
import { resultIsolationCases } from '../fixtures/result-isolation';
import * as entered from '../../src/lib/server/entered/entered-queries';
import * as paper from '../../src/lib/server/paper/paper-queries';
import * as board from '../../src/lib/server/live/board-queries';
import * as storedScoring from '../../src/lib/server/results/round-input-queries';
import * as roundControl from '../../src/lib/server/round-control/queries';
import * as devices from '../../src/lib/server/round-control/device-queries';
import * as voteReview from '../../src/lib/server/vote-review/review-queries';
import { insertVotes } from '../fixtures/votes';

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
	entryIds: string[];
	/** Draw stage 1 (run) and stage 2 (committed only) of the round; the organiser is its encryption judge. */
	drawRunId: string;
	drawCommittedId: string;
	judgeId: string;
	entryId: string;
	conflictId: string;
	signInCodeId: string;
	judgeInvitationId: string;
	/** Registration: an entry registered through the core, and an attachment. */
	registeredEntryId: string;
	attachmentId: string;
	/** Live judging: a sheet, its operation, a device and an absence of the round's judge. */
	sheets: SheetTenant;
}

/** Registration data of a tenant: an open competition, a file field, an entry, an attachment, a judge on a panel. */
async function seedRegistration(owner: OrgActor, competitionId: string, roundId: string, sequence: number): Promise<{ registeredEntryId: string; attachmentId: string }> {
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
	return { registeredEntryId: entry.id, attachmentId: attachment.id };
}

/** What the panel enters beside the sheets (issue 15, panel part): one of each row, for B to keep. */
async function seedPanelDesk(owner: OrgActor, roundId: string, entryId: string, judgeId: string): Promise<void> {
	const organisationId = owner.organisation.id;
	await entered.upsertEnteredValues(db(), organisationId, roundId, [{ entryId, componentKey: 'theory', value: 8750 }], { source: 'import', recordedBy: owner.user.id, confirmedBy: null });
	await entered.saveKeying(db(), organisationId, roundId, entryId, 'entered:theory', owner.user.id, 9000);
	await entered.upsertDeductionCounts(db(), organisationId, roundId, [{ entryId, componentKey: 'practical', itemKey: 'defect', count: 2 }], owner.user.id);
	await entered.saveFinishTimes(db(), organisationId, roundId, [{ entryId, finishedAt: new Date('2026-05-01T02:00:00Z') }], owner.user.id);
	await paper.savePaperSheet(db(), organisationId, { roundId, entryId, judgeId, componentKey: 'practical' }, { scores: { process: 1500 }, deductions: { defect: 1 } });
}

/** Two approved entries, numbered by a run stage 1, and a committed stage 2. */
async function seedDraw(owner: OrgActor, organiser: OrgActor, competitionId: string, eventId: string, roundId: string) {
	const organisationId = owner.organisation.id;
	const entryIds = (await seedApprovedEntries(db(), { organisationId, competitionId, eventId, count: 2 })).map((entry) => entry.id).sort();
	const [judge] = await db()<{ id: string }[]>`insert into judge (organisation_id, competition_id, user_id, name) values (${organisationId}, ${competitionId}, ${organiser.user.id}, '加密裁判') returning id`;
	await db()`insert into panel_member (organisation_id, round_id, judge_id, role) values (${organisationId}, ${roundId}, ${judge!.id}, 'encryption')`;
	const draw = { roundId, seedHash: 'a'.repeat(64), seedCipher: 'sealed', entryIds, entriesDigest: 'b'.repeat(64), stationLabels: [], committedBy: owner.user.id };
	await draws.insertDraw(db(), organisationId, { ...draw, stage: 1 });
	await draws.insertDraw(db(), organisationId, { ...draw, stage: 2 });
	const [run, committed] = await draws.listDrawsOfRound(db(), organisationId, roundId);
	const places = entryIds.map((entryId, index) => ({ entryId, value: index + 1 }));
	await draws.applyDrawResult(db(), organisationId, roundId, 1, places);
	await draws.markDrawRun(db(), organisationId, run!.id, places, owner.user.id);
	return { entryIds, drawRunId: run!.id, drawCommittedId: committed!.id };
}

const judgeFields = { name: '裁判', unit: '一厂', phone: '', specialty: '', email: null };

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
	const judge = await addJudge(owner, competition.id, judgeFields);
	const entry = await insertEntry(owner, { competitionId: competition.id, eventId: event!.id, roundId: round!.id }, distinctivePerson(), 99);
	await savePanel(owner, round!.id, [{ judgeId: judge.id, role: 'head' }]);
	const [conflict] = await declareConflict(owner, round!.id, { judgeId: judge.id, entryId: entry.id, kind: 'relative', note: '' });
	await issueSignInCode(owner, judge.id, 'http://localhost');
	await inviteJudge(owner, judge.id);
	const [code] = await db()<{ id: string }[]>`select id from judge_sign_in_code where judge_id = ${judge.id}`;
	const [judgeInvitation] = await db()<{ id: string }[]>`select id from judge_invitation where judge_id = ${judge.id}`;
	// After the panel is saved (it replaces the panel): the draw's encryption judge, registration's judge.
	const drawn = await seedDraw(owner, organiser, competition.id, event!.id, round!.id);
	const registration = await seedRegistration(owner, competition.id, round!.id, Number.parseInt(organisationId.slice(0, 6), 16) % 400);
	const sheetRows = await seedSheets(owner, { roundId: round!.id, judgeId: judge.id, entryId: entry.id });
	await seedPanelDesk(owner, round!.id, entry.id, judge.id);
	return {
		sheets: sheetRows,
		owner,
		organiser,
		competitionId: competition.id,
		eventId: event!.id,
		roundId: round!.id,
		schemeVersionId: version!.id,
		tokenId,
		invitationId,
		judgeId: judge.id,
		entryId: entry.id,
		conflictId: conflict!.id!,
		signInCodeId: code!.id,
		judgeInvitationId: judgeInvitation!.id,
		...drawn,
		...registration
	};
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
		draws: await draws.listDrawsOfRound(db(), id, tenant.roundId),
		drawNumbers: await draws.listDecodingRows(db(), id, tenant.roundId),
		judges: await judges.listJudges(db(), id, tenant.competitionId),
		panel: await panels.listPanel(db(), id, tenant.roundId),
		conflicts: await conflicts.listDeclaredConflictsOfRound(db(), id, tenant.roundId),
		roundEntries: await conflicts.listRoundEntries(db(), id, tenant.roundId),
		signInCodes: await db()`select id, expires_at, used_at from judge_sign_in_code where organisation_id = ${id} order by id`,
		judgeInvitations: await db()`select id, accepted_at, accepted_by from judge_invitation where organisation_id = ${id} order by id`,
		entries: await db()`select entry.id, entry.status, status_reason, screening_two_person from entry join competition c on c.id = entry.competition_id where entry.organisation_id = ${id} order by entry.id`,
		decisions: await db()`select id, decision, counted from screening_decision where organisation_id = ${id} order by id`,
		reasons: await db()`select text from screening_reason where organisation_id = ${id} order by position`,
		registration: await settingsQueries.getRegistrationSettings(db(), id, tenant.competitionId),
		teamSizes: await settingsQueries.listTeamSizes(db(), id, tenant.competitionId),
		fields: await settingsQueries.listRegistrationFields(db(), id, tenant.competitionId),
		registeredEntries: await db()`select id, status, status_reason, team_name, unit, extra from entry where organisation_id = ${id} order by id`,
		entryMembers: await db()`select entry_id, position, name, active from entry_member where organisation_id = ${id} order by entry_id, position`,
		attachments: await db()`select id, entry_id, field_key from attachment where organisation_id = ${id} order by id`,
		...(await sheetSnapshot(id)),
		enteredValues: await db()`select entry_id, component_key, value, source from entered_value where organisation_id = ${id} order by entry_id`,
		keyings: await db()`select entry_id, target, typed, keyed_by from entered_value_keying where organisation_id = ${id} order by id`,
		deductionCounts: await db()`select entry_id, component_key, item_key, count from deduction_count where organisation_id = ${id} order by entry_id`,
		finishTimes: await db()`select entry_id, finished_at from finish_time where organisation_id = ${id} order by entry_id`,
		signOff: await db()`select id, scores_locked_at, signed_off_by from round where organisation_id = ${id} order by id`,
		votes: await db()`select id, status, flags, reason_class, reason, decided_by from vote where organisation_id = ${id} order by id`
	};
}

/** A competition in registration with one entry that has one decision, and a preset reason. */
async function newScreening(tenant: Tenant) {
	const { competition, entries } = await competitionWithEntries(tenant.owner, { count: 1, from: tenant === a ? 1 : 2 });
	await decideEntry(tenant.owner, entries[0]!.id, 'approve', '');
	await saveScreeningReasons(tenant.owner, ['材料不全']);
	return { competitionId: competition.id, entryId: entries[0]!.id };
}

let a: Tenant;
let b: Tenant;
let aScreening: Awaited<ReturnType<typeof newScreening>>;
let bScreening: Awaited<ReturnType<typeof newScreening>>;
let bBefore: Awaited<ReturnType<typeof snapshot>>;
beforeAll(async () => {
	a = await newTenant();
	b = await newTenant();
	aScreening = await newScreening(a);
	bScreening = await newScreening(b);
	// Made before B's snapshot, which lists every entry of B's.
	await bEntry();
	await seedVotesOfB();
	bDeviceId = (await db()<{ id: string }[]>`select id from judge_device where organisation_id = ${b.owner.organisation.id}`)[0]!.id;
	bBefore = await snapshot(b);
});

const A = () => a.owner.organisation.id;

/** B's tablet (seeded by seedSheets). */
let bDeviceId: string;
const sheetOfB = () => ({ roundId: b.roundId, entryId: b.entryId, judgeId: b.judgeId, componentKey: 'practical' });

/** An entry of B's, in a competition of its own (B's snapshot stays as it was). */
let entryOfB: Promise<{ competitionId: string; entryId: string }> | undefined;
function bEntry() {
	entryOfB ??= (async () => {
		const competition = await newCompetition(b.owner);
		const event = await addEvent(b.owner, competition.id, { name: '钳工', participation: 'individual', capacity: null });
		await seedStatus(b.owner, competition.id, 'registration');
		const [row] = await db().begin((tx) => registerEntries(tx, b.owner, b.owner.organisation.id, competition.id, { source: 'import', registrantId: null, consentVersion: null }, [individualSubmission(event.id, 7)]));
		return { competitionId: competition.id, entryId: row!.id };
	})();
	return entryOfB;
}
const refused = (promise: Promise<unknown>) => expect(promise).rejects.toThrow(/foreign key/);

/** B's public votes (issue 16): a script's even cluster from one prefix, so detection over A would flag them if it saw them. */
let bVoteIds: string[] = [];
async function seedVotesOfB() {
	const from = Date.UTC(2026, 4, 2, 6);
	const times = Array.from({ length: 60 }, (_, index) => new Date(from + index * 4000));
	bVoteIds = await insertVotes({ organisationId: b.owner.organisation.id, roundId: b.roundId, entryId: b.entryId, times, addressPrefixHash: 'b-prefix', userAgentHash: 'b-agent' });
	await db()`update vote set status = 'flagged', flags = '{address_cluster}' where id = any(${bVoteIds.slice(0, 20)}::uuid[])`;
	await db()`update vote set status = 'voided', reason_class = 'bot' where id = any(${bVoteIds.slice(20, 30)}::uuid[])`;
}

/** One case per exported query function that takes an organisation id, keyed "file:function". */
const cases: Record<string, () => Promise<void>> = {
	// The organisers' review of public votes (issue 16, rigging part)
	'vote-review/review-queries.ts:getReviewRound': async () => {
		expect(await voteReview.getReviewRound(db(), A(), b.roundId)).toBeUndefined();
	},
	'vote-review/review-queries.ts:listCandidates': async () => {
		expect(await voteReview.listCandidates(db(), A(), b.roundId)).toEqual([]);
	},
	'vote-review/review-queries.ts:voteMinuteCounts': async () => {
		expect(await voteReview.voteMinuteCounts(db(), A(), b.roundId)).toEqual([]);
	},
	'vote-review/review-queries.ts:voteClusterHours': async () => {
		expect(await voteReview.voteClusterHours(db(), A(), b.roundId)).toEqual([]);
	},
	'vote-review/review-queries.ts:listSelectedVotes': async () => {
		const selector = { entryId: b.entryId, match: { kind: 'any' as const }, from: 0, to: Date.UTC(2100, 0), reason: 'burst' as const };
		expect(await voteReview.listSelectedVotes(db(), A(), b.roundId, [selector])).toEqual([]);
	},
	'vote-review/review-queries.ts:flagVotes': async () => {
		expect(await voteReview.flagVotes(db(), A(), b.roundId, bVoteIds.map((id) => ({ id, reasons: ['address_cluster'] })))).toEqual([]);
	},
	'vote-review/review-queries.ts:tallyByStatus': async () => {
		expect(await voteReview.tallyByStatus(db(), A(), b.roundId)).toEqual([]);
	},
	'vote-review/review-queries.ts:voidedByReasonClass': async () => {
		expect(await voteReview.voidedByReasonClass(db(), A(), b.roundId)).toEqual([]);
	},
	'vote-review/review-queries.ts:voteTimeline': async () => {
		expect(await voteReview.voteTimeline(db(), A(), b.roundId, 60)).toEqual([]);
	},
	'vote-review/review-queries.ts:voteSpan': async () => {
		expect(await voteReview.voteSpan(db(), A(), b.roundId)).toEqual({ first: null, last: null });
	},
	'vote-review/review-queries.ts:listFlagClusters': async () => {
		expect(await voteReview.listFlagClusters(db(), A(), b.roundId)).toEqual([]);
	},
	'vote-review/review-queries.ts:decideVotes': async () => {
		const decision = { status: 'voided' as const, reasonClass: 'bot', reason: '越权', decidedBy: a.owner.user.id };
		expect(await voteReview.decideVotes(db(), A(), b.roundId, { voteIds: bVoteIds }, decision)).toEqual([]);
		expect(await voteReview.decideVotes(db(), A(), b.roundId, { entryId: b.entryId, addressPrefixHash: 'b-prefix', status: 'flagged' }, decision)).toEqual([]);
		expect(await voteReview.decideVotes(db(), b.owner.organisation.id, a.roundId, { voteIds: bVoteIds }, { ...decision, status: 'accepted' })).toEqual([]);
	},
	'vote-review/review-queries.ts:listVotesForExport': async () => {
		expect(await voteReview.listVotesForExport(db(), A(), b.roundId)).toEqual([]);
	},
	// Entered components and the paper fallback (issue 15, panel part)
	'entered/entered-queries.ts:getEnteredRound': async () => {
		expect(await entered.getEnteredRound(db(), A(), b.roundId)).toBeUndefined();
		expect(await entered.getEnteredRound(db(), A(), b.roundId, true)).toBeUndefined();
	},
	'entered/entered-queries.ts:isHeadJudge': async () => {
		await db()`update judge set user_id = ${a.owner.user.id} where id = ${b.judgeId}`;
		try {
			expect(await entered.isHeadJudge(db(), A(), b.roundId, a.owner.user.id)).toBe(false);
			expect(await entered.isHeadJudge(db(), b.owner.organisation.id, b.roundId, a.owner.user.id)).toBe(true);
		} finally {
			await db()`update judge set user_id = null where id = ${b.judgeId}`;
		}
	},
	'entered/entered-queries.ts:listNumberedEntries': async () => {
		expect(await entered.listNumberedEntries(db(), A(), b.roundId)).toEqual([]);
	},
	'entered/entered-queries.ts:listEnteredValues': async () => {
		expect(await entered.listEnteredValues(db(), A(), b.roundId)).toEqual([]);
	},
	'entered/entered-queries.ts:upsertEnteredValues': async () => {
		// B's value for the same cell is there: the upsert must neither take it over nor fail open.
		await entered.upsertEnteredValues(db(), A(), b.roundId, [{ entryId: b.entryId, componentKey: 'theory', value: 1 }], { source: 'api', recordedBy: a.owner.user.id, confirmedBy: null });
		await refused(entered.upsertEnteredValues(db(), A(), b.roundId, [{ entryId: b.entryId, componentKey: 'other', value: 1 }], { source: 'api', recordedBy: a.owner.user.id, confirmedBy: null }));
	},
	'entered/entered-queries.ts:listKeyings': async () => {
		expect(await entered.listKeyings(db(), A(), b.roundId, 'entered:')).toEqual([]);
	},
	'entered/entered-queries.ts:lockKeyingsOf': async () => {
		expect(await entered.lockKeyingsOf(db(), A(), b.roundId, b.entryId, 'entered:theory')).toEqual([]);
	},
	'entered/entered-queries.ts:saveKeying': async () => {
		await refused(entered.saveKeying(db(), A(), b.roundId, b.entryId, 'entered:theory', a.owner.user.id, 1));
		await entered.saveKeying(db(), A(), b.roundId, b.entryId, 'entered:theory', b.owner.user.id, 1);
	},
	'entered/entered-queries.ts:clearKeyings': async () => {
		await entered.clearKeyings(db(), A(), b.roundId, b.entryId, 'entered:theory');
	},
	'entered/entered-queries.ts:clearKeyingsOfCells': async () => {
		expect(await entered.clearKeyingsOfCells(db(), A(), b.roundId, [{ entryId: b.entryId, target: 'entered:theory' }])).toEqual([]);
	},
	'entered/entered-queries.ts:listDeductionCounts': async () => {
		expect(await entered.listDeductionCounts(db(), A(), b.roundId)).toEqual([]);
	},
	'entered/entered-queries.ts:upsertDeductionCounts': async () => {
		await entered.upsertDeductionCounts(db(), A(), b.roundId, [{ entryId: b.entryId, componentKey: 'practical', itemKey: 'defect', count: 9 }], a.owner.user.id);
		await refused(entered.upsertDeductionCounts(db(), A(), b.roundId, [{ entryId: b.entryId, componentKey: 'practical', itemKey: 'other', count: 9 }], a.owner.user.id));
	},
	'entered/entered-queries.ts:listJudgeTallies': async () => {
		expect(await entered.listJudgeTallies(db(), A(), b.roundId)).toEqual([]);
	},
	'entered/entered-queries.ts:listFinishTimes': async () => {
		expect(await entered.listFinishTimes(db(), A(), b.roundId)).toEqual([]);
	},
	'entered/entered-queries.ts:saveFinishTimes': async () => {
		await entered.saveFinishTimes(db(), A(), b.roundId, [{ entryId: b.entryId, finishedAt: null }], a.owner.user.id);
		await entered.saveFinishTimes(db(), A(), b.roundId, [{ entryId: b.entryId, finishedAt: new Date() }], a.owner.user.id);
	},
	'paper/paper-queries.ts:lockScoreSheet': async () => {
		expect(await paper.lockScoreSheet(db(), A(), { roundId: b.roundId, entryId: b.entryId, judgeId: b.judgeId, componentKey: 'practical' })).toBeUndefined();
	},
	'paper/paper-queries.ts:savePaperSheet': async () => {
		expect(await paper.savePaperSheet(db(), A(), { roundId: b.roundId, entryId: b.entryId, judgeId: b.judgeId, componentKey: 'practical' }, { scores: { process: 1 }, deductions: {} })).toBeUndefined();
		await refused(paper.savePaperSheet(db(), A(), { roundId: b.roundId, entryId: b.entryId, judgeId: b.judgeId, componentKey: 'other' }, { scores: { process: 1 }, deductions: {} }));
	},
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
	'draw/draw-queries.ts:listDrawsOfRound': async () => {
		expect(await draws.listDrawsOfRound(db(), A(), b.roundId)).toEqual([]);
	},
	'draw/draw-queries.ts:getDrawRound': async () => {
		expect(await draws.getDrawRound(db(), A(), b.roundId)).toBeUndefined();
		expect(await draws.getDrawRound(db(), A(), b.roundId, true)).toBeUndefined();
	},
	'draw/draw-queries.ts:listDrawRoundsOfCompetition': async () => {
		expect(await draws.listDrawRoundsOfCompetition(db(), A(), b.competitionId)).toEqual([]);
	},
	'draw/draw-queries.ts:isEncryptionJudge': async () => {
		expect(await draws.isEncryptionJudge(db(), b.owner.organisation.id, b.roundId, b.organiser.user.id)).toBe(true);
		expect(await draws.isEncryptionJudge(db(), A(), b.roundId, b.organiser.user.id)).toBe(false);
	},
	'draw/draw-queries.ts:listEntriesToDraw': async () => {
		for (const stage of [1, 2, 3] as const) {
			expect(await draws.listEntriesToDraw(db(), A(), { id: b.roundId, eventId: b.eventId, position: 1 }, stage)).toEqual([]);
			expect(await draws.listEntriesToDraw(db(), A(), { id: b.roundId, eventId: b.eventId, position: 2 }, stage)).toEqual([]);
		}
	},
	'draw/draw-queries.ts:insertDraw': async () => {
		await refused(draws.insertDraw(db(), A(), { roundId: b.roundId, stage: 3, seedHash: 'c'.repeat(64), seedCipher: 'x', entryIds: [], entriesDigest: 'd'.repeat(64), stationLabels: [], committedBy: a.owner.user.id }));
	},
	'draw/draw-queries.ts:markDrawRun': async () => {
		await draws.markDrawRun(db(), A(), b.drawCommittedId, [{ entryId: b.entryIds[0]!, value: 9 }], a.owner.user.id);
	},
	'draw/draw-queries.ts:markDrawRevealed': async () => {
		await draws.markDrawRevealed(db(), A(), b.drawRunId, 'e'.repeat(64), a.owner.user.id);
	},
	'draw/draw-queries.ts:applyDrawResult': async () => {
		const places = b.entryIds.map((entryId, index) => ({ entryId, value: 50 + index, station: 'Z9' }));
		for (const stage of [1, 2, 3] as const) await draws.applyDrawResult(db(), A(), b.roundId, stage, places);
	},
	'draw/draw-queries.ts:listRoundNumbers': async () => {
		expect(await draws.listRoundNumbers(db(), A(), b.roundId)).toEqual([]);
	},
	'draw/draw-queries.ts:listDecodingRows': async () => {
		expect(await draws.listDecodingRows(db(), A(), b.roundId)).toEqual([]);
	},
	'competitions/structure-queries.ts:deleteRound': async () => {
		await structure.deleteRound(db(), A(), b.roundId);
	},
	'judging/judge-queries.ts:insertJudge': async () => {
		await refused(judges.insertJudge(db(), A(), b.competitionId, judgeFields));
	},
	'judging/judge-queries.ts:listJudges': async () => {
		expect(await judges.listJudges(db(), A(), b.competitionId)).toEqual([]);
	},
	'judging/judge-queries.ts:getJudge': async () => {
		expect(await judges.getJudge(db(), A(), b.judgeId)).toBeUndefined();
		expect(await judges.getJudge(db(), A(), b.judgeId, true)).toBeUndefined();
	},
	'judging/judge-queries.ts:updateJudge': async () => {
		expect(await judges.updateJudge(db(), A(), b.judgeId, { ...judgeFields, name: '被 A 改了' })).toBeUndefined();
	},
	'judging/judge-queries.ts:deleteJudge': async () => {
		expect(await judges.deleteJudge(db(), A(), b.judgeId)).toBe(false);
	},
	'judging/judge-queries.ts:linkJudgeUser': async () => {
		expect(await judges.linkJudgeUser(db(), A(), b.judgeId, a.owner.user.id)).toBe(false);
	},
	'judging/panel-queries.ts:listPanel': async () => {
		expect(await panels.listPanel(db(), A(), b.roundId)).toEqual([]);
	},
	'judging/panel-queries.ts:replacePanel': async () => {
		await refused(panels.replacePanel(db(), A(), b.roundId, [{ judgeId: b.judgeId, role: 'judge' }]));
		await panels.replacePanel(db(), A(), b.roundId, []);
	},
	'judging/panel-queries.ts:countPanelsOfCompetition': async () => {
		expect(await panels.countPanelsOfCompetition(db(), A(), b.competitionId)).toEqual([]);
	},
	'judging/conflict-queries.ts:listDeclaredConflictsOfRound': async () => {
		expect(await conflicts.listDeclaredConflictsOfRound(db(), A(), b.roundId)).toEqual([]);
	},
	'judging/conflict-queries.ts:insertConflict': async () => {
		await refused(conflicts.insertConflict(db(), A(), { judgeId: b.judgeId, entryId: b.entryId, kind: 'other', note: '', declaredBy: a.owner.user.id }));
	},
	'judging/conflict-queries.ts:getConflict': async () => {
		expect(await conflicts.getConflict(db(), A(), b.conflictId)).toBeUndefined();
	},
	'judging/conflict-queries.ts:deleteConflict': async () => {
		expect(await conflicts.deleteConflict(db(), A(), b.conflictId)).toBe(false);
	},
	'judging/conflict-queries.ts:listRoundEntries': async () => {
		expect(await conflicts.listRoundEntries(db(), A(), b.roundId)).toEqual([]);
	},
	'judging/conflict-queries.ts:getScoringFacts': async () => {
		expect(await conflicts.getScoringFacts(db(), A(), { roundId: b.roundId, judgeId: b.judgeId, entryId: b.entryId })).toEqual({ roles: [], judgeUnit: null, entryUnits: null, declared: false });
	},
	'judging/access-queries.ts:insertSignInCode': async () => {
		await refused(judgeAccess.insertSignInCode(db(), A(), { judgeId: b.judgeId, codeHash: randomBytes(32).toString('hex'), createdBy: a.owner.user.id, expiresAt: new Date() }));
	},
	'judging/access-queries.ts:retireSignInCodes': async () => {
		await judgeAccess.retireSignInCodes(db(), A(), b.judgeId, new Date(0));
	},
	'judging/access-queries.ts:markSignInCodeUsed': async () => {
		await judgeAccess.markSignInCodeUsed(db(), A(), b.signInCodeId, new Date());
	},
	'judging/access-queries.ts:insertJudgeInvitation': async () => {
		await refused(judgeAccess.insertJudgeInvitation(db(), A(), { judgeId: b.judgeId, tokenHash: randomBytes(32).toString('hex'), createdBy: a.owner.user.id, expiresAt: new Date() }));
	},
	'judging/access-queries.ts:markJudgeInvitationAccepted': async () => {
		await judgeAccess.markJudgeInvitationAccepted(db(), A(), b.judgeInvitationId, a.owner.user.id, new Date());
	},
	'registration/import-queries.ts:listEntriesForComparison': async () => {
		const { competitionId, entryId } = await bEntry();
		expect(await importQueries.listEntriesForComparison(db(), b.owner.organisation.id, competitionId, [entryId])).toHaveLength(1);
		expect(await importQueries.listEntriesForComparison(db(), A(), competitionId, [entryId])).toEqual([]);
	},
	'registration/import-queries.ts:listEntriesForExport': async () => {
		const { competitionId } = await bEntry();
		expect(await importQueries.listEntriesForExport(db(), b.owner.organisation.id, competitionId, { masked: false })).toHaveLength(1);
		expect(await importQueries.listEntriesForExport(db(), A(), competitionId, { masked: false })).toEqual([]);
	},
	// Screening
	'screening/entry-list-queries.ts:listEntriesPage': async () => {
		expect(await entryList.listEntriesPage(db(), A(), bScreening.competitionId, {}, { limit: 50, offset: 0 })).toEqual([]);
		expect((await entryList.listEntriesPage(db(), A(), aScreening.competitionId, {}, { limit: 50, offset: 0 })).map((row) => row.id)).toEqual([aScreening.entryId]);
	},
	'screening/entry-list-queries.ts:countMatchingEntries': async () => {
		expect(await entryList.countMatchingEntries(db(), A(), bScreening.competitionId, {})).toBe(0);
	},
	'screening/entry-list-queries.ts:listMatchingEntryIds': async () => {
		expect(await entryList.listMatchingEntryIds(db(), A(), bScreening.competitionId, {})).toEqual([]);
	},
	'screening/entry-list-queries.ts:listMembersOfEntries': async () => {
		expect(await entryList.listMembersOfEntries(db(), A(), [bScreening.entryId])).toEqual([]);
	},
	'screening/entry-list-queries.ts:listEntryUnits': async () => {
		expect(await entryList.listEntryUnits(db(), A(), bScreening.competitionId)).toEqual([]);
	},
	'screening/entry-list-queries.ts:countEntriesByStatus': async () => {
		expect(await entryList.countEntriesByStatus(db(), A(), bScreening.competitionId)).toEqual({});
	},
	'screening/entry-list-queries.ts:competitionEntryCount': async () => {
		expect(await entryList.competitionEntryCount(db(), A(), bScreening.competitionId)).toBe(0);
	},
	'screening/screening-queries.ts:getScreeningCompetition': async () => {
		expect(await screening.getScreeningCompetition(db(), A(), bScreening.competitionId, true)).toBeUndefined();
	},
	'screening/screening-queries.ts:setScreeningTwoPerson': async () => {
		await screening.setScreeningTwoPerson(db(), A(), bScreening.competitionId, true);
	},
	'screening/screening-queries.ts:listEntriesForDecision': async () => {
		expect(await screening.listEntriesForDecision(db(), A(), [bScreening.entryId])).toEqual([]);
	},
	'screening/screening-queries.ts:getEntryDetail': async () => {
		expect(await screening.getEntryDetail(db(), A(), bScreening.entryId)).toBeUndefined();
	},
	'screening/screening-queries.ts:listEntryAttachments': async () => {
		expect(await screening.listEntryAttachments(db(), A(), bScreening.entryId)).toEqual([]);
	},
	'screening/screening-queries.ts:listDecisions': async () => {
		expect(await screening.listDecisions(db(), A(), [bScreening.entryId])).toEqual([]);
	},
	'screening/screening-queries.ts:insertDecisions': async () => {
		await refused(screening.insertDecisions(db(), A(), [{ entryId: bScreening.entryId, decision: 'reject', reason: 'A 写入 B' }], { id: a.owner.user.id, label: 'A' }));
	},
	'screening/screening-queries.ts:uncountDecisions': async () => {
		await screening.uncountDecisions(db(), A(), [bScreening.entryId]);
	},
	'screening/screening-queries.ts:listMemberSecrets': async () => {
		expect(await screening.listMemberSecrets(db(), A(), bScreening.entryId)).toEqual([]);
	},
	'screening/screening-queries.ts:listScreeningReasons': async () => {
		expect(await screening.listScreeningReasons(db(), A())).toEqual(['材料不全']);
	},
	'screening/screening-queries.ts:replaceScreeningReasons': async () => {
		await screening.replaceScreeningReasons(db(), A(), ['只属于 A']);
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
		await attachmentQueries.linkAttachments(db(), A(), a.registeredEntryId, [b.attachmentId]);
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
		const [member] = await db()<{ idNumberHash: string }[]>`select id_number_hash from entry_member where entry_id = ${b.registeredEntryId}`;
		expect(await entryQueries.findActiveMembers(db(), A(), b.competitionId, [member!.idNumberHash, idNumberHash(entrant(1).idNumber)])).toEqual([]);
		// Without hashes: every active member, still only the organisation's own.
		expect(await entryQueries.findActiveMembers(db(), b.owner.organisation.id, b.competitionId)).not.toEqual([]);
		expect(await entryQueries.findActiveMembers(db(), A(), b.competitionId)).toEqual([]);
	},
	// Live judging: the head judge's and the organiser's control of a round (issue 15).
	'results/round-input-queries.ts:listStoredScoringRows': async () => {
		expect(await storedScoring.listStoredScoringRows(db(), A(), b.roundId)).toEqual({ sheets: [], absences: [], deductionCounts: [], enteredValues: [], finishTimes: [] });
	},
	'round-control/queries.ts:getControlledRound': async () => {
		expect(await roundControl.getControlledRound(db(), A(), b.roundId)).toBeUndefined();
		expect(await roundControl.getControlledRound(db(), A(), b.roundId, true)).toBeUndefined();
	},
	'round-control/queries.ts:listRoundSheets': async () => {
		expect(await roundControl.listRoundSheets(db(), A(), b.roundId)).toEqual([]);
	},
	'round-control/queries.ts:getSheetForUpdate': async () => {
		expect(await roundControl.getSheetForUpdate(db(), A(), sheetOfB())).toBeUndefined();
	},
	'round-control/queries.ts:setSheetStatus': async () => {
		const [sheet] = await db()<{ id: string }[]>`select id from score_sheet where organisation_id = ${b.owner.organisation.id}`;
		expect(await roundControl.setSheetStatus(db(), A(), sheet!.id, 'returned', '被 A 退回')).toBeUndefined();
	},
	'round-control/queries.ts:lockRoundSheets': async () => {
		expect(await roundControl.lockRoundSheets(db(), A(), b.roundId)).toEqual([]);
	},
	'round-control/queries.ts:markRoundSignedOff': async () => {
		expect(await roundControl.markRoundSignedOff(db(), A(), b.roundId, a.owner.user.id)).toBe(false);
	},
	'round-control/queries.ts:withdrawRoundSignOff': async () => {
		expect(await roundControl.withdrawRoundSignOff(db(), A(), b.roundId)).toBe(false);
	},
	'round-control/queries.ts:listAbsences': async () => {
		expect(await roundControl.listAbsences(db(), A(), b.roundId)).toEqual([]);
	},
	'round-control/queries.ts:insertAbsence': async () => {
		// B's own absence for the pair is left as it is; a new one in B's round is refused by the foreign keys.
		expect(await roundControl.insertAbsence(db(), A(), { roundId: b.roundId, entryId: b.entryId, judgeId: b.judgeId, reason: 'A 塞进 B', recordedBy: a.owner.user.id })).toBe(false);
		await refused(roundControl.insertAbsence(db(), A(), { roundId: b.roundId, entryId: b.registeredEntryId, judgeId: b.judgeId, reason: 'A 塞进 B', recordedBy: a.owner.user.id }));
	},
	'round-control/queries.ts:deleteAbsence': async () => {
		expect(await roundControl.deleteAbsence(db(), A(), sheetOfB())).toBeUndefined();
	},
	'round-control/device-queries.ts:listPanelDevices': async () => {
		expect(await devices.listPanelDevices(db(), A(), b.roundId)).toEqual([]);
	},
	'round-control/device-queries.ts:getDeviceForUpdate': async () => {
		expect(await devices.getDeviceForUpdate(db(), A(), bDeviceId)).toBeUndefined();
	},
	'round-control/device-queries.ts:listRoundsOfDevice': async () => {
		expect(await devices.listRoundsOfDevice(db(), A(), bDeviceId)).toEqual([]);
	},
	'round-control/device-queries.ts:markDeviceRevoked': async () => {
		await devices.markDeviceRevoked(db(), A(), bDeviceId, a.owner.user.id);
	},
	'registration/entry-queries.ts:countPlaces': async () => {
		expect(await entryQueries.countPlaces(db(), A(), b.competitionId)).toEqual([]);
	},
	'registration/entry-queries.ts:insertEntries': async () => {
		await refused(entryQueries.insertEntries(db(), A(), b.competitionId, { registrantId: null, source: 'import', consentVersion: null }, [{ id: randomUUID(), eventId: b.eventId, teamName: null, unit: '单位', status: 'submitted', extra: {}, members: [] }]));
	},
	'registration/entry-queries.ts:insertMembers': async () => {
		const member = { position: 5, name: 'A 塞进 B', gender: 'male' as const, idType: 'passport', idNumberCipher: 'x', idNumberHash: '2'.repeat(64), idNumberMasked: 'x', birthDate: null, phone: '13800000000', unit: '单位', trade: '', level: null };
		await refused(entryQueries.insertMembers(db(), A(), b.competitionId, [{ entryId: b.registeredEntryId, eventId: b.eventId, members: [member] }]));
	},
	'registration/entry-queries.ts:getEntrySummary': async () => {
		expect(await entryQueries.getEntrySummary(db(), A(), b.registeredEntryId)).toBeUndefined();
		expect(await entryQueries.getEntrySummary(db(), A(), b.registeredEntryId, true)).toBeUndefined();
	},
	'registration/entry-queries.ts:replaceEntryContent': async () => {
		await entryQueries.replaceEntryContent(db(), A(), b.registeredEntryId, { teamName: '被 A 改了', unit: '被 A 改了', extra: {} });
	},
	'registration/entry-queries.ts:setEntryStatus': async () => {
		await entryQueries.setEntryStatus(db(), A(), [b.registeredEntryId], 'withdrawn', '被 A 撤回');
	},
	'registration/entry-queries.ts:listWaitlisted': async () => {
		await db()`update entry set status = 'waitlisted' where id = ${a.registeredEntryId}`;
		expect(await entryQueries.listWaitlisted(db(), A(), b.eventId, 10)).toEqual([]);
		await db()`update entry set status = 'submitted' where id = ${a.registeredEntryId}`;
	},
	'registration/entry-queries.ts:listEntryPeople': async () => {
		expect(await entryQueries.listEntryPeople(db(), A(), b.registeredEntryId)).toEqual([]);
	},
	...sheetIsolationCases(() => ({ a: a.sheets, b: b.sheets })),
	// Public voting, the voter's side (issue 16, vote part)
	...voteIsolationCases(),
	...resultIsolationCases(),
	// The live board (issue 15)
	'live/board-queries.ts:getBoardCompetition': async () => {
		expect(await board.getBoardCompetition(db(), A(), b.competitionId)).toBeUndefined();
	},
	'live/board-queries.ts:listBoardRounds': async () => {
		expect(await board.listBoardRounds(db(), b.owner.organisation.id, b.competitionId)).not.toEqual([]);
		expect(await board.listBoardRounds(db(), A(), b.competitionId)).toEqual([]);
	},
	'live/board-queries.ts:listBoardEntries': async () => {
		expect(await board.listBoardEntries(db(), b.owner.organisation.id, [b.roundId])).not.toEqual([]);
		expect(await board.listBoardEntries(db(), A(), [b.roundId])).toEqual([]);
	},
	'live/board-queries.ts:listScoringSeats': async () => {
		expect(await board.listScoringSeats(db(), b.owner.organisation.id, [b.roundId])).not.toEqual([]);
		expect(await board.listScoringSeats(db(), A(), [b.roundId])).toEqual([]);
	},
	// B's submitted sheet and absence come from seedLiveJudging.
	'live/board-queries.ts:listReceivedSheets': async () => {
		expect(await board.listReceivedSheets(db(), b.owner.organisation.id, [b.roundId])).not.toEqual([]);
		expect(await board.listReceivedSheets(db(), A(), [b.roundId])).toEqual([]);
	},
	'live/board-queries.ts:listAbsences': async () => {
		expect(await board.listAbsences(db(), b.owner.organisation.id, [b.roundId])).not.toEqual([]);
		expect(await board.listAbsences(db(), A(), [b.roundId])).toEqual([]);
	},
	'live/board-queries.ts:setBoardShowsStandings': async () => {
		expect(await board.setBoardShowsStandings(db(), A(), b.roundId, true)).toBe(false);
		const [round] = await db()<{ boardShowsStandings: boolean }[]>`select board_shows_standings from round where id = ${b.roundId}`;
		expect(round!.boardShowsStandings).toBe(false);
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
