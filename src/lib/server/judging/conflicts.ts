import type { Db } from '../db/client';
import { DomainError } from '../domain-error';
import { getRound } from '../competitions/structure-queries';
import { recusals, sameUnit, type Recusal, type RecusalReason } from '$lib/domain/conflicts/conflicts';
import { listJudges } from './judge-queries';
import { SCORING_ROLES } from './panel-queries';
import { getScoringFacts, listDeclaredConflictsOfRound, listRoundEntries, type DeclaredConflictRow, type ScoringFactsRow } from './conflict-queries';

export type { Recusal, RecusalReason };

/**
 * Every judge of the round's competition who must stand aside for an entry of the round, with each
 * reason (the same unit, or a declared kind), so the scoring input can say "stood aside (conflict)"
 * rather than "absent". Empty for a round that is not this organisation's.
 */
export async function recusalsForRound(conn: Db, organisationId: string, roundId: string): Promise<Recusal[]> {
	const round = await getRound(conn, organisationId, roundId);
	if (!round) return [];
	const [judges, entries, declared] = await Promise.all([
		listJudges(conn, organisationId, round.competitionId),
		listRoundEntries(conn, organisationId, roundId),
		listDeclaredConflictsOfRound(conn, organisationId, roundId)
	]);
	return recusals(
		judges.map((judge) => ({ id: judge.id, unit: judge.unit })),
		entries.map((entry) => ({ id: entry.entryId, units: entry.units })),
		declared
	);
}

/**
 * The one check before a judge receives an entry or submits a score for it: refused with
 * `not_on_panel` unless the judge scores on the round's panel, `not_found` when the entry is not in
 * the round (or either is another organisation's), and `judge_conflicted` when they must stand aside.
 */
export async function assertJudgeMayScore(conn: Db, organisationId: string, target: { roundId: string; judgeId: string; entryId: string }): Promise<void> {
	assertScoringFacts(await getScoringFacts(conn, organisationId, target));
}

/** assertJudgeMayScore's decision on facts already read (live judging reads them with its other reads in one round trip). */
export function assertScoringFacts(facts: ScoringFactsRow): void {
	if (!facts.roles.some((role) => SCORING_ROLES.includes(role))) throw new DomainError('not_on_panel');
	if (!facts.entryUnits) throw new DomainError('not_found');
	if (facts.entryUnits.some((unit) => sameUnit(facts.judgeUnit, unit))) throw new DomainError('judge_conflicted');
	if (facts.declared) throw new DomainError('judge_conflicted');
}

/** A conflict as the panel view shows it: automatic (same unit) or declared, by whom and when. */
export interface ConflictView {
	/** The declared conflict's id (to withdraw it); null for an automatic one. */
	id: string | null;
	judgeId: string;
	entryId: string;
	reason: RecusalReason;
	automatic: boolean;
	note: string;
	declaredByName: string | null;
	declaredByJudge: boolean;
	declaredAt: Date | null;
}

export async function conflictsOfRound(conn: Db, organisationId: string, roundId: string): Promise<ConflictView[]> {
	const [found, declared] = await Promise.all([recusalsForRound(conn, organisationId, roundId), listDeclaredConflictsOfRound(conn, organisationId, roundId)]);
	const declaredRow = (recusal: Recusal): DeclaredConflictRow | undefined =>
		declared.find((row) => row.judgeId === recusal.judgeId && row.entryId === recusal.entryId && row.kind === recusal.reason);
	return found.map((recusal) => {
		const row = declaredRow(recusal);
		return {
			id: row?.id ?? null,
			judgeId: recusal.judgeId,
			entryId: recusal.entryId,
			reason: recusal.reason,
			automatic: recusal.reason === 'same_unit',
			note: row?.note ?? '',
			declaredByName: row?.declaredByName ?? null,
			declaredByJudge: row?.declaredByJudge ?? false,
			declaredAt: row?.createdAt ?? null
		};
	});
}
