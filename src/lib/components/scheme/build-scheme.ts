import { toHundredths, type Component, type Labels, type Scheme, type TieBreakRule } from '$lib/domain/scoring';
import type { ComponentModel, NamedRow, SchemeModel } from './editor-model';

// The way back from the editor to the stored scheme: decimal text becomes integer hundredths, and
// a value that cannot be read is reported at the server's path rather than guessed.

/** Why a typed value cannot become a number; the page turns the code into a sentence. */
export type LocalIssue = 'required' | 'decimal_invalid' | 'too_many_decimals' | 'integer_invalid' | 'label_zh_required';

export interface BuiltScheme {
	scheme: Scheme;
	/** Keyed by the same paths the server uses (`scheme.components.0.weight`). */
	issues: Record<string, LocalIssue>;
}

/** Builds the scheme JSON from the editor: decimal text → hundredths. Unreadable values are reported, never guessed. */
export function modelToScheme(model: SchemeModel): BuiltScheme {
	const issues: Record<string, LocalIssue> = {};
	const decimal = (text: string, path: string): number => {
		const trimmed = text.trim();
		if (trimmed === '') {
			issues[`scheme.${path}`] = 'required';
			return 0;
		}
		try {
			return toHundredths(trimmed);
		} catch {
			issues[`scheme.${path}`] = /^-?\d+[.,]\d{3,}$/.test(trimmed) ? 'too_many_decimals' : 'decimal_invalid';
			return 0;
		}
	};
	const optional = (text: string, path: string) => (text.trim() === '' ? undefined : decimal(text, path));
	const integer = (text: string, path: string): number => {
		if (/^\s*\d{1,9}\s*$/.test(text)) return Number(text);
		issues[`scheme.${path}`] = text.trim() === '' ? 'required' : 'integer_invalid';
		return 0;
	};

	// The Chinese name is what the platform shows first; a row named only in English would show English to everyone.
	const nameChinese = (row: NamedRow, path: string, always = false) => {
		if (row.zh.trim() === '' && (always || row.en.trim() !== '')) issues[`scheme.${path}.label.zh-CN`] = 'label_zh_required';
	};
	model.components.forEach((row, index) => {
		nameChinese(row, `components.${index}`);
		if (row.source !== 'judges') return;
		row.criteria.forEach((criterion, at) => nameChinese(criterion, `components.${index}.criteria.${at}`));
		row.deductions.forEach((item, at) => nameChinese(item, `components.${index}.deductions.${at}`));
	});
	model.tiers.forEach((tier, index) => nameChinese(tier, `tiers.${index}`, true));
	const components = model.components.map((row, index) => buildComponent(row, `components.${index}`, decimal, optional, integer));
	const keyById = new Map(model.components.map((row) => [row.id, row.key.trim()]));
	const scheme: Scheme = { components };
	const tieBreaks = model.tieBreaks.map((rule): TieBreakRule => (rule.kind === 'component' ? `component:${keyById.get(rule.componentId) ?? ''}` : rule.kind));
	if (tieBreaks.length > 0) scheme.tieBreaks = tieBreaks;
	if (model.tiers.length > 0)
		scheme.tiers = model.tiers.map((tier, index) => {
			const path = `tiers.${index}`;
			const limit =
				tier.limitKind === 'count'
					? { kind: 'count' as const, count: integer(tier.count, `${path}.limit.count`) }
					: tier.limitKind === 'share'
						? { kind: 'share' as const, share: decimal(tier.share, `${path}.limit.share`) }
						: { kind: 'none' as const };
			const minimumTotal = optional(tier.minimumTotal, `${path}.minimumTotal`);
			return { key: tier.key.trim(), label: { 'zh-CN': tier.zh.trim(), en: tier.en.trim() }, limit, ...(minimumTotal === undefined ? {} : { minimumTotal }) };
		});
	if (model.teams.enabled) scheme.teams = { size: integer(model.teams.size, 'teams.size'), method: model.teams.method };
	const advancement = model.advancement;
	if (advancement.kind === 'top') scheme.advancement = { kind: 'top', count: integer(advancement.count, 'advancement.count') };
	if (advancement.kind === 'top_share') scheme.advancement = { kind: 'top_share', share: decimal(advancement.share, 'advancement.share') };
	if (advancement.kind === 'minimum_total') scheme.advancement = { kind: 'minimum_total', minimum: decimal(advancement.minimum, 'advancement.minimum') };
	const spread = optional(model.spreadThreshold, 'spreadThreshold');
	if (spread !== undefined) scheme.spreadThreshold = spread;
	return { scheme, issues };
}

type Read = (text: string, path: string) => number;

function labelOf(row: NamedRow): { label?: Labels } {
	const zh = row.zh.trim();
	const en = row.en.trim();
	return zh === '' && en === '' ? {} : { label: { 'zh-CN': zh, en } };
}

function buildComponent(row: ComponentModel, path: string, decimal: Read, optional: (text: string, path: string) => number | undefined, integer: Read): Component {
	const base = { key: row.key.trim(), ...labelOf(row), weight: decimal(row.weight, `${path}.weight`) };
	if (row.source === 'entered') return { ...base, source: 'entered', max: decimal(row.enteredMax, `${path}.max`) };
	if (row.source === 'public_vote') return { ...base, source: 'public_vote', normalisation: row.normalisation };
	const criteria = row.criteria.map((criterion, index) => {
		const weight = optional(criterion.weight, `${path}.criteria.${index}.weight`);
		return { key: criterion.key.trim(), ...labelOf(criterion), max: decimal(criterion.max, `${path}.criteria.${index}.max`), ...(weight === undefined ? {} : { weight }) };
	});
	const aggregation =
		row.aggregation === 'trimmed_mean'
			? { method: 'trimmed_mean' as const, trim: integer(row.trim, `${path}.aggregation.trim`), minJudges: integer(row.minJudges, `${path}.aggregation.minJudges`) }
			: { method: row.aggregation };
	const deductions = row.deductions.map((item, index) => ({ key: item.key.trim(), ...labelOf(item), points: decimal(item.points, `${path}.deductions.${index}.points`) }));
	return { ...base, source: 'judges', criteria, aggregation, level: row.level, ...(deductions.length > 0 ? { deductions } : {}) };
}
