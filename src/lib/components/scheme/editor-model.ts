import { toHundredths, type Component, type Labels, type Scheme } from '$lib/domain/scoring';

// The scheme as the organiser edits it: every number is the text they typed, in points or percent
// ("12.5", "80"), and becomes integer hundredths only when the scheme is built (DESIGN.md §3).
// Rows carry an `id` so lists keep their identity while they are reordered or keys are renamed.

export type Source = Component['source'];
export type AggregationMethod = 'mean' | 'trimmed_mean' | 'median';

export interface NamedRow {
	id: string;
	key: string;
	zh: string;
	en: string;
}

export interface CriterionModel extends NamedRow {
	max: string;
	/** Empty: the weight is the criterion's max. */
	weight: string;
}

export interface DeductionModel extends NamedRow {
	points: string;
}

/** Every source's settings live on the row, so switching the source back and forth loses nothing. */
export interface ComponentModel extends NamedRow {
	source: Source;
	weight: string;
	criteria: CriterionModel[];
	aggregation: AggregationMethod;
	trim: string;
	minJudges: string;
	level: 'judge_total' | 'criterion';
	deductions: DeductionModel[];
	enteredMax: string;
	normalisation: 'top' | 'share';
}

/** A tie-break points at a component by row id, so renaming the component's key keeps the rule. */
export type TieBreakRuleModel = { kind: 'component'; componentId: string } | { kind: 'fewer_deductions' | 'earlier_finish' };
export type TieBreakModel = TieBreakRuleModel & { id: string };

export interface TierModel extends NamedRow {
	limitKind: 'count' | 'share' | 'none';
	count: string;
	share: string;
	/** Empty: no minimum. */
	minimumTotal: string;
}

export interface SchemeModel {
	components: ComponentModel[];
	tieBreaks: TieBreakModel[];
	tiers: TierModel[];
	teams: { enabled: boolean; size: string; method: 'sum' | 'mean' };
	advancement: { kind: 'none' | 'top' | 'top_share' | 'minimum_total'; count: string; share: string; minimum: string };
	/** Empty: no spread flag. */
	spreadThreshold: string;
}

let lastId = 0;
// A random part keeps ids apart from those of a draft restored from an earlier page load.
const idPrefix = Math.random().toString(36).slice(2, 8);
/** A row id, unique within this page; never rendered, only used to key lists. */
export const newId = (): string => `${idPrefix}-${++lastId}`;

