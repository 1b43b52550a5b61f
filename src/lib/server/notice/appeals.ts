import { m } from '$lib/paraglide/messages.js';
import { db, type Db } from '../db/client';
import { DomainError } from '../domain-error';
import type { Actor, OrgActor } from '../auth/actor';
import { MANAGER_ROLES, requireRole } from '../auth/roles';
import { recordAudit } from '../audit/audit-log';
import { describeRound, loadCompetition, loadRound } from '../competitions/guards';
import { listRoundsOfCompetition } from '../competitions/structure-queries';
import { appealDeadline, appealWindowState } from '$lib/domain/notice/windows';
import { diffPlacings, type PlacingChange } from '$lib/domain/notice/placing-diff';
import type { AppealDecisionBody, AppealInput } from '$lib/schemas/notice';
import { decideAppealRow, getAppeal, insertAppeal, linkRescoredVersion, listAppealWindows, listAppealsOfRounds, listOwnEntryRounds, updateAppealWindow, type AppealRow } from './appeal-queries';
import { isArbitrator, listArbitrators } from './arbitrator-queries';
import { insertNotifications } from './notification-queries';
import { computeResultVersion } from '../results/versions-service';
import { listVersionPlacings } from '../results/placing-queries';
import { listResultVersions } from '../results/version-queries';

/** An appeal in the audit log, in any language: the round and the entry's number (the action names it an appeal). */
const appealLabel = (roundLabel: string, number: number | null) => (number === null ? roundLabel : `${roundLabel} · ${number}`);

export interface AppealView extends AppealRow {
	roundLabel: string;
	/** What the re-score changed (empty until there is a new version). */
	changes: PlacingChange[];
}

async function withChanges(conn: Db, organisationId: string, appeals: AppealRow[], labels: Map<string, string>): Promise<AppealView[]> {
	const versionIds = appeals.flatMap((appeal) => (appeal.rescoredVersionId && appeal.resultVersionId ? [appeal.resultVersionId, appeal.rescoredVersionId] : []));
	const placings = await listVersionPlacings(conn, organisationId, [...new Set(versionIds)], false);
	const of = (versionId: string | null) => placings.filter((placing) => placing.resultVersionId === versionId);
	return appeals.map((appeal) => ({
		...appeal,
		roundLabel: labels.get(appeal.roundId) ?? '',
		changes: appeal.rescoredVersionId ? diffPlacings(of(appeal.resultVersionId), of(appeal.rescoredVersionId)) : []
	}));
}

/** The person's own entry's rounds; through an API token, only within the token's organisation. */
async function ownEntryRounds(actor: Actor | OrgActor, entryId: string) {
	const rounds = await listOwnEntryRounds(db(), actor.user.id, entryId);
	return 'organisation' in actor ? rounds.filter((round) => round.organisationId === actor.organisation.id) : rounds;
}

export interface OwnAppeals {
	competitionTitle: string;
	rounds: { roundId: string; roundLabel: string; number: number | null; deadline: Date | null; state: 'not_locked' | 'open' | 'closed' }[];
	appeals: AppealView[];
}

/** A contestant's (or team leader's) own entry: its rounds with their appeal windows, and the appeals they filed. */
export async function loadOwnAppeals(actor: Actor, entryId: string, now: Date): Promise<OwnAppeals> {
	const rounds = await ownEntryRounds(actor, entryId);
	if (rounds.length === 0) throw new DomainError('not_found');
	const organisationId = rounds[0]!.organisationId;
	const appeals = (await listAppealsOfRounds(db(), organisationId, rounds.map((round) => round.roundId), actor.user.id)).filter((appeal) => appeal.entryId === entryId);
	return {
		competitionTitle: rounds[0]!.competitionTitle,
		rounds: rounds.map((round) => ({
			roundId: round.roundId,
			roundLabel: round.roundLabel,
			number: round.number,
			deadline: appealDeadline(round.scoresLockedAt, round.appealWindowMinutes),
			state: appealWindowState(round.scoresLockedAt, round.appealWindowMinutes, now)
		})),
		appeals: await withChanges(db(), organisationId, appeals, new Map(rounds.map((round) => [round.roundId, round.roundLabel])))
	};
}

