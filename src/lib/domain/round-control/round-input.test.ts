import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateRound } from '../scoring';
import type { Scheme } from '../scoring/types';
import { assembleRoundInput, engineNumbers, type StoredRound } from './round-input';

const SCHEME: Scheme = {
	components: [
		{ key: 'theory', source: 'entered', weight: 2000 },
		{ key: 'practical', source: 'judges', weight: 7000, criteria: [{ key: 'work', max: 6000 }, { key: 'safety', max: 4000 }], deductions: [{ key: 'defect', points: 200 }] },
		{ key: 'vote', source: 'public_vote', weight: 1000 }
	],
	tieBreaks: ['earlier_finish']
};

const empty: StoredRound = { entries: [], sheets: [], standAside: [], absences: [], deductionCounts: [], enteredValues: [], finishTimes: [] };
const sheet = (entryId: string, judgeId: string, status: string, work = 5000, safety = 3000) => ({ entryId, judgeId, componentKey: 'practical', status, scores: { work, safety } });

describe('assembleRoundInput', () => {
	const stored: StoredRound = {
		...empty,
		entries: [
			{ entryId: 'e1', number: 101 },
			{ entryId: 'e2', number: 102 }
		],
		sheets: [sheet('e1', 'j1', 'submitted'), sheet('e1', 'j2', 'locked', 6000, 4000), sheet('e1', 'j3', 'draft', 0, 0), sheet('e1', 'j4', 'returned', 0, 0), sheet('e2', 'j1', 'submitted'), sheet('e2', 'j2', 'submitted', 0, 0)],
		standAside: [{ entryId: 'e2', judgeId: 'j2' }],
		absences: [{ entryId: 'e1', judgeId: 'j1' }],
		deductionCounts: [{ entryId: 'e1', componentKey: 'practical', itemKey: 'defect', count: 2 }],
		enteredValues: [{ entryId: 'e1', componentKey: 'theory', value: 8000 }],
		finishTimes: [{ entryId: 'e2', finishedAt: 1_700_000_000_000 }]
	};

	it('counts submitted and locked sheets only, without judges who stand aside or are absent', () => {
		const input = assembleRoundInput(SCHEME, stored);
		const [first, second] = input.entries;
		expect(first!.sheets!.practical!.map((row) => row.judgeId)).toEqual(['j2']);
		expect(second!.sheets!.practical!.map((row) => row.judgeId)).toEqual(['j1']);
	});

	it('carries the panel’s deduction counts, entered values, finish times and zero votes (no votes table yet)', () => {
		const [first, second] = assembleRoundInput(SCHEME, stored).entries;
		expect(first!.deductions).toEqual({ practical: { defect: 2 } });
		expect(first!.entered).toEqual({ theory: 8000 });
		expect(second!.entered).toEqual({});
		expect(second!.finishedAt).toBe(1_700_000_000_000);
		expect(first!.votes).toEqual({ vote: 0 });
	});

	it('scores like the engine: entry 101 gets 100 × 70 % − deductions, theory 80 × 20 %', () => {
		const result = evaluateRound(SCHEME, assembleRoundInput(SCHEME, stored));
		const first = result.entries.find((entry) => entry.entryId === 'e1')!;
		expect(first.components).toEqual({ theory: 8000, practical: 9600, vote: 0 });
		expect(first.total).toBe(8320);
		const second = result.entries.find((entry) => entry.entryId === 'e2')!;
		expect(second.flags).toContainEqual({ code: 'missing_entered_value', component: 'theory' });
	});
});

describe('engineNumbers', () => {
	it('keeps distinct numbers and numbers the rest after the largest', () => {
		const numbers = engineNumbers([
			{ entryId: 'a', number: 3 },
			{ entryId: 'b', number: null },
			{ entryId: 'c', number: 7 },
			{ entryId: 'd', number: 3 }
		]);
		expect([...numbers.entries()]).toEqual([
			['a', 8],
			['b', 9],
			['c', 7],
			['d', 10]
		]);
	});

	it('always gives distinct positive whole numbers, keeping every number no other entry shares', () => {
		fc.assert(
			fc.property(fc.array(fc.option(fc.integer({ min: 1, max: 50 }), { nil: null }), { maxLength: 40 }), (given) => {
				const entries = given.map((number, index) => ({ entryId: `e${index}`, number }));
				const numbers = engineNumbers(entries);
				const values = [...numbers.values()];
				expect(new Set(values).size).toBe(values.length);
				for (const value of values) expect(Number.isSafeInteger(value) && value > 0).toBe(true);
				for (const entry of entries)
					if (entry.number !== null && given.filter((number) => number === entry.number).length === 1) expect(numbers.get(entry.entryId)).toBe(entry.number);
			})
		);
	});
});

describe('assembleRoundInput, for any stored round', () => {
	const judges = ['j1', 'j2', 'j3', 'j4'];
	const storedRound = fc
		.record({
			count: fc.integer({ min: 1, max: 6 }),
			sheets: fc.array(fc.record({ entry: fc.nat(5), judge: fc.constantFrom(...judges), status: fc.constantFrom('draft', 'submitted', 'returned', 'locked'), work: fc.integer({ min: 0, max: 6000 }), safety: fc.integer({ min: 0, max: 4000 }) }), { maxLength: 30 }),
			aside: fc.array(fc.record({ entry: fc.nat(5), judge: fc.constantFrom(...judges) }), { maxLength: 4 })
		})
		.map(({ count, sheets, aside }): StoredRound => {
			const seen = new Set<string>();
			return {
				...empty,
				entries: Array.from({ length: count }, (_, index) => ({ entryId: `e${index}`, number: index + 1 })),
				sheets: sheets
					.filter((row) => row.entry < count && !seen.has(`${row.entry}${row.judge}`) && seen.add(`${row.entry}${row.judge}`))
					.map((row) => sheet(`e${row.entry}`, row.judge, row.status, row.work, row.safety)),
				standAside: aside.map((row) => ({ entryId: `e${row.entry}`, judgeId: row.judge }))
			};
		});

	it('never lets a draft, a returned sheet or a judge who stands aside change a result', () => {
		fc.assert(
			fc.property(storedRound, (stored) => {
				const aside = new Set(stored.standAside.map((row) => `${row.entryId}${row.judgeId}`));
				const counted = stored.sheets.filter((row) => (row.status === 'submitted' || row.status === 'locked') && !aside.has(`${row.entryId}${row.judgeId}`));
				const scrambled = stored.sheets.map((row) => (counted.includes(row) ? row : { ...row, scores: { work: 1, safety: 1 } }));
				expect(evaluateRound(SCHEME, assembleRoundInput(SCHEME, { ...stored, sheets: scrambled }))).toEqual(evaluateRound(SCHEME, assembleRoundInput(SCHEME, stored)));
				expect(assembleRoundInput(SCHEME, stored).entries.flatMap((entry) => entry.sheets!.practical!).length).toBe(counted.length);
			})
		);
	});
});
