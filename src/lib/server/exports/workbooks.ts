import { divideRoundHalfUp } from '$lib/domain/scoring/decimal';
import { judgeScoreHundredths } from '$lib/domain/results-analysis/judge-score';
import type { JudgesComponent, Labels, Scheme } from '$lib/domain/scoring';
import { formatShanghaiTime } from '$lib/domain/entered/shanghai-time';
import { getLocale } from '$lib/paraglide/runtime.js';
import { m } from '$lib/paraglide/messages.js';
import type { ReportCell, ReportSheetSpec } from '../workbooks/xlsx';
import type { ExportRoundRow, ExportSheetRow } from './export-queries';
import type { VersionPlacing } from '../results/placing-queries';

// The sheets of the four workbooks, in the request's language. Pure apart from reading the locale:
// the service loads the rows and decides what may be shown (names only once results are revealed).

const label = (item: { key: string; label?: Labels }) => item.label?.[getLocale()] ?? item.key;
const points = (hundredths: number): ReportCell => ({ hundredths });

/** 成绩单: rank, number, [name, unit,] each component, total, tier, special award — one row per placing. */
export function resultsSheet(round: ExportRoundRow, scheme: Scheme | null, placings: VersionPlacing[], showNames: boolean): ReportSheetSpec {
	const componentKeys = scheme?.components.map((component) => component.key) ?? [...new Set(placings.flatMap((placing) => Object.keys(placing.components)))];
	const componentLabels = new Map(scheme?.components.map((component) => [component.key, label(component)]) ?? []);
	const columns = [
		{ header: m.exports_col_rank(), width: 7 },
		{ header: m.exports_col_number(), width: 8 },
		...(showNames ? [{ header: m.exports_col_name(), width: 16 }, { header: m.exports_col_unit(), width: 24 }] : []),
		...componentKeys.map((key) => ({ header: componentLabels.get(key) ?? key, width: Math.max(10, (componentLabels.get(key) ?? key).length * 2 + 2) })),
		{ header: m.exports_col_total(), width: 9 },
		{ header: m.exports_col_tier(), width: 12 },
		{ header: m.exports_col_special_award(), width: 14 }
	];
	const rows: ReportCell[][] = placings.map((placing) => [
		placing.rank,
		placing.number,
		...(showNames ? [placing.name, placing.unit] : []),
		...componentKeys.map((key) => (placing.components[key] === undefined ? null : points(placing.components[key]))),
		points(placing.total),
		placing.tierLabel,
		placing.specialAward
	]);
	if (round.resultVersionId === null) rows.push([m.exports_no_results()]);
	return { name: m.exports_results_sheet(), columns, rows, orientation: columns.length > 9 ? 'landscape' : 'portrait' };
}

/** One sheet per judge (and judges component): number, [name,] each criterion, R_j, status. */
export function judgeSheets(scheme: Scheme | null, sheets: ExportSheetRow[], showNames: boolean): ReportSheetSpec[] {
	const judgesComponents = (scheme?.components.filter((component) => component.source === 'judges') ?? []) as JudgesComponent[];
	const byJudge = new Map<string, ExportSheetRow[]>();
	for (const sheet of sheets) byJudge.set(sheet.judgeId, [...(byJudge.get(sheet.judgeId) ?? []), sheet]);
	const specs: ReportSheetSpec[] = [];
	for (const judgeRows of byJudge.values()) {
		for (const component of judgesComponents) {
			const rows = judgeRows.filter((row) => row.componentKey === component.key);
			if (rows.length === 0) continue;
			const suffix = judgesComponents.length > 1 ? ` ${label(component)}` : '';
			specs.push({
				name: `${judgeRows[0]!.judgeName}${suffix}`,
				orientation: component.criteria.length > 6 ? 'landscape' : 'portrait',
				columns: [
					{ header: m.exports_col_number(), width: 8 },
					...(showNames ? [{ header: m.exports_col_name(), width: 16 }] : []),
					...component.criteria.map((criterion) => ({ header: label(criterion), width: Math.max(9, label(criterion).length * 2 + 2) })),
					{ header: m.exports_col_judge_score(), width: 14 },
					{ header: m.exports_col_status(), width: 9 }
				],
				rows: rows.map((row) => [
					row.number,
					...(showNames ? [row.name] : []),
					...component.criteria.map((criterion) => {
						const score = row.scores[criterion.key];
						return typeof score === 'number' ? points(score) : null;
					}),
					((score) => (score === null ? null : points(score)))(judgeScoreHundredths(component, row.scores)),
					row.status === 'locked' ? m.exports_status_locked() : m.exports_status_submitted()
				])
			});
		}
	}
	if (specs.length === 0) specs.push({ name: m.exports_judges_file(), columns: [{ header: m.exports_col_number(), width: 40 }], rows: [[m.exports_no_sheets()]] });
	return specs;
}

/** The sign-off sheet: what is being signed for (round, version, totals summary) and lines for 裁判长, two supervisors and the date. */
export function signOffSheet(round: ExportRoundRow, placings: VersionPlacing[], headJudges: string[]): ReportSheetSpec {
	const totals = placings.map((placing) => placing.total);
	const summary: ReportCell[][] = [
		[m.exports_signoff_competition(), round.competitionTitle],
		[m.exports_signoff_event(), round.eventName],
		[m.exports_signoff_round(), round.name],
		[m.exports_signoff_version(), round.resultVersion],
		[m.exports_signoff_locked_at(), round.scoresLockedAt ? formatShanghaiTime(round.scoresLockedAt).slice(0, 16) : null],
		[m.exports_signoff_entries(), placings.length],
		[m.exports_signoff_highest(), totals.length ? points(Math.max(...totals)) : null],
		[m.exports_signoff_lowest(), totals.length ? points(Math.min(...totals)) : null],
		[m.exports_signoff_mean(), totals.length ? points(divideRoundHalfUp(totals.reduce((sum, total) => sum + total, 0), totals.length)) : null]
	];
	const signatures: ReportCell[][] = [
		[m.exports_signoff_head_judge(), headJudges.join('、'), ''],
		[m.exports_signoff_supervisor({ position: 1 }), '', ''],
		[m.exports_signoff_supervisor({ position: 2 }), '', ''],
		[m.exports_signoff_date(), '', '']
	];
	const rows = [...summary, [], ...signatures];
	const tallRows = Object.fromEntries(signatures.map((_, index) => [summary.length + 1 + index, 36]));
	return {
		name: m.exports_signoff_sheet(),
		columns: [
			{ header: m.exports_signoff_title(), width: 24 },
			{ header: '', width: 30 },
			{ header: '', width: 30 }
		],
		rows,
		tallRows
	};
}

export interface TallyRow {
	number: number | null;
	name: string;
	accepted: number;
	flagged: number;
	voided: number;
}

/** Vote tallies: per candidate, accepted (counted), flagged (held for review) and voided votes. */
export function tallySheet(tallies: TallyRow[], showNames: boolean): ReportSheetSpec {
	return {
		name: m.exports_votes_sheet(),
		columns: [
			{ header: m.exports_col_number(), width: 8 },
			...(showNames ? [{ header: m.exports_col_name(), width: 18 }] : []),
			{ header: m.exports_col_accepted(), width: 10 },
			{ header: m.exports_col_flagged(), width: 10 },
			{ header: m.exports_col_voided(), width: 10 }
		],
		rows: tallies.map((tally) => [tally.number, ...(showNames ? [tally.name] : []), tally.accepted, tally.flagged, tally.voided])
	};
}
