import { evaluateRound, type RoundResult } from '$lib/domain/scoring';
import { buildMatrix } from '$lib/domain/round-control/matrix';
import { db } from '../db/client';
import { DomainError } from '../domain-error';
import { listPanel, SCORING_ROLES } from '../judging/panel-queries';
import { listRoundEntries } from '../judging/conflict-queries';
import { recusalsForRound } from '../judging/conflicts';
import { loadRoundInput } from '../results/round-input';
import { listStoredScoringRows } from '../results/round-input-queries';
import type { RoundControl } from './access';
import { listAbsences, listRoundSheets } from './queries';
import type { MatrixJudge, ProvisionalResult, RoundMatrix } from '$lib/domain/round-control/views';

export type { MatrixJudge, MatrixComponent, ProvisionalResult, RoundMatrix } from '$lib/domain/round-control/views';

/** The engine's result, or null when the round's data cannot be scored yet (no scheme, a broken scheme). */
function tryEvaluate(loaded: Awaited<ReturnType<typeof loadRoundInput>>): RoundResult | null {
	if (!loaded) return null;
	try {
		return evaluateRound(loaded.scheme, loaded.input);
	} catch {
		return null;
	}
}

/**
 * The live matrix of a round for its head judge and organisers: entries by number × scoring judges,
 * each sheet's state and R_j, the engine's component values and flags over the sheets received so
 * far, conflicts and absences, and what is still missing.
 */
export async function getRoundMatrix(control: RoundControl): Promise<RoundMatrix> {
	const { organisationId, round } = control;
	const [loaded, panel, entries, recusals, sheets, absences, stored] = await Promise.all([
		loadRoundInput(db(), organisationId, round.id),
		listPanel(db(), organisationId, round.id),
		listRoundEntries(db(), organisationId, round.id),
		recusalsForRound(db(), organisationId, round.id),
		listRoundSheets(db(), organisationId, round.id),
		listAbsences(db(), organisationId, round.id),
		listStoredScoringRows(db(), organisationId, round.id)
	]);
	const judges = new Map<string, MatrixJudge>();
	for (const seat of panel) {
		if (!SCORING_ROLES.includes(seat.role)) continue;
		const judge = judges.get(seat.judgeId) ?? { judgeId: seat.judgeId, name: seat.name, isHead: false };
		judge.isHead ||= seat.role === 'head';
		judges.set(seat.judgeId, judge);
	}
	const scheme = loaded?.scheme ?? { components: [] };
	const rows = buildMatrix({
		scheme,
		entries: entries.map((entry) => ({ entryId: entry.entryId, number: entry.markingNumber ?? entry.number })),
		judgeIds: [...judges.keys()],
		sheets,
		standAside: recusals,
		absences,
		deductionCounts: stored.deductionCounts,
		result: tryEvaluate(loaded)
	});
	const cells = rows.flatMap((row) => row.cells).filter((cell) => cell.state !== 'stood_aside' && cell.state !== 'absent');
	return {
		round: {
			id: round.id,
			name: round.name,
			blind: round.blind,
			eventName: round.eventName,
			competitionId: round.competitionId,
			competitionTitle: round.competitionTitle,
			organisationSlug: round.organisationSlug,
			lockedAt: round.scoresLockedAt?.toISOString() ?? null,
			signedOffByName: round.signedOffByName
		},
		viewer: control.as,
		judges: [...judges.values()],
		components: scheme.components.map((component) => ({
			key: component.key,
			label: component.label ?? null,
			source: component.source,
			deductions: component.source === 'judges' ? (component.deductions ?? []).map((item) => ({ key: item.key, label: item.label ?? null, points: item.points })) : []
		})),
		labels: round.blind ? {} : Object.fromEntries(entries.map((entry) => [entry.entryId, entry.label])),
		rows,
		absences: absences.map((absence) => ({ ...absence, createdAt: absence.createdAt.toISOString() })),
		progress: { received: cells.filter((cell) => cell.state === 'submitted' || cell.state === 'locked').length, expected: cells.length },
		hasScheme: loaded !== undefined
	};
}

/**
 * The engine's provisional results for a signed-off round, from the stored rows only; for the head
 * judge and organisers (never published from here). Refused before sign-off.
 */
export async function getProvisionalResults(control: RoundControl): Promise<{ schemeVersion: number; results: ProvisionalResult[] }> {
	if (!control.round.scoresLockedAt) throw new DomainError('round_not_signed_off');
	const loaded = await loadRoundInput(db(), control.organisationId, control.round.id);
	if (!loaded) throw new DomainError('scheme_missing');
	const result = evaluateRound(loaded.scheme, loaded.input);
	const tiers = new Map((loaded.scheme.tiers ?? []).map((tier) => [tier.key, tier.label]));
	return {
		schemeVersion: loaded.schemeVersion,
		results: result.entries.map((entry) => ({
			rank: entry.rank,
			entryId: entry.entryId,
			number: loaded.displayNumbers.get(entry.entryId) ?? null,
			components: entry.components,
			total: entry.total,
			tier: entry.tier,
			tierLabel: entry.tier ? (tiers.get(entry.tier) ?? null) : null,
			flags: entry.flags
		}))
	};
}