/** A contestant appeals (申诉) about their own entry within the round's appeal window; the arbitration group is told. */
export async function fileAppeal(actor: Actor, entryId: string, input: AppealInput, now: Date): Promise<{ id: string }> {
	const round = (await ownEntryRounds(actor, entryId)).find((candidate) => candidate.roundId === input.roundId);
	if (!round) throw new DomainError('not_found');
	if (round.finalisedAt) throw new DomainError('appeal_window_closed');
	const state = appealWindowState(round.scoresLockedAt, round.appealWindowMinutes, now);
	if (state === 'not_locked') throw new DomainError('appeal_window_not_open');
	if (state === 'closed') throw new DomainError('appeal_window_closed');
	return db().begin(async (tx) => {
		const id = await insertAppeal(tx, round.organisationId, { roundId: round.roundId, entryId, resultVersionId: round.publishedVersionId, filedBy: actor.user.id, body: input.body });
		await recordAudit(tx, actor, { action: 'appeal.filed', subjectType: 'appeal', subjectId: id, subjectLabel: appealLabel(round.roundLabel, round.number), after: { body: input.body } }, round.organisationId);
		const arbitrators = await listArbitrators(tx, round.organisationId, round.competitionId);
		await insertNotifications(tx, round.organisationId, arbitrators.map((row) => row.userId), 'appeal_filed', { round: round.roundLabel, number: round.number ?? '' }, `/orgs/${round.organisationSlug}/competitions/${round.competitionId}/appeals`);
		return { id };
	});
}

export interface CompetitionAppeals {
	competition: { id: string; title: string };
	isArbitrator: boolean;
	isManager: boolean;
	rounds: { roundId: string; label: string; appealWindowMinutes: number }[];
	appeals: AppealView[];
}

async function requireAppealReader(conn: Db, actor: OrgActor, competitionId: string): Promise<{ competition: { id: string; title: string }; isArbitrator: boolean; isManager: boolean }> {
	const competition = await loadCompetition(conn, actor, competitionId);
	const isManager = MANAGER_ROLES.includes(actor.role);
	const arbitrator = await isArbitrator(conn, actor.organisation.id, competitionId, actor.user.id);
	if (!isManager && !arbitrator) throw new DomainError('forbidden');
	return { competition: { id: competition.id, title: competition.title }, isArbitrator: arbitrator, isManager };
}

/** The appeals of a competition, for its organisers and its arbitration group. */
export async function listCompetitionAppeals(actor: OrgActor, competitionId: string): Promise<CompetitionAppeals> {
	const roles = await requireAppealReader(db(), actor, competitionId);
	const rounds = await listRoundsOfCompetition(db(), actor.organisation.id, competitionId);
	const labelled = await Promise.all(rounds.map(async (round) => ({ roundId: round.id, label: await describeRound(db(), actor, round), appealWindowMinutes: 0 })));
	const windows = await listAppealWindows(db(), actor.organisation.id, rounds.map((round) => round.id));
	for (const round of labelled) round.appealWindowMinutes = windows.find((row) => row.id === round.roundId)?.minutes ?? 120;
	const appeals = await listAppealsOfRounds(db(), actor.organisation.id, rounds.map((round) => round.id));
	return { ...roles, rounds: labelled, appeals: await withChanges(db(), actor.organisation.id, appeals, new Map(labelled.map((round) => [round.roundId, round.label]))) };
}

async function loadAppealOfCompetition(conn: Db, actor: OrgActor, competitionId: string, appealId: string, forUpdate = false): Promise<{ appeal: AppealRow; roundLabel: string }> {
	const appeal = await getAppeal(conn, actor.organisation.id, appealId, forUpdate);
	const round = appeal && (await loadRound(conn, actor, appeal.roundId));
	if (!appeal || !round || round.competitionId !== competitionId) throw new DomainError('not_found');
	return { appeal, roundLabel: await describeRound(conn, actor, round) };
}

