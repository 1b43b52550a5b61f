import { describe, expect, it } from 'vitest';
import type { BoardSnapshot } from '$lib/realtime/events';
import { entriesComplete, newerSnapshot, roundsToShow } from './board-view';

const round = (roundId: string, eventId: string, progress: BoardSnapshot['rounds'][number]['progress'] = []) => ({ roundId, eventId, eventName: '钳工', roundName: '决赛', lockedAt: null, progress });
const snapshot = (sequence: number, rounds: BoardSnapshot['rounds'] = []): BoardSnapshot => ({ competitionId: 'c1', sequence, generatedAt: '2026-11-30T00:00:00.000Z', rounds });

describe('the board page', () => {
	it('keeps the newer snapshot and ignores an older or another competition’s one', () => {
		expect(newerSnapshot(snapshot(5), snapshot(7)).sequence).toBe(7);
		expect(newerSnapshot(snapshot(7), snapshot(5)).sequence).toBe(7);
		expect(newerSnapshot(snapshot(7), snapshot(7)).sequence).toBe(7);
		expect(newerSnapshot(snapshot(5), { ...snapshot(9), competitionId: 'c2' }).sequence).toBe(5);
	});

	it('shows one event when asked', () => {
		const shown = snapshot(1, [round('r1', 'e1'), round('r2', 'e2')]);
		expect(roundsToShow(shown, 'e2').map((row) => row.roundId)).toEqual(['r2']);
		expect(roundsToShow(shown, null)).toHaveLength(2);
	});

	it('counts an entry complete only when every expected sheet is in', () => {
		expect(
			entriesComplete(
				round('r1', 'e1', [
					{ number: 1, received: 3, expected: 3 },
					{ number: 2, received: 2, expected: 3 },
					{ number: 3, received: 0, expected: 0 }
				])
			)
		).toBe(1);
	});
});
