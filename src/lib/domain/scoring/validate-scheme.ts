import { FULL_SCALE } from './decimal';
import type { SchemeIssue, SchemeIssueCode } from './scheme-issues';
import type { Component, Scheme, Tier } from './types';

export { InvalidSchemeError, type SchemeIssue, type SchemeIssueCode } from './scheme-issues';

/** Largest point value a scheme may hold (10 million points), so exact products stay small. */
const MAX_SCHEME_VALUE = 1_000_000_000;
const KEY_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

type Report = (path: (string | number)[], code: SchemeIssueCode) => void;

/**
 * Lists every way a scheme breaks the scoring rules: component weights must total exactly 100 %,
 * every criterion needs a positive max, keys must be unique, tie-breaks must name real components,
 * tiers and advancement need sensible limits. An empty list means the scheme can be scored.
 */
export function validateScheme(scheme: Scheme): SchemeIssue[] {
	const issues: SchemeIssue[] = [];
	const report: Report = (path, code) => issues.push({ path, code });
	const components = Array.isArray(scheme.components) ? scheme.components : [];
	if (components.length === 0) report(['components'], 'components_empty');
	let weightTotal = 0;
	checkKeys(components, ['components'], 'duplicate_component_key', report);
	components.forEach((component, index) => {
		const path = ['components', index];
		if (checkHundredths(component.weight, [...path, 'weight'], report, { min: 0, max: FULL_SCALE, code: 'weight_out_of_range' }))
			weightTotal += component.weight;
		else weightTotal = Number.NaN;
		checkComponent(component, path, report);
	});
	if (components.length > 0 && weightTotal !== FULL_SCALE) report(['components'], 'weights_not_100');
	checkTieBreaks(scheme, report);
	checkKeys(scheme.tiers ?? [], ['tiers'], 'duplicate_tier_key', report);
	(scheme.tiers ?? []).forEach((tier, index) => checkTier(tier, ['tiers', index], report));
	checkTeamsAndAdvancement(scheme, report);
	if (scheme.spreadThreshold !== undefined && !isIntegerIn(scheme.spreadThreshold, 0, FULL_SCALE))
		report(['spreadThreshold'], 'spread_threshold_out_of_range');
	return issues;
}

function checkComponent(component: Component, path: (string | number)[], report: Report): void {
	switch (component.source) {
		case 'judges': {
			const criteria = Array.isArray(component.criteria) ? component.criteria : [];
			if (criteria.length === 0) report([...path, 'criteria'], 'criteria_empty');
			checkKeys(criteria, [...path, 'criteria'], 'duplicate_criterion_key', report);
			criteria.forEach((criterion, index) => {
				const at = [...path, 'criteria', index];
				if (checkHundredths(criterion.max, [...at, 'max'], report) && criterion.max <= 0)
					report([...at, 'max'], 'criterion_max_not_positive');
				if (criterion.weight !== undefined && checkHundredths(criterion.weight, [...at, 'weight'], report) && criterion.weight <= 0)
					report([...at, 'weight'], 'criterion_weight_not_positive');
			});
			checkAggregation(component.aggregation, [...path, 'aggregation'], report);
			if (component.level !== undefined && component.level !== 'judge_total' && component.level !== 'criterion')
				report([...path, 'level'], 'unknown_level');
			const deductions = component.deductions ?? [];
			checkKeys(deductions, [...path, 'deductions'], 'duplicate_deduction_key', report);
			deductions.forEach((item, index) => {
				if (!isIntegerIn(item.points, 1, FULL_SCALE)) report([...path, 'deductions', index, 'points'], 'deduction_points_out_of_range');
			});
			return;
		}
		case 'entered':
			if (component.max !== undefined && checkHundredths(component.max, [...path, 'max'], report) && component.max <= 0)
				report([...path, 'max'], 'entered_max_not_positive');
			return;
		case 'public_vote':
			if (component.normalisation !== undefined && component.normalisation !== 'top' && component.normalisation !== 'share')
				report([...path, 'normalisation'], 'unknown_normalisation');
			return;
		default:
			report([...path, 'source'], 'unknown_source');
	}
}

