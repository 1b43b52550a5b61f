import { io, type Socket } from 'socket.io-client';
import type { BoardSnapshot, ClientToServerEvents, ServerToClientEvents } from '$lib/realtime/events';

export type BoardConnection = 'connecting' | 'live' | 'reconnecting';

/**
 * Joins a competition's board room and hands over every snapshot. On each (re)connect it rejoins and
 * asks the page to reload its server snapshot, so what happened while disconnected is not missed.
 * Returns the function that closes the socket.
 */
export function followBoard(competitionId: string, handlers: { snapshot: (snapshot: BoardSnapshot) => void; connection: (state: BoardConnection) => void; rejoined: () => void }): () => void {
	const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({ transports: ['websocket', 'polling'] });
	let joinedOnce = false;
	socket.on('connect', () => {
		socket.emit('room:join', { room: `live:${competitionId}` }, (result) => {
			if (!result.ok) return;
			handlers.connection('live');
			// The page's first snapshot was rendered before this join; anything since comes from a reload.
			handlers.rejoined();
			joinedOnce = true;
		});
	});
	socket.on('disconnect', () => handlers.connection(joinedOnce ? 'reconnecting' : 'connecting'));
	socket.on('board:snapshot', (snapshot) => handlers.snapshot(snapshot));
	return () => socket.close();
}
