import { toHundredths, type EntryInput, type RoundInput, type SheetInput, type Scheme } from '$lib/domain/scoring';
import { toDecimalText, type ComponentModel, type SchemeModel } from './editor-model';

// The sample contestant of the live preview. The organiser's typing is kept in one flat record keyed
// by row ids (`mark:<component>:<judge>:<criterion>`); anything not typed falls back to a default,
// so the sample follows the scheme as rows are added or removed.

export interface SampleModel {
	values: Record<string, string>;
	judgeCounts: Record<string, number>;
}

export const emptySample = (): SampleModel => ({ values: {}, judgeCounts: {} });

/** Judge n gives this percent of every criterion's max: five judges score 85, 88, 92, 70, 80. */
const JUDGE_PERCENTS = [85, 88, 92, 70, 80, 86, 90, 78, 83, 75];
export const MAX_SAMPLE_JUDGES = JUDGE_PERCENTS.length;

export const sampleKeys = {
	mark: (componentId: string, judge: number, criterionId: string) => `mark:${componentId}:${judge}:${criterionId}`,
	deduction: (componentId: string, itemId: string) => `deduction:${componentId}:${itemId}`,
	entered: (componentId: string) => `entered:${componentId}`,
	votes: (componentId: string) => `votes:${componentId}`,
	reference: (componentId: string) => `reference:${componentId}`
};

/** Hundredths of a typed decimal, or null when it cannot be read. */
function readDecimal(text: string): number | null {
	try {
		return toHundredths(text.trim());
	} catch {
		return null;
	}
}

const scaled = (maxText: string, percent: number): string => {
	const max = readDecimal(maxText);
	return max === null ? '' : toDecimalText(Math.round((max * percent) / 100));
};

/** Five judges for a trimmed mean (or its minimum, when larger), three otherwise. */
export function defaultJudgeCount(component: ComponentModel): number {
	if (component.aggregation !== 'trimmed_mean') return 3;
	const minimum = Number(component.minJudges);
	return Number.isInteger(minimum) ? Math.min(MAX_SAMPLE_JUDGES, Math.max(5, minimum)) : 5;
}

export function judgeCount(sample: SampleModel, component: ComponentModel): number {
	return sample.judgeCounts[component.id] ?? defaultJudgeCount(component);
}

/** What the sample holds at `key` for `component`: the organiser's text or the default. */
export function sampleValue(sample: SampleModel, component: ComponentModel, key: string): string {
	const typed = sample.values[key];
	if (typed !== undefined) return typed;
	const [kind, , judge, criterionId] = key.split(':');
	if (kind === 'mark') {
		const criterion = component.criteria.find((row) => row.id === criterionId);
		return criterion ? scaled(criterion.max, JUDGE_PERCENTS[Number(judge)] ?? 80) : '';
	}
	if (kind === 'deduction') return component.deductions[0] && key.endsWith(`:${component.deductions[0].id}`) ? '1' : '0';
	if (kind === 'entered') return scaled(component.enteredMax, 80);
	if (kind === 'votes') return '120';
	if (kind === 'reference') return component.normalisation === 'share' ? '400' : '200';
	return '';
}

export interface SampleInput {
	input: RoundInput;
	/** Sample keys whose text is not a number. */
	invalid: string[];
}

/**
 * The round the preview evaluates: the sample contestant, and for a public vote a second entry that
 * holds the top votes (`top`) or the rest of the votes cast (`share`), so the normalisation has its
 * reference. `scheme` is the one built from `model`, so keys line up by position.
 */
export function buildSampleInput(model: SchemeModel, scheme: Scheme, sample: SampleModel): SampleInput {
	const invalid: string[] = [];
	const sheets: Record<string, SheetInput[]> = {};
	const deductions: Record<string, Record<string, number>> = {};
	const entered: Record<string, number | null> = {};
	const votesOf: Record<string, number> = {};
	const comparisonVotes: Record<string, number> = {};
	const decimalAt = (component: ComponentModel, key: string): number | null => {
		const text = sampleValue(sample, component, key).trim();
		if (text === '') return null;
		const value = readDecimal(text);
		if (value === null || value < 0) invalid.push(key);
		return value === null || value < 0 ? null : value;
	};
	const countAt = (component: ComponentModel, key: string): number => {
		const text = sampleValue(sample, component, key).trim();
		if (/^\d{1,9}$/.test(text)) return Number(text);
		if (text !== '') invalid.push(key);
		return 0;
	};
	model.components.forEach((component, index) => {
		const key = scheme.components[index]?.key ?? component.key;
		if (component.source === 'judges') {
			sheets[key] = Array.from({ length: judgeCount(sample, component) }, (_, judge) => ({
				judgeId: `j${judge + 1}`,
				scores: Object.fromEntries(component.criteria.map((criterion) => [criterion.key.trim(), decimalAt(component, sampleKeys.mark(component.id, judge, criterion.id))]))
			}));
			deductions[key] = Object.fromEntries(component.deductions.map((item) => [item.key.trim(), countAt(component, sampleKeys.deduction(component.id, item.id))]));
		} else if (component.source === 'entered') {
			entered[key] = decimalAt(component, sampleKeys.entered(component.id));
		} else {
			const votes = countAt(component, sampleKeys.votes(component.id));
			const reference = countAt(component, sampleKeys.reference(component.id));
			votesOf[key] = votes;
			comparisonVotes[key] = component.normalisation === 'share' ? Math.max(0, reference - votes) : reference;
		}
	});
	const hasVotes = model.components.some((component) => component.source === 'public_vote');
	const entry: EntryInput = { id: 'sample', number: 1, sheets, deductions, entered, votes: votesOf };
	const comparison: EntryInput = { id: 'comparison', number: 2, votes: comparisonVotes };
	return { input: { entries: hasVotes ? [entry, comparison] : [entry] }, invalid };
}