/** Hundredths as the shortest decimal text: 8000 → "80", 1250 → "12.5", 1725 → "17.25". */
export function toDecimalText(value: number): string {
	const sign = value < 0 ? '-' : '';
	const magnitude = Math.abs(value);
	const whole = Math.floor(magnitude / 100);
	const fraction = String(magnitude % 100).padStart(2, '0').replace(/0+$/, '');
	return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

const optionalDecimal = (value: number | undefined) => (value === undefined ? '' : toDecimalText(value));
const named = (row: { key: string; label?: Labels }) => ({ id: newId(), key: row.key, zh: row.label?.['zh-CN'] ?? '', en: row.label?.en ?? '' });

export function emptyComponent(source: Source = 'judges'): ComponentModel {
	return {
		...named({ key: '' }),
		source,
		weight: '',
		criteria: source === 'judges' ? [emptyCriterion()] : [],
		aggregation: 'mean',
		trim: '1',
		minJudges: '5',
		level: 'judge_total',
		deductions: [],
		enteredMax: '100',
		normalisation: 'top'
	};
}

export const emptyCriterion = (): CriterionModel => ({ ...named({ key: '' }), max: '', weight: '' });
export const emptyDeduction = (): DeductionModel => ({ ...named({ key: '' }), points: '' });
export const emptyTier = (): TierModel => ({ ...named({ key: '' }), limitKind: 'count', count: '', share: '', minimumTotal: '' });

export function emptyScheme(): SchemeModel {
	const criterion = { ...emptyCriterion(), key: 'overall', max: '100' };
	return { ...toModelParts(), components: [{ ...emptyComponent('judges'), key: 'practical', weight: '100', criteria: [criterion] }] };
}

function toModelParts(): Omit<SchemeModel, 'components'> {
	return {
		tieBreaks: [],
		tiers: [],
		teams: { enabled: false, size: '3', method: 'sum' },
		advancement: { kind: 'none', count: '', share: '', minimum: '' },
		spreadThreshold: ''
	};
}

function componentToModel(component: Component): ComponentModel {
	const row = { ...emptyComponent(component.source), ...named(component), weight: toDecimalText(component.weight), criteria: [] as CriterionModel[] };
	if (component.source === 'judges') {
		const aggregation = component.aggregation ?? { method: 'mean' };
		row.criteria = component.criteria.map((criterion) => ({ ...named(criterion), max: toDecimalText(criterion.max), weight: optionalDecimal(criterion.weight) }));
		row.aggregation = aggregation.method;
		if (aggregation.method === 'trimmed_mean') {
			row.trim = String(aggregation.trim ?? 1);
			row.minJudges = String(aggregation.minJudges ?? 5);
		}
		row.level = component.level ?? 'judge_total';
		row.deductions = (component.deductions ?? []).map((item) => ({ ...named(item), points: toDecimalText(item.points) }));
	} else if (component.source === 'entered') {
		row.enteredMax = toDecimalText(component.max ?? 10_000);
	} else {
		row.normalisation = component.normalisation ?? 'top';
	}
	return row;
}

/** Reads a stored scheme into the editor: hundredths become decimal text. */
export function schemeToModel(scheme: Scheme): SchemeModel {
	const components = scheme.components.map(componentToModel);
	const idByKey = new Map(components.map((row) => [row.key, row.id]));
	const tieBreaks: TieBreakModel[] = (scheme.tieBreaks ?? []).flatMap((rule): TieBreakModel[] => {
		if (rule === 'fewer_deductions' || rule === 'earlier_finish') return [{ id: newId(), kind: rule }];
		const componentId = idByKey.get(rule.slice('component:'.length));
		return componentId ? [{ id: newId(), kind: 'component', componentId }] : [];
	});
	const advancement = scheme.advancement;
	return {
		components,
		tieBreaks,
		tiers: (scheme.tiers ?? []).map((tier) => ({
			...named(tier),
			limitKind: tier.limit.kind,
			count: tier.limit.kind === 'count' ? String(tier.limit.count) : '',
			share: tier.limit.kind === 'share' ? toDecimalText(tier.limit.share) : '',
			minimumTotal: optionalDecimal(tier.minimumTotal)
		})),
		teams: scheme.teams ? { enabled: true, size: String(scheme.teams.size), method: scheme.teams.method } : toModelParts().teams,
		advancement: {
			kind: advancement?.kind ?? 'none',
			count: advancement?.kind === 'top' ? String(advancement.count) : '',
			share: advancement?.kind === 'top_share' ? toDecimalText(advancement.share) : '',
			minimum: advancement?.kind === 'minimum_total' ? toDecimalText(advancement.minimum) : ''
		},
		spreadThreshold: optionalDecimal(scheme.spreadThreshold)
	};
}

/** The weights' running total in hundredths, or null while one of them is unreadable. */
export function weightTotal(model: SchemeModel): number | null {
	let total = 0;
	for (const row of model.components) {
		try {
			total += toHundredths(row.weight.trim() || '0');
		} catch {
			return null;
		}
	}
	return total;
}

/** Moves a row one place up (-1) or down (+1) in place; does nothing at either end. */
export function move<T>(rows: T[], index: number, step: -1 | 1): void {
	const target = index + step;
	if (target < 0 || target >= rows.length) return;
	const [row] = rows.splice(index, 1);
	rows.splice(target, 0, row as T);
}

/** The DOM id of the input that edits the value at a server path (`scheme.components.0.weight`). */
export const fieldId = (path: string): string => `f-${path.replace(/^scheme\./, '').replaceAll('.', '-')}`;
