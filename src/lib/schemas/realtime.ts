import { z } from 'zod';

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** `live:<id>` is a public board (anyone); `org:<id>` is an organisation's own channel (members). */
export const roomSchema = z.object({
	room: z.string().regex(new RegExp(`^(live|org):${uuid}$`))
});

export function parseRoom(room: string): { kind: 'live' | 'org'; id: string } {
	const [kind, id] = room.split(':') as ['live' | 'org', string];
	return { kind, id };
}
