import { describe, expect, it } from 'vitest';
import { CRAFTSMAN_AWARD_TEMPLATE, SCHEME_TEMPLATES, SKILLS_CONTEST_TEMPLATE, validateScheme, type Scheme } from '$lib/domain/scoring';
import { modelToScheme } from './build-scheme';
import { emptyScheme, fieldId, move, schemeToModel, toDecimalText, weightTotal } from './editor-model';

const skills = SKILLS_CONTEST_TEMPLATE.rounds[0]!.scheme;

describe('toDecimalText', () => {
	it('writes hundredths as the shortest decimal', () => {
		expect(toDecimalText(8000)).toBe('80');
		expect(toDecimalText(1250)).toBe('12.5');
		expect(toDecimalText(1725)).toBe('17.25');
		expect(toDecimalText(5)).toBe('0.05');
		expect(toDecimalText(0)).toBe('0');
		expect(toDecimalText(-250)).toBe('-2.5');
	});
});

describe('schemeToModel', () => {
	it('shows points and percent as decimals', () => {
		const model = schemeToModel(skills);
		const [theory, practical] = model.components;
		expect(theory).toMatchObject({ key: 'theory', zh: '理论考试', en: 'Theory exam', source: 'entered', weight: '20', enteredMax: '100' });
		expect(practical).toMatchObject({ key: 'practical', weight: '80', aggregation: 'trimmed_mean', trim: '1', minJudges: '5', level: 'judge_total' });
		expect(practical!.criteria.map((row) => [row.key, row.max, row.weight])).toEqual([
			['process', '20', ''],
			['precision', '35', ''],
			['surface', '20', ''],
			['completeness', '15', ''],
			['safety', '10', '']
		]);
		expect(practical!.deductions.map((row) => row.points)).toEqual(['2', '5']);
		expect(model.tiers.map((tier) => [tier.limitKind, tier.share])).toEqual([
			['share', '10'],
			['share', '20'],
			['share', '30']
		]);
		expect(model.teams).toEqual({ enabled: true, size: '3', method: 'sum' });
		expect(model.spreadThreshold).toBe('20');
	});

	it('points tie-breaks at component rows, so renaming a key keeps the rule', () => {
		const model = schemeToModel(skills);
		expect(model.tieBreaks.map((rule) => rule.kind)).toEqual(['component', 'fewer_deductions', 'earlier_finish']);
		model.components[1]!.key = 'hands_on';
		expect(modelToScheme(model).scheme.tieBreaks).toEqual(['component:hands_on', 'fewer_deductions', 'earlier_finish']);
	});

	it('reads advancement and count limits', () => {
		const model = schemeToModel(CRAFTSMAN_AWARD_TEMPLATE.rounds[0]!.scheme);
		expect(model.advancement).toEqual({ kind: 'top', count: '21', share: '', minimum: '' });
		expect(model.components[1]).toMatchObject({ source: 'public_vote', normalisation: 'top', weight: '10' });
		const final = schemeToModel(CRAFTSMAN_AWARD_TEMPLATE.rounds[1]!.scheme);
		expect(final.tiers.map((tier) => [tier.limitKind, tier.count])).toEqual([
			['count', '12'],
			['count', '9']
		]);
	});
});

