import type { Db } from '../db/client';
import { recordAuditBatch, type AuditEntry } from '../audit/audit-log';
import type { Actor, OrgActor } from '../auth/actor';
import { describeFlagging, detectSuspiciousVotes, shouldFlag, summariseFlagging, type CandidateFlagging, type FlagReason } from '$lib/domain/vote-review';
import * as queries from './review-queries';
import { candidateLabel, roundLabel } from './labels';

export interface DetectionReport {
	/** False when another process held the round's detection lock (its run does the work). */
	ran: boolean;
	flagged: number;
	candidates: (CandidateFlagging & { label: string })[];
}

/** Who the periodic job acts as in the audit log (no person; the label says what it was). */
export const DETECTION_JOB_ACTOR: Actor = {
	user: { id: null, displayName: '刷票检测 burst detection', email: 'scheduled job' } as unknown as Actor['user'],
	ip: null,
	requestId: 'vote-review-job'
};

/**
 * One detection run over a round, in the caller's transaction: the aggregates from PostgreSQL, the
 * rules, then accepted → flagged for the votes the rules hold, and one readable audit row per candidate
 * plus one for the run. A transaction-scoped advisory lock keeps two processes (or the job and an
 * organiser's "run now") from flagging the same round at once.
 */
export async function detectInRound(tx: Db, organisationId: string, round: queries.ReviewRoundRow, who: Actor | OrgActor): Promise<DetectionReport> {
	const [lock] = await tx<{ locked: boolean }[]>`select pg_try_advisory_xact_lock(hashtext('vote-review'), hashtext(${round.id})) as locked`;
	if (!lock?.locked) return { ran: false, flagged: 0, candidates: [] };
	const [minutes, clusters] = await Promise.all([queries.voteMinuteCounts(tx, organisationId, round.id), queries.voteClusterHours(tx, organisationId, round.id)]);
	const { selectors } = detectSuspiciousVotes({ minutes, clusters });
	const selected = await queries.listSelectedVotes(tx, organisationId, round.id, selectors);
	const held = selected.filter((vote) => shouldFlag(vote.reasons as FlagReason[]));
	const flagged = await queries.flagVotes(tx, organisationId, round.id, held);
	const candidates = await queries.listCandidates(tx, organisationId, round.id);
	const summaries = summariseFlagging(flagged).map((summary) => ({ ...summary, label: candidateLabel(candidates.find((candidate) => candidate.entryId === summary.entryId), summary.entryId) }));
	const entries: AuditEntry[] = summaries.map((summary) => ({
		action: 'vote.flagged',
		subjectType: 'round',
		subjectId: round.id,
		subjectLabel: `${roundLabel(round)} · ${describeFlagging(summary, summary.label)}`,
		after: { entryId: summary.entryId, votes: summary.votes, reasons: summary.reasons, addressPrefixes: summary.addressPrefixes, userAgents: summary.userAgents }
	}));
	entries.push({
		action: 'vote.detection_run',
		subjectType: 'round',
		subjectId: round.id,
		subjectLabel: `${roundLabel(round)} · burst detection flagged ${flagged.length.toLocaleString('en')} votes for ${summaries.length} candidates`,
		after: { flagged: flagged.length, candidates: summaries.length, rulesFired: selectors.length }
	});
	await recordAuditBatch(tx, who, entries, organisationId);
	return { ran: true, flagged: flagged.length, candidates: summaries };
}
