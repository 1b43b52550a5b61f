import { describe, expect, it } from 'vitest';
import type { BoardSnapshot } from '$lib/realtime/events';
import { boardSnapshotSchema } from './realtime';

const snapshot: BoardSnapshot = {
	competitionId: '6f1c2a3b-0000-4000-8000-000000000001',
	sequence: 1_764_662_400_123_456,
	generatedAt: '2026-12-02T08:00:00.123Z',
	rounds: [
		{
			roundId: '6f1c2a3b-0000-4000-8000-000000000002',
			eventId: '6f1c2a3b-0000-4000-8000-000000000003',
			eventName: '数控车工',
			roundName: '决赛',
			lockedAt: null,
			progress: [
				{ number: 1, received: 2, expected: 3 },
				{ number: null, received: 0, expected: 3 }
			],
			standings: [{ rank: 1, number: 1, total: 9_250 }]
		},
		{ roundId: '6f1c2a3b-0000-4000-8000-000000000004', eventName: '钳工', roundName: '初赛', lockedAt: '2026-12-02T07:00:00.000Z', progress: [] }
	]
};

describe("another process's board snapshot", () => {
	it('passes whole: every field a viewer shows is kept', () => {
		expect(boardSnapshotSchema.parse(snapshot)).toEqual(snapshot);
	});

	it('is refused when its shape is wrong', () => {
		for (const wrong of [null, {}, { ...snapshot, sequence: String(snapshot.sequence) }, { ...snapshot, rounds: [{ ...snapshot.rounds[0], progress: [{ number: 1 }] }] }]) {
			expect(boardSnapshotSchema.safeParse(wrong).success).toBe(false);
		}
	});
});
