import type { PageServerLoad } from './$types';
import { pageLoad } from '$lib/server/http/pages';
import { loadPublicBoard } from '$lib/server/live/board-service';

// The public big screen: server-rendered first, then live over socket.io (the page joins live:<competition id>).
export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => {
	const board = await loadPublicBoard(event.params.slug);
	// ?event=<id> shows one event; an id that is not one of the competition's shows them all.
	const asked = event.url.searchParams.get('event');
	const eventId = board.events.some((row) => row.id === asked) ? asked : null;
	return { ...board, eventId };
}) satisfies PageServerLoad;
