import { z } from 'zod';
import type { BoardSnapshot } from '$lib/realtime/events';

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/**
 * `live:<id>` is a public board (anyone); `org:<id>` is an organisation's own channel (members);
 * `round:<id>` is a round's scoring (its panel and its organisation's managers).
 */
export const roomSchema = z.object({
	room: z.string().regex(new RegExp(`^(live|org|round):${uuid}$`))
});

export type RoomKind = 'live' | 'org' | 'round';

export function parseRoom(room: string): { kind: RoomKind; id: string } {
	const [kind, id] = room.split(':') as [RoomKind, string];
	return { kind, id };
}

/**
 * A board snapshot passed from another app process through the database (a server-side event), checked
 * before it reaches this process's viewers. Mirrors `BoardSnapshot` exactly, so nothing is dropped.
 */
export const boardSnapshotSchema = z.object({
	competitionId: z.string(),
	sequence: z.number(),
	generatedAt: z.string(),
	rounds: z.array(
		z.object({
			roundId: z.string(),
			eventId: z.string().optional(),
			eventName: z.string(),
			roundName: z.string(),
			lockedAt: z.string().nullable(),
			progress: z.array(z.object({ number: z.number().nullable(), received: z.number(), expected: z.number() })),
			standings: z.array(z.object({ rank: z.number(), number: z.number().nullable(), total: z.number(), name: z.string().optional() })).optional()
		})
	)
}) satisfies z.ZodType<BoardSnapshot>;