/** The arbitration group (and only it) dismisses or upholds an appeal with a reason; the contestant is told. */
export async function decideAppeal(actor: OrgActor, competitionId: string, input: AppealDecisionBody & { appealId: string }): Promise<void> {
	await db().begin(async (tx) => {
		await loadCompetition(tx, actor, competitionId);
		if (!(await isArbitrator(tx, actor.organisation.id, competitionId, actor.user.id))) throw new DomainError('appeal_arbitrators_only');
		const { appeal, roundLabel } = await loadAppealOfCompetition(tx, actor, competitionId, input.appealId, true);
		if (appeal.status !== 'open') throw new DomainError('appeal_already_decided');
		await decideAppealRow(tx, actor.organisation.id, appeal.id, { status: input.decision, requiresRescore: input.requiresRescore, reason: input.reason, decidedBy: actor.user.id });
		await recordAudit(tx, actor, {
			action: `appeal.${input.decision}`,
			subjectType: 'appeal',
			subjectId: appeal.id,
			subjectLabel: appealLabel(roundLabel, appeal.number),
			before: { status: 'open' },
			after: { status: input.decision, requiresRescore: input.requiresRescore, reason: input.reason }
		});
		if (appeal.filedBy) {
			await insertNotifications(tx, actor.organisation.id, [appeal.filedBy], 'appeal_decided', { round: roundLabel, number: appeal.number ?? '', decision: input.decision }, `/my/entries/${appeal.entryId}/appeals`);
		}
	});
}

/**
 * After an upheld appeal that requires a re-score, the head judge or organiser corrects the rows with
 * the usual tools; the new result version (computed now with the decision's reason, or the one given)
 * is linked to the appeal, whose diff then shows what changed. Organisers only; audited; the contestant
 * and the arbitration group are told.
 */
export async function recordAppealRescore(actor: OrgActor, competitionId: string, appealId: string, versionId: string | undefined): Promise<void> {
	requireRole(actor, MANAGER_ROLES);
	const { appeal } = await loadAppealOfCompetition(db(), actor, competitionId, appealId);
	if (!appeal.requiresRescore) throw new DomainError('appeal_rescore_not_required');
	if (appeal.rescoredVersionId) throw new DomainError('appeal_already_rescored');
	const newVersionId = versionId ?? (await computeResultVersion(actor, appeal.roundId, { reason: m.notice_rescore_reason({ reason: appeal.decisionReason ?? '' }) })).id;
	await db().begin(async (tx) => {
		const { appeal: locked, roundLabel } = await loadAppealOfCompetition(tx, actor, competitionId, appealId, true);
		const version = (await listResultVersions(tx, actor.organisation.id, locked.roundId)).find((candidate) => candidate.id === newVersionId);
		if (!version || version.id === locked.resultVersionId) throw new DomainError('appeal_version_invalid', {}, 'versionId');
		if (!(await linkRescoredVersion(tx, actor.organisation.id, locked.id, version.id))) throw new DomainError('appeal_already_rescored');
		await recordAudit(tx, actor, {
			action: 'appeal.rescored',
			subjectType: 'appeal',
			subjectId: locked.id,
			subjectLabel: appealLabel(roundLabel, locked.number),
			after: { resultVersion: version.version }
		});
		const arbitrators = await listArbitrators(tx, actor.organisation.id, competitionId);
		const params = { round: roundLabel, number: locked.number ?? '', version: version.version };
		if (locked.filedBy) await insertNotifications(tx, actor.organisation.id, [locked.filedBy], 'appeal_rescored', params, `/my/entries/${locked.entryId}/appeals`);
		await insertNotifications(tx, actor.organisation.id, arbitrators.map((row) => row.userId), 'appeal_rescored', params, `/orgs/${actor.organisation.slug}/competitions/${competitionId}/appeals`);
	});
}

/** The organiser sets how long after the sign-off appeals may be filed (minutes; default 120), audited. */
export async function setAppealWindow(actor: OrgActor, roundId: string, minutes: number): Promise<void> {
	requireRole(actor, MANAGER_ROLES);
	await db().begin(async (tx) => {
		const round = await loadRound(tx, actor, roundId);
		const before = await updateAppealWindow(tx, actor.organisation.id, roundId, minutes);
		if (before === undefined) throw new DomainError('not_found');
		await recordAudit(tx, actor, { action: 'round.appeal_window_changed', subjectType: 'round', subjectId: roundId, subjectLabel: await describeRound(tx, actor, round), before: { minutes: before }, after: { minutes } });
	});
}
