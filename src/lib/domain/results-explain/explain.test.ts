import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateRound } from '../scoring/evaluate';
import { SKILLS_CONTEST_TEMPLATE } from '../scoring/templates';
import type { Scheme } from '../scoring/types';
import { explainEntry, labelIn } from './explain';

describe('explainEntry', () => {
	it('shows a skills contest entry the way a reader recomputes it: trimmed judges, deductions, theory, weights, total', () => {
		const scheme = SKILLS_CONTEST_TEMPLATE.rounds[0]!.scheme;
		const marks = (total: number) => ({ process: 2000, precision: total - 6500, surface: 2000, completeness: 1500, safety: 1000 });
		const sheets = [8000, 9000, 7500, 8550, 9800].map((total, index) => ({ judgeId: `j${index + 1}`, scores: marks(total) }));
		const result = evaluateRound(scheme, { entries: [{ id: 'a', number: 7, entered: { theory: 8650 }, sheets: { practical: sheets }, deductions: { practical: { defect: 3 } } }] });
		// JSON round trip: what result_version.result gives back.
		const stored = JSON.parse(JSON.stringify(result.entries[0], (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)));
		const explanation = explainEntry(stored, scheme);
		const practical = explanation.components.find((component) => component.key === 'practical');
		const theory = explanation.components.find((component) => component.key === 'theory');
		expect(theory).toMatchObject({ source: 'entered', entered: '86.50', value: '86.50', weight: '20.00', weighted: '17.30' });
		expect(practical?.source).toBe('judges');
		if (practical?.source !== 'judges') return;
		expect(practical.judges.map((judge) => [judge.seat, judge.judgeScore, judge.status])).toEqual([
			[1, '80.0000', 'counted'],
			[2, '90.0000', 'counted'],
			[3, '75.0000', 'dropped_low'],
			[4, '85.5000', 'counted'],
			[5, '98.0000', 'dropped_high']
		]);
		expect(practical.aggregate).toBe('85.1667');
		expect(practical.deductions).toEqual([{ item: 'defect', label: expect.anything(), count: 3, points: '2.00', total: '6.00' }]);
		expect(practical).toMatchObject({ value: '79.17', weight: '80.00', weighted: '63.336', totalDeduction: '6.00' });
		expect(practical.judges[0]!.scores.find((score) => score.criterion === 'precision')?.value).toBe('15.00');
		expect(explanation).toMatchObject({ weightedSum: '80.636', total: '80.64', totalMatches: true, rank: 1 });
	});

	it('explains a public vote normalised to the most votes', () => {
		const scheme: Scheme = {
			components: [
				{ key: 'expert', source: 'judges', weight: 9000, criteria: [{ key: 'overall', max: 10000 }] },
				{ key: 'vote', source: 'public_vote', weight: 1000 }
			]
		};
		const panel = (...scores: number[]) => scores.map((overall, index) => ({ judgeId: `j${index}`, scores: { overall } }));
		const result = evaluateRound(scheme, {
			entries: [
				{ id: 'a', number: 1, sheets: { expert: panel(9000, 9200) }, votes: { vote: 120 } },
				{ id: 'b', number: 2, sheets: { expert: panel(8000, 8000) }, votes: { vote: 600 } }
			]
		});
		const explanation = explainEntry(result.entries.find((entry) => entry.entryId === 'a')!, scheme);
		expect(explanation.components[1]).toMatchObject({ source: 'public_vote', votes: 120, reference: 600, normalisation: 'top', value: '20.00', weighted: '2.00' });
		expect(explanation).toMatchObject({ weightedSum: '83.90', total: '83.90', totalMatches: true });
	});

	it('always finds the published total again from the rounded components', () => {
		const scheme: Scheme = {
			components: [
				{ key: 'theory', source: 'entered', weight: 3333 },
				{ key: 'practical', source: 'entered', weight: 6667 }
			]
		};
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 0, max: 10000 }), (theory, practical) => {
				const [entry] = evaluateRound(scheme, { entries: [{ id: 'x', number: 1, entered: { theory, practical } }] }).entries;
				expect(explainEntry(entry!, scheme).totalMatches).toBe(true);
			})
		);
	});
});

describe('labelIn', () => {
	it('picks the reader’s language and falls back to the key', () => {
		expect(labelIn({ 'zh-CN': '实操', en: 'Practical' }, 'en', 'practical')).toBe('Practical');
		expect(labelIn({ 'zh-CN': '实操', en: 'Practical' }, 'zh-CN', 'practical')).toBe('实操');
		expect(labelIn(null, 'en', 'practical')).toBe('practical');
	});
});
