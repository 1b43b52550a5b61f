import { formatHundredths, formatRatio, type ComponentBreakdown, type EntryResult, type JudgesComponentBreakdown, type Labels, type Ratio, type Scheme } from '$lib/domain/scoring';
import { m } from '$lib/paraglide/messages.js';
import { toDecimalText } from './editor-model';

// Turns the engine's breakdown of one entry into sentences with numbers, in the language asked for
// (never the page's global one, so both languages can be tested). The evaluate API sends bigints as
// strings, so every ratio goes through BigInt before it is formatted.

export type Locale = 'zh-CN' | 'en';

export interface ComponentExplanation {
	key: string;
	label: string;
	text: string;
}

export interface Explanation {
	components: ComponentExplanation[];
	total: string;
}

type LooseRatio = { numerator: number | bigint | string; denominator: number | bigint | string };

const points = (ratio: LooseRatio | Ratio): string => formatRatio({ numerator: BigInt(ratio.numerator), denominator: BigInt(ratio.denominator) }, 2);

export function labelIn(row: { key: string; label?: Labels }, locale: Locale): string {
	return row.label?.[locale] || row.label?.['zh-CN'] || row.label?.en || row.key;
}

/** "92.00（评委 3）" for each dropped score, joined as a list. */
function droppedList(breakdown: JudgesComponentBreakdown, status: 'dropped_high' | 'dropped_low', locale: Locale): string {
	return breakdown.sheets
		.filter((sheet) => sheet.status === status && sheet.judgeScore)
		.map((sheet) => m.scheme_editor_explain_judge_score({ score: points(sheet.judgeScore!), judge: sheet.judgeId.replace(/^j/, '') }, { locale }))
		.join(m.scheme_editor_explain_list_separator({}, { locale }));
}

function aggregationText(breakdown: JudgesComponentBreakdown, scheme: Scheme, locale: Locale): string {
	const complete = breakdown.sheets.filter((sheet) => sheet.isComplete);
	const count = complete.length;
	const value = points(breakdown.aggregate);
	if (count === 0) return m.scheme_editor_explain_no_sheet({}, { locale });
	const aggregation = breakdown.aggregation;
	if (breakdown.level === 'criterion') {
		const component = scheme.components.find((row) => row.key === breakdown.key);
		const criteria = component?.source === 'judges' ? component.criteria : [];
		const list = (breakdown.criteria ?? [])
			.map((row) => {
				const criterion = criteria.find((item) => item.key === row.criterion);
				const max = criterion ? formatHundredths(criterion.max) : '';
				return m.scheme_editor_explain_criterion_item({ label: criterion ? labelIn(criterion, locale) : row.criterion, value: points(row.aggregate), max }, { locale });
			})
			.join(m.scheme_editor_explain_list_separator({}, { locale }));
		const method = m[`scheme_editor_method_${aggregation.method}`]({}, { locale });
		return m.scheme_editor_explain_criterion_level({ count, method, list, value }, { locale });
	}
	if (aggregation.method === 'trimmed_mean') {
		if (count < aggregation.minJudges) return m.scheme_editor_explain_too_few({ count, min: aggregation.minJudges, value }, { locale });
		return m.scheme_editor_explain_trimmed({ count, high: droppedList(breakdown, 'dropped_high', locale), low: droppedList(breakdown, 'dropped_low', locale), value }, { locale });
	}
	if (aggregation.method === 'median') return m.scheme_editor_explain_median({ count, value }, { locale });
	return m.scheme_editor_explain_mean({ count, value }, { locale });
}

function judgesSteps(breakdown: JudgesComponentBreakdown, scheme: Scheme, locale: Locale): string[] {
	const component = scheme.components.find((row) => row.key === breakdown.key);
	const items = component?.source === 'judges' ? (component.deductions ?? []) : [];
	const scores = breakdown.sheets
		.filter((sheet) => sheet.judgeScore)
		.map((sheet) => points(sheet.judgeScore!))
		.join(m.scheme_editor_explain_list_separator({}, { locale }));
	const steps = [];
	if (breakdown.level === 'judge_total' && scores) steps.push(m.scheme_editor_explain_judge_scores({ list: scores }, { locale }));
	steps.push(aggregationText(breakdown, scheme, locale));
	for (const deduction of breakdown.deductions.filter((row) => row.count > 0)) {
		const item = items.find((row) => row.key === deduction.item);
		steps.push(
			m.scheme_editor_explain_deduction(
				{ item: item ? labelIn(item, locale) : deduction.item, count: deduction.count, points: toDecimalText(deduction.points), total: formatHundredths(deduction.total) },
				{ locale }
			)
		);
	}
	return steps;
}

function sourceSteps(breakdown: ComponentBreakdown, scheme: Scheme, locale: Locale): string[] {
	if (breakdown.source === 'judges') return judgesSteps(breakdown, scheme, locale);
	if (breakdown.source === 'entered') {
		if (breakdown.entered === null) return [m.scheme_editor_explain_entered_missing({}, { locale })];
		return [m.scheme_editor_explain_entered({ value: formatHundredths(breakdown.entered), max: formatHundredths(breakdown.max) }, { locale })];
	}
	if (breakdown.reference === 0) return [m.scheme_editor_explain_votes_none({}, { locale })];
	const params = { votes: breakdown.votes, reference: breakdown.reference, value: formatHundredths(breakdown.value) };
	return [breakdown.normalisation === 'share' ? m.scheme_editor_explain_votes_share(params, { locale }) : m.scheme_editor_explain_votes_top(params, { locale })];
}

/** Weight × rounded component ÷ 100, exact, shown to the hundredth: what the component adds to the total. */
const contribution = (breakdown: ComponentBreakdown): Ratio => ({ numerator: breakdown.value * breakdown.weight, denominator: 10_000 });

export function explainEntry(scheme: Scheme, entry: EntryResult, locale: Locale): Explanation {
	const components = entry.breakdown.components.map((breakdown) => {
		const component = scheme.components.find((row) => row.key === breakdown.key);
		const steps = sourceSteps(breakdown, scheme, locale);
		steps.push(
			m.scheme_editor_explain_component(
				{ value: formatHundredths(breakdown.value), weight: toDecimalText(breakdown.weight), contribution: points(contribution(breakdown)) },
				{ locale }
			)
		);
		const label = component ? labelIn(component, locale) : breakdown.key;
		return { key: breakdown.key, label, text: m.scheme_editor_explain_line({ label, steps: steps.join(m.scheme_editor_explain_separator({}, { locale })) }, { locale }) };
	});
	const parts = entry.breakdown.components.map((breakdown) => points(contribution(breakdown)));
	const exact = entry.breakdown.components.reduce((sum, breakdown) => sum + breakdown.value * breakdown.weight, 0);
	const shownSum = parts.reduce((sum, part) => sum + Math.round(Number(part) * 100), 0);
	const total = formatHundredths(entry.total);
	let text: string = m.scheme_editor_explain_total({ parts: parts.join(' + '), total }, { locale });
	if (shownSum !== entry.total) text += m.scheme_editor_explain_total_rounding({ exact: formatRatio({ numerator: exact, denominator: 10_000 }, 4) }, { locale });
	return { components, total: text };
}
