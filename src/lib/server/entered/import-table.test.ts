import { describe, expect, it } from 'vitest';
import { headerKey, planImport, problemsAsFields } from './import-table';

const context = {
	components: [
		{ key: 'theory', max: 10000 },
		{ key: 'measure', max: 5000 }
	],
	entries: [
		{ entryId: 'e1', number: 101 },
		{ entryId: 'e2', number: 102 },
		{ entryId: 'e3', number: null }
	]
};
const header = ['号码 (number)', '理论考试 (theory)', '测量（measure）'];

describe('entered-values import table', () => {
	it('finds columns by the key in brackets, half- or full-width, or bare', () => {
		expect(header.map(headerKey)).toEqual(['number', 'theory', 'measure']);
		expect(headerKey('theory')).toBe('theory');
	});

	it('plans every value of a correct table; empty cells are left alone', () => {
		const plan = planImport(header, [{ rowNumber: 2, cells: ['101', '87.5', ''] }, { rowNumber: 3, cells: ['102', '', '49,99'] }], context);
		expect(plan.problems).toEqual([]);
		expect(plan.values).toEqual([
			{ entryId: 'e1', number: 101, componentKey: 'theory', value: 8750 },
			{ entryId: 'e2', number: 102, componentKey: 'measure', value: 4999 }
		]);
	});

	it('names each problem by row and column: unknown or repeated numbers, bad values, values over the max', () => {
		const plan = planImport(
			header,
			[
				{ rowNumber: 2, cells: ['101', '87.555', '60'] },
				{ rowNumber: 3, cells: ['999', '1', ''] },
				{ rowNumber: 4, cells: ['101', '1', ''] },
				{ rowNumber: 5, cells: ['', '1', ''] }
			],
			context
		);
		expect(plan.problems.map(({ row, column }) => [row, column])).toEqual([
			[2, '理论考试 (theory)'],
			[2, '测量（measure）'],
			[3, '号码 (number)'],
			[4, '号码 (number)'],
			[5, '号码 (number)']
		]);
		expect(Object.keys(problemsAsFields(plan.problems))).toContain('row3.号码 (number)');
	});

	it('refuses a table without the number column or with a column the round does not have, and an empty one', () => {
		expect(planImport(['theory'], [], context).problems).toHaveLength(1);
		expect(planImport(['number', 'practical'], [{ rowNumber: 2, cells: ['101', '1'] }], context).problems).toEqual([{ row: 1, column: 'practical', message: expect.any(String) }]);
		expect(planImport(['number', 'theory'], [{ rowNumber: 2, cells: ['101', ''] }], context).problems).toHaveLength(1);
	});
});
