import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { roundProgress, type ProgressInput } from './progress';

const base: ProgressInput = {
	entries: [
		{ entryId: 'e1', number: 3 },
		{ entryId: 'e2', number: 7 }
	],
	scoringJudgeIds: ['j1', 'j2', 'j3'],
	componentKeys: ['practical'],
	excused: [],
	received: []
};

describe('round progress on the board', () => {
	it('expects one sheet per scoring judge and judges component', () => {
		expect(roundProgress({ ...base, componentKeys: ['practical', 'safety'] })).toEqual([
			{ number: 3, received: 0, expected: 6 },
			{ number: 7, received: 0, expected: 6 }
		]);
	});

	it('counts received sheets and leaves out judges who stand aside or are absent', () => {
		const progress = roundProgress({
			...base,
			excused: [
				{ entryId: 'e1', judgeId: 'j3' },
				{ entryId: 'e2', judgeId: 'j1' }
			],
			received: [
				{ entryId: 'e1', judgeId: 'j1', componentKey: 'practical' },
				{ entryId: 'e1', judgeId: 'j2', componentKey: 'practical' },
				// Excused for e1: does not count, so received never exceeds expected.
				{ entryId: 'e1', judgeId: 'j3', componentKey: 'practical' },
				// Not on the panel any more, and a component the scheme no longer has.
				{ entryId: 'e2', judgeId: 'j9', componentKey: 'practical' },
				{ entryId: 'e2', judgeId: 'j2', componentKey: 'theory' }
			]
		});
		expect(progress).toEqual([
			{ number: 3, received: 2, expected: 2 },
			{ number: 7, received: 0, expected: 2 }
		]);
	});

	it('never says more received than expected and never carries an entry id', () => {
		const id = fc.constantFrom('a', 'b', 'c', 'd');
		fc.assert(
			fc.property(
				fc.uniqueArray(id, { minLength: 1 }),
				fc.uniqueArray(fc.constantFrom('j1', 'j2', 'j3', 'j4')),
				fc.uniqueArray(fc.constantFrom('p', 'q')),
				fc.array(fc.record({ entryId: id, judgeId: fc.constantFrom('j1', 'j2', 'j5') })),
				fc.array(fc.record({ entryId: id, judgeId: fc.constantFrom('j1', 'j2', 'j3', 'j5'), componentKey: fc.constantFrom('p', 'q', 'r') })),
				(entryIds, scoringJudgeIds, componentKeys, excused, received) => {
					const progress = roundProgress({ entries: entryIds.map((entryId, index) => ({ entryId, number: index + 1 })), scoringJudgeIds, componentKeys, excused, received });
					for (const row of progress) {
						expect(row.received).toBeLessThanOrEqual(row.expected);
						expect(Object.keys(row).sort()).toEqual(['expected', 'number', 'received']);
					}
				}
			)
		);
	});
});
