import { describe, expect, it } from 'vitest';
import { diffPlacings } from './placing-diff';

const placing = (entryId: string, number: number, rank: number, total: number, tierLabel: string | null = null) => ({ entryId, number, rank, total, tierLabel });

describe('diffPlacings', () => {
	it('lists only what the re-score changed, by the new rank', () => {
		const before = [placing('a', 1, 1, 9000, '一等奖'), placing('b', 2, 2, 8800, '二等奖'), placing('c', 3, 3, 8000)];
		const after = [placing('b', 2, 1, 9100, '一等奖'), placing('a', 1, 2, 9000, '二等奖'), placing('c', 3, 3, 8000)];
		expect(diffPlacings(before, after)).toEqual([
			{ entryId: 'b', number: 2, before: before[1], after: after[0] },
			{ entryId: 'a', number: 1, before: before[0], after: after[1] }
		]);
	});
	it('shows entries that appear in only one version', () => {
		const changes = diffPlacings([placing('a', 1, 1, 9000)], [placing('b', 2, 1, 9000)]);
		expect(changes.map((change) => [change.entryId, change.before !== null, change.after !== null])).toEqual([
			['b', false, true],
			['a', true, false]
		]);
	});
	it('is empty when nothing changed', () => {
		expect(diffPlacings([placing('a', 1, 1, 9000)], [placing('a', 1, 1, 9000)])).toEqual([]);
	});
});
