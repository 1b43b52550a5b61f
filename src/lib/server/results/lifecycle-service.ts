import { m } from '$lib/paraglide/messages.js';
import { db, type Tx } from '../db/client';
import { DomainError } from '../domain-error';
import { recordAudit } from '../audit/audit-log';
import { listRoundEntries } from '../judging/conflict-queries';
import { requireResultsManager, type RoundControl } from './access';
import { assertNothingOpen } from './finalise-guards';
import * as queries from './version-queries';

// A round's results from review to final (issue 17): special awards by hand, reveal (blind until
// then), publication on notice (公示) with its window, and finalising once the window has closed.

const DAY_MS = 24 * 60 * 60 * 1000;

const roundLabel = (round: { eventName: string; name: string }) => `${round.eventName} · ${round.name}`;

/** Locks the round's row and refuses once its results are final. */
async function lockOpenRound(tx: Tx, control: RoundControl): Promise<queries.RoundResultsState> {
	const round = await queries.getRoundResultsState(tx, control.organisationId, control.round.id, true);
	if (!round) throw new DomainError('not_found');
	if (round.finalVersionId) throw new DomainError('results_final');
	return round;
}

export function listAwards(control: RoundControl): Promise<queries.SpecialAwardRow[]> {
	return queries.listSpecialAwards(db(), control.organisationId, control.round.id);
}

/** A special award (e.g. 工匠特别奖) given by hand with a reason; it is in the next computed version. */
export async function addSpecialAward(control: RoundControl, award: { entryId: string; title: string; reason: string }): Promise<{ id: string }> {
	requireResultsManager(control);
	return db().begin(async (tx) => {
		const round = await lockOpenRound(tx, control);
		const entry = (await listRoundEntries(tx, control.organisationId, round.id)).find((candidate) => candidate.entryId === award.entryId);
		if (!entry) throw new DomainError('results_entry_unknown', {}, 'entryId');
		const inserted = await queries.insertSpecialAward(tx, control.organisationId, { roundId: round.id, ...award, createdBy: control.actor.user.id });
		if (!inserted) throw new DomainError('special_award_exists', {}, 'entryId');
		const number = entry.markingNumber ?? entry.number;
		await recordAudit(
			tx,
			control.actor,
			{
				action: 'results.special_award_added',
				subjectType: 'special_award',
				subjectId: inserted.id,
				subjectLabel: `${roundLabel(round)} · ${number === null ? m.headjudge_entry_unnumbered() : m.headjudge_entry_number({ number })}`,
				after: { title: award.title, reason: award.reason, number }
			},
			control.organisationId
		);
		return inserted;
	});
}

/** Withdraws a special award with a reason; the next computed version no longer carries it. */
export async function removeSpecialAward(control: RoundControl, removal: { awardId: string; reason: string }): Promise<void> {
	requireResultsManager(control);
	await db().begin(async (tx) => {
		const round = await lockOpenRound(tx, control);
		const removed = await queries.deleteSpecialAward(tx, control.organisationId, round.id, removal.awardId);
		if (!removed) throw new DomainError('not_found');
		await recordAudit(
			tx,
			control.actor,
			{ action: 'results.special_award_removed', subjectType: 'special_award', subjectId: removal.awardId, subjectLabel: roundLabel(round), before: { title: removed.title }, after: { reason: removal.reason } },
			control.organisationId
		);
	});
}

/** Decodes numbers to names in the results (blind until now): only after the head judge's sign-off. */
export async function revealResults(control: RoundControl): Promise<{ revealedAt: Date }> {
	requireResultsManager(control);
	return db().begin(async (tx) => {
		const round = await lockOpenRound(tx, control);
		if (!round.scoresLockedAt) throw new DomainError('round_not_signed_off');
		if (round.resultsRevealedAt) throw new DomainError('results_already_revealed');
		const revealedAt = new Date();
		await queries.updateRoundResults(tx, control.organisationId, round.id, { resultsRevealedAt: revealedAt });
		await recordAudit(tx, control.actor, { action: 'results.revealed', subjectType: 'round', subjectId: round.id, subjectLabel: roundLabel(round), after: { revealedAt } }, control.organisationId);
		return { revealedAt };
	});
}

