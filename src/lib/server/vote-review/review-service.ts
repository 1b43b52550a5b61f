import { db } from '../db/client';
import { DomainError } from '../domain-error';
import type { OrgActor } from '../auth/actor';
import { MANAGER_ROLES } from '../auth/roles';
import { requireRole } from '../auth/roles';
import { recordAuditBatch } from '../audit/audit-log';
import type { VoidReasonClass } from '$lib/domain/vote-review';
import type { RestoreVotesInput, VoidVotesInput } from '$lib/schemas/vote-review';
import * as queries from './review-queries';
import type { FlagClusterRow } from './review-queries';
import { detectInRound, type DetectionReport } from './detection';
import { candidateLabel, roundLabel } from './labels';

/**
 * The organisers' review of a round's public votes: run detection now, the tallies per status, the
 * flagged clusters, voiding and restoring in bulk. Managers only; another organisation's round is
 * not_found. A vote is never deleted: voiding changes its status and records who, why and when.
 */

export async function loadReviewRound(actor: OrgActor, roundId: string): Promise<queries.ReviewRoundRow> {
	requireRole(actor, MANAGER_ROLES);
	const round = await queries.getReviewRound(db(), actor.organisation.id, roundId);
	if (!round) throw new DomainError('not_found');
	return round;
}

export async function runDetectionNow(actor: OrgActor, roundId: string): Promise<DetectionReport> {
	const round = await loadReviewRound(actor, roundId);
	const report = await db().begin((tx) => detectInRound(tx, actor.organisation.id, round, actor));
	if (!report.ran) throw new DomainError('vote_review_detection_running');
	return report;
}

export interface CandidateTally {
	entryId: string;
	number: number | null;
	name: string;
	accepted: number;
	flagged: number;
	voided: number;
}

/** Every candidate of the round with its votes per status (candidates without votes show zeros). */
export async function candidateTallies(actor: OrgActor, roundId: string): Promise<CandidateTally[]> {
	await loadReviewRound(actor, roundId);
	return talliesOf(actor.organisation.id, roundId);
}

export async function talliesOf(organisationId: string, roundId: string): Promise<CandidateTally[]> {
	const [candidates, tallies] = await Promise.all([queries.listCandidates(db(), organisationId, roundId), queries.tallyByStatus(db(), organisationId, roundId)]);
	const known = new Set(candidates.map((candidate) => candidate.entryId));
	const rows = [...candidates, ...tallies.filter((tally) => !known.has(tally.entryId)).map((tally) => ({ entryId: tally.entryId, number: null, name: '' }))];
	return rows.map((candidate) => {
		const tally = tallies.find((row) => row.entryId === candidate.entryId);
		return { ...candidate, accepted: tally?.accepted ?? 0, flagged: tally?.flagged ?? 0, voided: tally?.voided ?? 0 };
	});
}

/** A review-queue cluster with its candidate's number and name. */
export interface FlagCluster extends FlagClusterRow {
	number: number | null;
	name: string;
	candidate: string;
}

export async function flagClusters(actor: OrgActor, roundId: string): Promise<FlagCluster[]> {
	await loadReviewRound(actor, roundId);
	const [clusters, candidates] = await Promise.all([queries.listFlagClusters(db(), actor.organisation.id, roundId), queries.listCandidates(db(), actor.organisation.id, roundId)]);
	return clusters.map((cluster) => {
		const candidate = candidates.find((row) => row.entryId === cluster.entryId);
		return { ...cluster, number: candidate?.number ?? null, name: candidate?.name ?? '', candidate: candidateLabel(candidate, cluster.entryId) };
	});
}

export interface DecisionResult {
	changed: number;
	perCandidate: { entryId: string; fromStatus: string; votes: number }[];
}

function selectionOf(input: VoidVotesInput | RestoreVotesInput, defaultStatus: 'flagged' | 'voided'): queries.VoteSelection {
	if (input.voteIds) return { voteIds: input.voteIds };
	const cluster = input.cluster!;
	return { entryId: cluster.entryId, addressPrefixHash: cluster.addressPrefixHash, status: cluster.status ?? defaultStatus };
}

async function decide(actor: OrgActor, roundId: string, selection: queries.VoteSelection, decision: { status: 'accepted' | 'voided'; reasonClass: VoidReasonClass | null; reason: string }): Promise<DecisionResult> {
	const round = await loadReviewRound(actor, roundId);
	return db().begin(async (tx) => {
		const perCandidate = await queries.decideVotes(tx, actor.organisation.id, roundId, selection, { ...decision, decidedBy: actor.user.id });
		const candidates = await queries.listCandidates(tx, actor.organisation.id, roundId);
		const verb = decision.status === 'voided' ? `voided (${decision.reasonClass})` : 'restored to accepted';
		await recordAuditBatch(
			tx,
			actor,
			perCandidate.map((row) => ({
				action: decision.status === 'voided' ? 'vote.voided' : 'vote.restored',
				subjectType: 'round',
				subjectId: roundId,
				subjectLabel: `${roundLabel(round)} · ${verb} ${row.votes.toLocaleString('en')} ${row.fromStatus} votes for ${candidateLabel(candidates.find((candidate) => candidate.entryId === row.entryId), row.entryId)}: ${decision.reason}`,
				before: { status: row.fromStatus, votes: row.votes },
				after: { entryId: row.entryId, status: decision.status, reasonClass: decision.reasonClass, reason: decision.reason, votes: row.votes }
			}))
		);
		return { changed: perCandidate.reduce((sum, row) => sum + row.votes, 0), perCandidate };
	});
}

export function voidVotes(actor: OrgActor, roundId: string, input: VoidVotesInput): Promise<DecisionResult> {
	return decide(actor, roundId, selectionOf(input, 'flagged'), { status: 'voided', reasonClass: input.reasonClass, reason: input.reason });
}

export function restoreVotes(actor: OrgActor, roundId: string, input: RestoreVotesInput): Promise<DecisionResult> {
	return decide(actor, roundId, selectionOf(input, 'flagged'), { status: 'accepted', reasonClass: null, reason: input.reason });
}

export interface VoidedSummaryRow {
	entryId: string;
	number: number | null;
	name: string;
	voided: { reasonClass: string; votes: number }[];
}

/**
 * For the public vote page: voided votes per candidate and reason class, once the window has closed
 * (null before, and for a round without a voting policy). No actor: this is public data.
 */
export async function publicVoidedSummary(organisationId: string, roundId: string, now: Date): Promise<VoidedSummaryRow[] | null> {
	const round = await queries.getReviewRound(db(), organisationId, roundId);
	if (!round?.closesAt || round.closesAt > now) return null;
	const [candidates, voided] = await Promise.all([queries.listCandidates(db(), organisationId, roundId), queries.voidedByReasonClass(db(), organisationId, roundId)]);
	return candidates
		.map((candidate) => ({ ...candidate, voided: voided.filter((row) => row.entryId === candidate.entryId).map(({ reasonClass, votes }) => ({ reasonClass, votes })) }))
		.filter((row) => row.voided.length > 0);
}
