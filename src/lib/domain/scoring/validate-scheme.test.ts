import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SCHEME_TEMPLATES } from './templates';
import type { Scheme } from './types';
import { validateScheme } from './validate-scheme';

const validScheme = (): Scheme => ({
	components: [
		{ key: 'theory', source: 'entered', weight: 2000 },
		{ key: 'practical', source: 'judges', weight: 8000, criteria: [{ key: 'quality', max: 6000 }, { key: 'safety', max: 4000 }] }
	],
	tieBreaks: ['component:practical', 'fewer_deductions', 'earlier_finish'],
	tiers: [{ key: 'first', label: { 'zh-CN': '一等奖', en: 'First' }, limit: { kind: 'count', count: 1 } }]
});

/** Applies a change to a fresh valid scheme and returns the issues. */
function issuesAfter(change: (scheme: Scheme) => void) {
	const scheme = validScheme();
	change(scheme);
	return validateScheme(scheme);
}

const judges = (scheme: Scheme) => scheme.components[1] as Extract<Scheme['components'][number], { source: 'judges' }>;

describe('validateScheme', () => {
	it('accepts a valid scheme and every template', () => {
		expect(validateScheme(validScheme())).toEqual([]);
		for (const template of SCHEME_TEMPLATES) for (const round of template.rounds) expect(validateScheme(round.scheme)).toEqual([]);
	});

	it.each<[string, (scheme: Scheme) => void, { path: (string | number)[]; code: string }]>([
		['weights not totalling 100 %', (s) => (s.components[0]!.weight = 2500), { path: ['components'], code: 'weights_not_100' }],
		['no components', (s) => (s.components = []), { path: ['components'], code: 'components_empty' }],
		['a weight over 100 %', (s) => (s.components[0]!.weight = 10001), { path: ['components', 0, 'weight'], code: 'weight_out_of_range' }],
		['a weight with a third decimal', (s) => (s.components[0]!.weight = 2000.5), { path: ['components', 0, 'weight'], code: 'value_not_hundredths' }],
		['a duplicate component key', (s) => (s.components[1]!.key = 'theory'), { path: ['components', 1, 'key'], code: 'duplicate_component_key' }],
		['a key naming a prototype property', (s) => (s.components[0]!.key = 'constructor'), { path: ['components', 0, 'key'], code: 'key_invalid' }],
		['no criteria', (s) => (judges(s).criteria = []), { path: ['components', 1, 'criteria'], code: 'criteria_empty' }],
		['a duplicate criterion key', (s) => (judges(s).criteria[1]!.key = 'quality'), { path: ['components', 1, 'criteria', 1, 'key'], code: 'duplicate_criterion_key' }],
		['a criterion max of 0', (s) => (judges(s).criteria[0]!.max = 0), { path: ['components', 1, 'criteria', 0, 'max'], code: 'criterion_max_not_positive' }],
		['a criterion weight of 0', (s) => (judges(s).criteria[0]!.weight = 0), { path: ['components', 1, 'criteria', 0, 'weight'], code: 'criterion_weight_not_positive' }],
		['an unknown aggregation', (s) => (judges(s).aggregation = { method: 'mode' } as never), { path: ['components', 1, 'aggregation', 'method'], code: 'unknown_aggregation' }],
		['too few judges to trim', (s) => (judges(s).aggregation = { method: 'trimmed_mean', trim: 2, minJudges: 4 }), { path: ['components', 1, 'aggregation', 'minJudges'], code: 'min_judges_too_small_for_trim' }],
		['a negative trim', (s) => (judges(s).aggregation = { method: 'trimmed_mean', trim: -1 }), { path: ['components', 1, 'aggregation', 'trim'], code: 'trim_invalid' }],
		['an unknown level', (s) => (judges(s).level = 'panel' as never), { path: ['components', 1, 'level'], code: 'unknown_level' }],
		['a deduction worth 0', (s) => (judges(s).deductions = [{ key: 'defect', points: 0 }]), { path: ['components', 1, 'deductions', 0, 'points'], code: 'deduction_points_out_of_range' }],
		['a duplicate deduction key', (s) => (judges(s).deductions = [{ key: 'defect', points: 100 }, { key: 'defect', points: 200 }]), { path: ['components', 1, 'deductions', 1, 'key'], code: 'duplicate_deduction_key' }],
		['an entered max of 0', (s) => ((s.components[0] as { max?: number }).max = 0), { path: ['components', 0, 'max'], code: 'entered_max_not_positive' }],
		['an unknown source', (s) => ((s.components[0] as { source: string }).source = 'oracle'), { path: ['components', 0, 'source'], code: 'unknown_source' }],
		['an unknown vote normalisation', (s) => (s.components[0] = { key: 'vote', source: 'public_vote', weight: 2000, normalisation: 'log' as never }), { path: ['components', 0, 'normalisation'], code: 'unknown_normalisation' }],
		['a tie-break on an unknown component', (s) => (s.tieBreaks = ['component:interview']), { path: ['tieBreaks', 0], code: 'unknown_tie_break_component' }],
		['an unknown tie-break', (s) => (s.tieBreaks = ['coin_toss' as never]), { path: ['tieBreaks', 0], code: 'unknown_tie_break' }],
		['a repeated tie-break', (s) => (s.tieBreaks = ['fewer_deductions', 'fewer_deductions']), { path: ['tieBreaks', 1], code: 'duplicate_tie_break' }],
		['a duplicate tier key', (s) => s.tiers!.push({ ...s.tiers![0]! }), { path: ['tiers', 1, 'key'], code: 'duplicate_tier_key' }],
		['a fractional tier count', (s) => (s.tiers![0]!.limit = { kind: 'count', count: 1.5 }), { path: ['tiers', 0, 'limit', 'count'], code: 'tier_count_invalid' }],
		['a tier share over 100 %', (s) => (s.tiers![0]!.limit = { kind: 'share', share: 12000 }), { path: ['tiers', 0, 'limit', 'share'], code: 'share_out_of_range' }],
		['an unknown tier limit', (s) => (s.tiers![0]!.limit = { kind: 'half' } as never), { path: ['tiers', 0, 'limit'], code: 'unknown_tier_limit' }],
		['a tier minimum over 100', (s) => (s.tiers![0]!.minimumTotal = 10001), { path: ['tiers', 0, 'minimumTotal'], code: 'minimum_total_out_of_range' }],
		['a team of 0', (s) => (s.teams = { size: 0, method: 'sum' }), { path: ['teams', 'size'], code: 'team_size_invalid' }],
		['an unknown team method', (s) => (s.teams = { size: 3, method: 'best' as never }), { path: ['teams', 'method'], code: 'unknown_team_method' }],
		['a negative advancement count', (s) => (s.advancement = { kind: 'top', count: -1 }), { path: ['advancement', 'count'], code: 'advancement_count_invalid' }],
		['an advancement share over 100 %', (s) => (s.advancement = { kind: 'top_share', share: 10001 }), { path: ['advancement', 'share'], code: 'share_out_of_range' }],
		['an unknown advancement rule', (s) => (s.advancement = { kind: 'lottery' } as never), { path: ['advancement', 'kind'], code: 'unknown_advancement' }],
		['a spread threshold over 100', (s) => (s.spreadThreshold = 20000), { path: ['spreadThreshold'], code: 'spread_threshold_out_of_range' }]
	])('reports %s', (_, change, expected) => {
		expect(issuesAfter(change)).toContainEqual(expected);
	});

	it('accepts the weights if and only if they total exactly 100 %', () => {
		fc.assert(
			fc.property(fc.array(fc.nat({ max: 10000 }), { minLength: 1, maxLength: 5 }), (weights) => {
				const scheme: Scheme = { components: weights.map((weight, index) => ({ key: `c${index}`, source: 'entered', weight })) };
				const isHundred = weights.reduce((sum, weight) => sum + weight, 0) === 10000;
				expect(validateScheme(scheme).length === 0).toBe(isHundred);
				expect(validateScheme(scheme).some((issue) => issue.code === 'weights_not_100')).toBe(!isHundred);
			})
		);
	});
});
