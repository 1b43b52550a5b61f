import { applyDecision, approvalsNeeded, isScreeningOpen, type DecisionOutcome, type ScreeningDecision } from '$lib/domain/screening/decisions';
import { HOLDS_A_PLACE } from '$lib/domain/registration/places';
import type { Tx } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { DomainError, type DomainErrorCode } from '../domain-error';
import { actorLabel, type OrgActor } from '../auth/actor';
import { recordAuditBatch, type AuditEntry } from '../audit/audit-log';
import { setEntryStatus } from '../registration/entry-queries';
import { promoteFromWaitlist } from '../registration/places';
import { countPlaces, listRegistrationEvents } from '../registration/entry-queries';
import * as queries from './screening-queries';

/** What stops a decision on one entry: the domain's rules, or a full event for a reconsidered rejection. */
type Problem = Extract<DecisionOutcome, { ok: false }>['problem'] | 'event_full';

export interface DecisionSummary {
	approved: string[];
	/** Approvals recorded that still wait for a second, different reviewer. */
	awaitingSecondApproval: string[];
	rejected: string[];
	skipped: { entryId: string; problem: Problem | 'not_found' }[];
}

const PROBLEM_ERRORS: Record<Problem, DomainErrorCode> = {
	already_decided: 'screening_already_decided',
	same_reviewer: 'screening_same_reviewer',
	reason_required: 'reason_required',
	not_screenable: 'screening_not_screenable',
	event_full: 'screening_event_full'
};

export function problemError(problem: Problem | 'not_found'): DomainError {
	if (problem === 'not_found') return new DomainError('not_found');
	return new DomainError(PROBLEM_ERRORS[problem], {}, problem === 'reason_required' ? 'reason' : undefined);
}

/** The competition, locked, if screening is open; 404 for another organisation's, 409 once screening is over. */
export async function lockOpenCompetition(tx: Tx, actor: OrgActor, competitionId: string): Promise<queries.ScreeningCompetition> {
	const competition = await queries.getScreeningCompetition(tx, actor.organisation.id, competitionId, true);
	if (!competition) throw new DomainError('not_found');
	if (!isScreeningOpen(competition.status)) throw new DomainError('screening_closed', { status: competition.status });
	return competition;
}

/**
 * Takes a place in an event for an entry that holds none, if the event's capacity allows: answers false
 * when the event is full (counting the places taken earlier in the same decision).
 */
async function placeChecker(tx: Tx, organisationId: string, competitionId: string): Promise<(eventId: string) => boolean> {
	const [events, counts] = await Promise.all([listRegistrationEvents(tx, organisationId, competitionId), countPlaces(tx, organisationId, competitionId)]);
	const taken = new Map(counts.map((row) => [row.eventId, row.taken]));
	return (eventId) => {
		const capacity = events.find((event) => event.id === eventId)?.capacity ?? null;
		const now = taken.get(eventId) ?? 0;
		if (capacity !== null && now >= capacity) return false;
		taken.set(eventId, now + 1);
		return true;
	};
}

/**
 * One reviewer's decision on several entries of a competition, in the caller's transaction. Entries the
 * decision cannot apply to are skipped and named; the rest change together, each audited in words.
 * A rejection frees the place the entry held, and the waiting list moves up.
 */
export async function decideInTx(tx: Tx, actor: OrgActor, competition: queries.ScreeningCompetition, entryIds: string[], decision: ScreeningDecision, reason: string): Promise<DecisionSummary> {
	const organisationId = actor.organisation.id;
	const entries = (await queries.listEntriesForDecision(tx, organisationId, [...new Set(entryIds)])).filter((entry) => entry.competitionId === competition.id);
	const found = new Set(entries.map((entry) => entry.id));
	const summary: DecisionSummary = { approved: [], awaitingSecondApproval: [], rejected: [], skipped: entryIds.filter((id) => !found.has(id)).map((entryId) => ({ entryId, problem: 'not_found' as const })) };
	const decisions = await queries.listDecisions(tx, organisationId, [...found]);
	const needed = approvalsNeeded(competition.screeningTwoPerson);
	const audit: AuditEntry[] = [];
	const freedEvents = new Set<string>();
	const placeFor = await placeChecker(tx, organisationId, competition.id);
	for (const entry of entries) {
		const approvers = decisions.filter((row) => row.entryId === entry.id && row.counted && row.decision === 'approve').map((row) => row.reviewerId ?? '');
		const outcome = applyDecision({ status: entry.status, decision, reason, reviewerId: actor.user.id, approvers, twoPerson: competition.screeningTwoPerson });
		if (!outcome.ok) {
			summary.skipped.push({ entryId: entry.id, problem: outcome.problem });
			continue;
		}
		// A rejected entry approved again needs a place again: its old one may have gone to the waiting list.
		if (outcome.result === 'approved' && !HOLDS_A_PLACE.includes(entry.status) && !placeFor(entry.eventId)) {
			summary.skipped.push({ entryId: entry.id, problem: 'event_full' });
			continue;
		}
		if (outcome.result === 'rejected') {
			summary.rejected.push(entry.id);
			if (HOLDS_A_PLACE.includes(entry.status)) freedEvents.add(entry.eventId);
		} else (outcome.result === 'approved' ? summary.approved : summary.awaitingSecondApproval).push(entry.id);
		audit.push({
			action: outcome.result === 'rejected' ? 'entry.rejected' : outcome.result === 'approved' ? 'entry.approved' : 'entry.approval_recorded',
			subjectType: 'entry',
			subjectId: entry.id,
			subjectLabel: `${entry.label}（${entry.eventName}）`,
			before: { status: entry.status },
			after: {
				status: outcome.result === 'approved' ? 'approved' : outcome.result === 'rejected' ? 'rejected' : entry.status,
				...(reason ? { reason } : {}),
				...(decision === 'approve' && needed > 1 ? { approvals: `${outcome.approvals}/${needed}` } : {}),
				...(outcome.reconsidered ? { reconsidered: true } : {})
			}
		});
	}
	const decided = [...summary.approved, ...summary.awaitingSecondApproval, ...summary.rejected];
	await queries.uncountDecisions(tx, organisationId, summary.rejected);
	await queries.insertDecisions(tx, organisationId, decided.map((entryId) => ({ entryId, decision, reason })), { id: actor.user.id, label: actorLabel(actor) }).catch((error: unknown) => {
		if (isUniqueViolation(error, 'screening_decision_one_approval_key')) throw new DomainError('screening_same_reviewer');
		throw error;
	});
	await setEntryStatus(tx, organisationId, summary.approved, 'approved', '');
	await setEntryStatus(tx, organisationId, summary.rejected, 'rejected', reason);
	await recordAuditBatch(tx, actor, audit, organisationId);
	for (const eventId of freedEvents) await promoteFromWaitlist(tx, actor, organisationId, competition.id, eventId);
	return summary;
}
