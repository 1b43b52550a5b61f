import { db } from '../db/client';
import type { RoundControl } from '../round-control/access';
import { getLatestSchemeVersion } from '../competitions/scheme-queries';
import { evaluateStoredRound } from '../results/round-input';
import { getExportRound, listCountedSheets } from '../exports/export-queries';
import { listVersionPlacings } from '../results/placing-queries';
import { histogramOfTotals, judgeLeniency, judgeScoreHundredths, type HistogramBin, type JudgedSheet, type JudgeLeniency } from '$lib/domain/results-analysis';
import type { JudgesComponent, Labels } from '$lib/domain/scoring';
import { getLocale } from '$lib/paraglide/runtime.js';

export interface ComponentAnalysis {
	key: string;
	label: string;
	criteria: { key: string; label: string; max: number }[];
	judges: (JudgeLeniency & { name: string })[];
}

export interface RoundAnalysis {
	round: { id: string; name: string; eventName: string; competitionId: string; competitionTitle: string };
	/** Where the totals come from: a stored result version, the engine over today's sheets, or nothing yet. */
	totalsFrom: 'version' | 'provisional' | 'none';
	histogram: HistogramBin[];
	components: ComponentAnalysis[];
}

const label = (item: { key: string; label?: Labels }) => item.label?.[getLocale()] ?? item.key;

/** Totals of the round's result version (final, else published, else latest); without one, the engine's provisional totals. */
async function totalsOf(organisationId: string, roundId: string, versionId: string | null): Promise<{ totals: number[]; from: RoundAnalysis['totalsFrom'] }> {
	if (versionId) return { totals: (await listVersionPlacings(db(), organisationId, [versionId], false)).map((placing) => placing.total), from: 'version' };
	try {
		const evaluated = await evaluateStoredRound(db(), organisationId, roundId);
		const totals = evaluated?.result.entries.map((entry) => entry.total) ?? [];
		return { totals, from: totals.length > 0 ? 'provisional' : 'none' };
	} catch {
		// A round the engine cannot score yet (no draw, a broken scheme) has no totals to chart.
		return { totals: [], from: 'none' };
	}
}

/**
 * The review charts of a round (issue 17): a histogram of the event's totals and each judge's leniency
 * — their mean R_j and per-criterion means against the panel's over the same entries — from the
 * submitted and locked sheets. For the organisers and the round's head judge (the caller checked).
 */
export async function loadRoundAnalysis(control: RoundControl): Promise<RoundAnalysis> {
	const { organisationId } = control;
	const round = (await getExportRound(db(), organisationId, control.round.id))!;
	const [scheme, sheets, totals] = await Promise.all([
		getLatestSchemeVersion(db(), organisationId, round.id),
		listCountedSheets(db(), organisationId, round.id),
		totalsOf(organisationId, round.id, round.resultVersionId)
	]);
	const names = new Map(sheets.map((sheet) => [sheet.judgeId, sheet.judgeName]));
	const judgesComponents = (scheme?.scheme.components.filter((component) => component.source === 'judges') ?? []) as JudgesComponent[];
	const components = judgesComponents.map((component): ComponentAnalysis => {
		const complete: JudgedSheet[] = [];
		for (const sheet of sheets) {
			if (sheet.componentKey !== component.key) continue;
			const judgeScore = judgeScoreHundredths(component, sheet.scores);
			if (judgeScore !== null) complete.push({ judgeId: sheet.judgeId, entryId: sheet.entryId, judgeScore, marks: sheet.scores as Record<string, number> });
		}
		const criteria = component.criteria.map((criterion) => ({ key: criterion.key, label: label(criterion), max: criterion.max }));
		const judges = judgeLeniency(
			complete,
			criteria.map((criterion) => criterion.key)
		).map((judge) => ({ ...judge, name: names.get(judge.judgeId) ?? '' }));
		return { key: component.key, label: label(component), criteria, judges: judges.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')) };
	});
	return {
		round: { id: round.id, name: round.name, eventName: round.eventName, competitionId: round.competitionId, competitionTitle: round.competitionTitle },
		totalsFrom: totals.from,
		histogram: histogramOfTotals(totals.totals),
		components
	};
}
