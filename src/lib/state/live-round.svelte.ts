import { io, type Socket } from 'socket.io-client';
import { invalidateAll } from '$app/navigation';
import type { ClientToServerEvents, ServerToClientEvents } from '$lib/realtime/events';

/**
 * Follows a round's room (`round:<id>`): every `round:changed` is a hint to reload the page's data
 * (the database stays the source of truth). Changes arriving together cause one reload; a reconnect
 * reloads too, since events sent while away are lost.
 */
export class LiveRound {
	isLive = $state(false);
	#socket: Socket<ServerToClientEvents, ClientToServerEvents>;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#hasJoined = false;

	constructor(roundId: string) {
		this.#socket = io({ transports: ['websocket'] });
		this.#socket.on('connect', () => {
			this.#socket.emit('room:join', { room: `round:${roundId}` }, (result) => {
				this.isLive = result.ok;
				if (result.ok && this.#hasJoined) this.#reload();
				this.#hasJoined ||= result.ok;
			});
		});
		this.#socket.on('disconnect', () => (this.isLive = false));
		this.#socket.on('round:changed', (change) => {
			if (change.roundId === roundId) this.#reload();
		});
	}

	#reload(): void {
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void invalidateAll(), 200);
	}

	close(): void {
		clearTimeout(this.#timer);
		this.#socket.disconnect();
	}
}
