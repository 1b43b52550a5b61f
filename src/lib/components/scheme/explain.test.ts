import { describe, expect, it } from 'vitest';
import { CRAFTSMAN_AWARD_TEMPLATE, SKILLS_CONTEST_TEMPLATE, WORLDSKILLS_TEMPLATE, evaluateRound, type RoundResult, type Scheme } from '$lib/domain/scoring';
import { modelToScheme } from './build-scheme';
import { schemeToModel, type SchemeModel } from './editor-model';
import { buildSampleInput, emptySample, sampleKeys, type SampleModel } from './preview-sample';
import { explainEntry } from './explain';

/** What the page does: build the scheme and sample, evaluate (through JSON, as the API would), explain. */
function preview(model: SchemeModel, sample: SampleModel = emptySample()) {
	const { scheme } = modelToScheme(model);
	const { input, invalid } = buildSampleInput(model, scheme, sample);
	const wire = JSON.stringify(evaluateRound(scheme, input), (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
	const result = JSON.parse(wire) as RoundResult;
	const entry = result.entries.find((row) => row.entryId === 'sample')!;
	return { scheme, input, invalid, entry, zh: explainEntry(scheme, entry, 'zh-CN'), en: explainEntry(scheme, entry, 'en') };
}

const skills = () => schemeToModel(SKILLS_CONTEST_TEMPLATE.rounds[0]!.scheme);

describe('sample contestant', () => {
	it('defaults to five judges for a trimmed mean, one deduction and 80 % of the entered max', () => {
		const model = skills();
		const { input, invalid } = preview(model);
		expect(invalid).toEqual([]);
		const [entry] = input.entries;
		expect(entry!.sheets!['practical']).toHaveLength(5);
		expect(entry!.sheets!['practical']![2]).toEqual({ judgeId: 'j3', scores: { process: 1840, precision: 3220, surface: 1840, completeness: 1380, safety: 920 } });
		expect(entry!.deductions).toEqual({ practical: { defect: 1, safety_breach: 0 } });
		expect(entry!.entered).toEqual({ theory: 8000 });
		expect(input.entries).toHaveLength(1);
	});

	it('uses three judges otherwise, and a comparison entry holding the top votes', () => {
		const model = schemeToModel(CRAFTSMAN_AWARD_TEMPLATE.rounds[0]!.scheme);
		model.components[0]!.aggregation = 'median';
		const { input } = preview(model);
		expect(input.entries[0]!.sheets!['expert']).toHaveLength(3);
		expect(input.entries.map((entry) => entry.votes)).toEqual([{ public_vote: 120 }, { public_vote: 200 }]);
		model.components[1]!.normalisation = 'share';
		expect(preview(model).input.entries[1]!.votes).toEqual({ public_vote: 280 });
	});

	it('reports sample values that are not numbers', () => {
		const model = skills();
		const practical = model.components[1]!;
		const sample = emptySample();
		sample.values[sampleKeys.mark(practical.id, 0, practical.criteria[0]!.id)] = '1.234';
		sample.values[sampleKeys.deduction(practical.id, practical.deductions[0]!.id)] = '-1';
		expect(preview(model, sample).invalid).toHaveLength(2);
	});
});

describe('explainEntry', () => {
	it('explains the 20/80 template in words and numbers, in both languages', () => {
		const { zh, en, entry } = preview(skills());
		// Judges score 85, 88, 92, 70, 80: drop 92 (judge 3) and 70 (judge 4), mean 84.33, minus one defect of 2.
		expect(entry.total).toBe(8186);
		expect(zh.components.map((row) => row.text)).toEqual([
			'理论考试：录入 80.00（满分 100.00）；得分 80.00 × 20% = 16.00',
			'实际操作：各评委得分 85.00、88.00、92.00、70.00、80.00；5 位评委，去掉最高分 92.00（评委 3）和最低分 70.00（评委 4），其余平均 84.33；扣分：工件缺陷（每处） 1 处 × 2 分 = 2.00；得分 82.33 × 80% = 65.86'
		]);
		expect(zh.total).toBe('总分：16.00 + 65.86 = 81.86');
		expect(en.components[1]!.text).toBe(
			"Practical: judges' scores 85.00, 88.00, 92.00, 70.00, 80.00; 5 judges; highest 92.00 (judge 3) and lowest 70.00 (judge 4) dropped; mean of the rest 84.33; deductions: Workpiece defect (each) 1 × 2 = 2.00; component 82.33 × 80% = 65.86"
		);
		expect(en.total).toBe('Total: 16.00 + 65.86 = 81.86');
	});

	it('says when too few judges are present to drop scores', () => {
		const model = skills();
		const sample = emptySample();
		sample.judgeCounts[model.components[1]!.id] = 4;
		const { zh, en } = preview(model, sample);
		expect(zh.components[1]!.text).toContain('4 位评委（不足 5 位，不去分），平均 83.75');
		expect(en.components[1]!.text).toContain('4 judges (fewer than 5, none dropped); mean 83.75');
	});

	it('explains votes against the top and the median', () => {
		const model = schemeToModel(CRAFTSMAN_AWARD_TEMPLATE.rounds[0]!.scheme);
		model.components[0]!.aggregation = 'median';
		const { zh, en, entry } = preview(model);
		expect(zh.components[0]!.text).toContain('3 位评委，中位数 88.00');
		expect(zh.components[1]!.text).toBe('网络投票：120 票 ÷ 最高 200 票 × 100 = 60.00；得分 60.00 × 10% = 6.00');
		expect(en.components[1]!.text).toBe('Public vote: 120 votes ÷ top 200 votes × 100 = 60.00; component 60.00 × 10% = 6.00');
		expect(entry.total).toBe(7920 + 600);
	});

	it('lists criterion aggregates at criterion level and adds the rounding note when parts do not add up', () => {
		const scheme: Scheme = {
			components: [
				{ key: 'a', source: 'judges', weight: 3333, criteria: [{ key: 'c', label: { 'zh-CN': '质量', en: 'Quality' }, max: 1000 }], level: 'criterion' },
				{ key: 'b', source: 'entered', weight: 6667, max: 300 }
			]
		};
		const model = schemeToModel(scheme);
		const sample = emptySample();
		sample.values[sampleKeys.entered(model.components[1]!.id)] = '1';
		const { zh, en, entry } = preview(model, sample);
		expect(zh.components[0]!.text).toBe('a：3 位评委，逐项取平均分：质量 8.83/10.00，折合百分制 88.33；得分 88.33 × 33.33% = 29.44');
		expect(en.components[0]!.text).toContain('3 judges, each criterion by mean: Quality 8.83/10.00; out of 100: 88.33');
		expect(zh.components[1]!.text).toBe('b：录入 1.00（满分 3.00）；得分 33.33 × 66.67% = 22.22');
		expect(entry.total).toBe(5166);
		expect(zh.total).toBe('总分：29.44 + 22.22 = 51.66');
	});

	it('explains WorldSkills judgement marks weighted by marks', () => {
		const { zh } = preview(schemeToModel(WORLDSKILLS_TEMPLATE.rounds[0]!.scheme));
		expect(zh.components[0]!.text).toBe('测量分：录入 48.00（满分 60.00）；得分 80.00 × 60% = 48.00');
		expect(zh.components[1]!.text).toMatch(/^评价分：各评委得分 85\.00、88\.00、92\.00；3 位评委，平均 88\.33；得分 88\.33 × 40% = 35\.33$/);
	});
});