describe('modelToScheme', () => {
	it.each(SCHEME_TEMPLATES.flatMap((template) => template.rounds.map((round) => [`${template.key}/${round.key}`, round.scheme] as const)))(
		'round-trips the %s template to the same rules',
		(_name, scheme: Scheme) => {
			const built = modelToScheme(schemeToModel(scheme));
			expect(built.issues).toEqual({});
			expect(validateScheme(built.scheme)).toEqual([]);
			expect(modelToScheme(schemeToModel(built.scheme)).scheme).toEqual(built.scheme);
			// Defaults are written out; the numbers are exactly the template's.
			expect(built.scheme.components.map((row) => [row.key, row.weight])).toEqual(scheme.components.map((row) => [row.key, row.weight]));
			expect(built.scheme.tiers).toEqual(scheme.tiers);
			expect(built.scheme.advancement).toEqual(scheme.advancement);
		}
	);

	it('converts typed decimals to hundredths', () => {
		const model = schemeToModel(skills);
		model.components[0]!.weight = '12.5';
		model.components[1]!.weight = '87.50';
		model.components[1]!.criteria[0]!.weight = '7.25';
		model.tiers[0]!.minimumTotal = '60';
		const { scheme, issues } = modelToScheme(model);
		expect(issues).toEqual({});
		expect(scheme.components.map((row) => row.weight)).toEqual([1250, 8750]);
		const practical = scheme.components[1]!;
		expect(practical.source === 'judges' && practical.criteria[0]).toEqual({ key: 'process', label: { 'zh-CN': '工艺规范', en: 'Process' }, max: 2000, weight: 725 });
		expect(scheme.tiers![0]!.minimumTotal).toBe(6000);
	});

	it('reports unreadable values at the paths the server uses, never guessing', () => {
		const model = schemeToModel(skills);
		model.components[0]!.weight = '20.125';
		model.components[1]!.weight = '';
		model.components[1]!.criteria[2]!.max = 'abc';
		model.components[1]!.trim = '1.5';
		model.tiers[1]!.share = '';
		model.teams.size = 'x';
		expect(modelToScheme(model).issues).toEqual({
			'scheme.components.0.weight': 'too_many_decimals',
			'scheme.components.1.weight': 'required',
			'scheme.components.1.criteria.2.max': 'decimal_invalid',
			'scheme.components.1.aggregation.trim': 'integer_invalid',
			'scheme.tiers.1.limit.share': 'required',
			'scheme.teams.size': 'integer_invalid'
		});
	});

	it('asks for the Chinese name of a row named in English, and of every tier', () => {
		const model = schemeToModel(skills);
		model.components[1]!.criteria[0]!.zh = ' ';
		model.components[1]!.deductions[0]!.zh = '';
		model.components[1]!.deductions[0]!.en = '';
		model.tiers[0]!.zh = '';
		model.tiers[0]!.en = '';
		expect(modelToScheme(model).issues).toEqual({
			'scheme.components.1.criteria.0.label.zh-CN': 'label_zh_required',
			'scheme.tiers.0.label.zh-CN': 'label_zh_required'
		});
	});

	it('leaves out empty labels and optional parts', () => {
		const model = emptyScheme();
		const { scheme, issues } = modelToScheme(model);
		expect(issues).toEqual({});
		expect(scheme).toEqual({
			components: [{ key: 'practical', weight: 10000, source: 'judges', criteria: [{ key: 'overall', max: 10000 }], aggregation: { method: 'mean' }, level: 'judge_total' }]
		});
		expect(validateScheme(scheme)).toEqual([]);
	});

	it('keeps each source’s settings when the source is switched back', () => {
		const model = schemeToModel(skills);
		model.components[1]!.source = 'entered';
		expect(modelToScheme(model).scheme.components[1]).toEqual({ key: 'practical', label: { 'zh-CN': '实际操作', en: 'Practical' }, weight: 8000, source: 'entered', max: 10000 });
		model.components[1]!.source = 'judges';
		expect(modelToScheme(model).scheme.components[1]).toEqual(modelToScheme(schemeToModel(skills)).scheme.components[1]);
	});

	it('builds advancement and spread from their kinds', () => {
		const model = emptyScheme();
		model.advancement = { kind: 'top_share', count: '5', share: '33.33', minimum: '' };
		model.spreadThreshold = '15';
		expect(modelToScheme(model).scheme).toMatchObject({ advancement: { kind: 'top_share', share: 3333 }, spreadThreshold: 1500 });
		model.advancement.kind = 'minimum_total';
		model.advancement.minimum = '60';
		expect(modelToScheme(model).scheme.advancement).toEqual({ kind: 'minimum_total', minimum: 6000 });
	});
});

describe('helpers', () => {
	it('totals the weights as hundredths', () => {
		const model = schemeToModel(skills);
		expect(weightTotal(model)).toBe(10_000);
		model.components[1]!.weight = '70';
		expect(weightTotal(model)).toBe(9000);
		model.components[1]!.weight = '70.5.1';
		expect(weightTotal(model)).toBeNull();
	});

	it('moves rows within bounds', () => {
		const rows = ['a', 'b', 'c'];
		move(rows, 0, -1);
		expect(rows).toEqual(['a', 'b', 'c']);
		move(rows, 0, 1);
		expect(rows).toEqual(['b', 'a', 'c']);
		move(rows, 2, -1);
		expect(rows).toEqual(['b', 'c', 'a']);
		move(rows, 2, 1);
		expect(rows).toEqual(['b', 'c', 'a']);
	});

	it('maps server paths to input ids', () => {
		expect(fieldId('scheme.components.0.weight')).toBe('f-components-0-weight');
		expect(fieldId('reason')).toBe('f-reason');
	});
});