export interface PublishRequest {
	/** The version to publish; the latest when not given. */
	versionId?: string | undefined;
	/** When the notice (公示) starts; now when not given. */
	startsAt?: Date | undefined;
	/** The notice lasts this many days from its start… */
	days?: number | undefined;
	/** …or ends at this moment. */
	endsAt?: Date | undefined;
}

/**
 * Puts a version on public notice (公示) with its window. Needs a computed version and revealed
 * results; publishing again (a re-score after an appeal) replaces the version and the window.
 */
export async function publishResults(control: RoundControl, request: PublishRequest): Promise<{ versionId: string; version: number; noticeStartsAt: Date; noticeEndsAt: Date }> {
	requireResultsManager(control);
	return db().begin(async (tx) => {
		const round = await lockOpenRound(tx, control);
		if (!round.resultsRevealedAt) throw new DomainError('results_not_revealed');
		const version = await queries.getResultVersion(tx, control.organisationId, round.id, request.versionId);
		if (!version) throw request.versionId ? new DomainError('not_found', {}, 'versionId') : new DomainError('results_not_computed');
		const noticeStartsAt = request.startsAt ?? new Date();
		const noticeEndsAt = request.endsAt ?? new Date(noticeStartsAt.getTime() + (request.days ?? 0) * DAY_MS);
		if (!(noticeEndsAt.getTime() > noticeStartsAt.getTime())) throw new DomainError('results_notice_window_invalid', {}, request.endsAt ? 'endsAt' : 'days');
		await queries.updateRoundResults(tx, control.organisationId, round.id, { publishedVersionId: version.id, noticeStartsAt, noticeEndsAt });
		await recordAudit(
			tx,
			control.actor,
			{
				action: 'results.published',
				subjectType: 'round',
				subjectId: round.id,
				subjectLabel: `${roundLabel(round)} · v${version.version}`,
				before: round.publishedVersionId ? { publishedVersionId: round.publishedVersionId, noticeStartsAt: round.noticeStartsAt, noticeEndsAt: round.noticeEndsAt } : undefined,
				after: { version: version.version, noticeStartsAt, noticeEndsAt }
			},
			control.organisationId
		);
		return { versionId: version.id, version: version.version, noticeStartsAt, noticeEndsAt };
	});
}

/**
 * Makes the published version final once its notice window has ended with nothing open
 * (assertNothingOpen): the database then refuses any change to it. Refused while a newer version
 * waits to be published (a re-score not yet on notice).
 */
export async function finaliseResults(control: RoundControl, now: Date = new Date()): Promise<{ versionId: string; finalisedAt: Date }> {
	requireResultsManager(control);
	return db().begin(async (tx) => {
		const round = await lockOpenRound(tx, control);
		if (!round.publishedVersionId || !round.noticeEndsAt) throw new DomainError('results_not_published');
		if (round.noticeEndsAt.getTime() > now.getTime()) throw new DomainError('results_notice_open', { endsAt: round.noticeEndsAt.toISOString() });
		const latest = await queries.getResultVersion(tx, control.organisationId, round.id);
		if (latest && latest.id !== round.publishedVersionId) throw new DomainError('results_newer_version', { version: latest.version });
		await assertNothingOpen(tx, control.organisationId, round.id);
		const finalisedAt = new Date();
		await queries.updateRoundResults(tx, control.organisationId, round.id, { finalVersionId: round.publishedVersionId, finalisedAt, finalisedBy: control.actor.user.id });
		await recordAudit(
			tx,
			control.actor,
			{ action: 'results.finalised', subjectType: 'round', subjectId: round.id, subjectLabel: roundLabel(round), after: { finalVersionId: round.publishedVersionId, finalisedAt } },
			control.organisationId
		);
		return { versionId: round.publishedVersionId, finalisedAt };
	});
}