function checkAggregation(aggregation: unknown, path: (string | number)[], report: Report): void {
	if (aggregation === undefined) return;
	const value = aggregation as { method?: unknown; trim?: unknown; minJudges?: unknown };
	if (value.method === 'mean' || value.method === 'median') return;
	if (value.method !== 'trimmed_mean') return report([...path, 'method'], 'unknown_aggregation');
	const trim = value.trim ?? 1;
	const minJudges = value.minJudges ?? 5;
	const isTrimValid = isIntegerIn(trim, 0, 100);
	const isMinJudgesValid = isIntegerIn(minJudges, 1, 1000);
	if (!isTrimValid) report([...path, 'trim'], 'trim_invalid');
	if (!isMinJudgesValid) report([...path, 'minJudges'], 'min_judges_invalid');
	// Dropping 2 × trim scores must leave at least one to average.
	if (isTrimValid && isMinJudgesValid && (minJudges as number) <= 2 * (trim as number))
		report([...path, 'minJudges'], 'min_judges_too_small_for_trim');
}

function checkTieBreaks(scheme: Scheme, report: Report): void {
	const componentKeys = new Set((scheme.components ?? []).map((component) => component.key));
	const seen = new Set<string>();
	(scheme.tieBreaks ?? []).forEach((rule, index) => {
		if (seen.has(rule)) report(['tieBreaks', index], 'duplicate_tie_break');
		seen.add(rule);
		if (rule === 'fewer_deductions' || rule === 'earlier_finish') return;
		if (typeof rule !== 'string' || !rule.startsWith('component:')) return report(['tieBreaks', index], 'unknown_tie_break');
		if (!componentKeys.has(rule.slice('component:'.length))) report(['tieBreaks', index], 'unknown_tie_break_component');
	});
}

function checkTier(tier: Tier, path: (string | number)[], report: Report): void {
	const limit = tier.limit as { kind?: unknown; count?: unknown; share?: unknown } | undefined;
	if (limit?.kind === 'count') {
		if (!isIntegerIn(limit.count, 0, Number.MAX_SAFE_INTEGER)) report([...path, 'limit', 'count'], 'tier_count_invalid');
	} else if (limit?.kind === 'share') {
		if (!isIntegerIn(limit.share, 0, FULL_SCALE)) report([...path, 'limit', 'share'], 'share_out_of_range');
	} else if (limit?.kind !== 'none') report([...path, 'limit'], 'unknown_tier_limit');
	if (tier.minimumTotal !== undefined && !isIntegerIn(tier.minimumTotal, 0, FULL_SCALE))
		report([...path, 'minimumTotal'], 'minimum_total_out_of_range');
}

function checkTeamsAndAdvancement(scheme: Scheme, report: Report): void {
	if (scheme.teams) {
		if (!isIntegerIn(scheme.teams.size, 1, 10_000)) report(['teams', 'size'], 'team_size_invalid');
		if (scheme.teams.method !== 'sum' && scheme.teams.method !== 'mean') report(['teams', 'method'], 'unknown_team_method');
	}
	const rule = scheme.advancement;
	if (!rule) return;
	if (rule.kind === 'top') {
		if (!isIntegerIn(rule.count, 0, Number.MAX_SAFE_INTEGER)) report(['advancement', 'count'], 'advancement_count_invalid');
	} else if (rule.kind === 'top_share') {
		if (!isIntegerIn(rule.share, 0, FULL_SCALE)) report(['advancement', 'share'], 'share_out_of_range');
	} else if (rule.kind === 'minimum_total') {
		if (!isIntegerIn(rule.minimum, 0, FULL_SCALE)) report(['advancement', 'minimum'], 'minimum_total_out_of_range');
	} else report(['advancement', 'kind'], 'unknown_advancement');
}

function checkKeys(items: readonly { key: string }[], path: (string | number)[], duplicate: SchemeIssueCode, report: Report): void {
	const seen = new Set<string>();
	items.forEach((item, index) => {
		// Keys index plain records, so names Object.prototype already has (constructor, __proto__…) are refused.
		if (typeof item.key !== 'string' || !KEY_PATTERN.test(item.key) || item.key in Object.prototype)
			report([...path, index, 'key'], 'key_invalid');
		else if (seen.has(item.key)) report([...path, index, 'key'], duplicate);
		seen.add(item.key);
	});
}

const SCHEME_VALUE_RANGE = { min: -MAX_SCHEME_VALUE, max: MAX_SCHEME_VALUE, code: 'value_too_large' } as const;

/** Reports a value that is not whole hundredths or is out of its range; true when it is usable. */
function checkHundredths(
	value: unknown,
	path: (string | number)[],
	report: Report,
	range: { min: number; max: number; code: SchemeIssueCode } = SCHEME_VALUE_RANGE
): value is number {
	if (!Number.isSafeInteger(value)) {
		report(path, 'value_not_hundredths');
		return false;
	}
	if ((value as number) > range.max || (value as number) < range.min) {
		report(path, range.code);
		return false;
	}
	return true;
}

function isIntegerIn(value: unknown, min: number, max: number): boolean {
	return Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max;
}
