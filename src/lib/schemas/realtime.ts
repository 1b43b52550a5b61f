import { z } from 'zod';

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
