import { setImmediate as nextTurn } from 'node:timers/promises';
import type { BoardSnapshot } from '$lib/realtime/events';
import { onShutdown } from '../runtime.js';
import { getSocketServer, type AppServer } from '../realtime/io';
import { roomsAreShared } from '../realtime/adapter';
import { boardSnapshotSchema } from '$lib/schemas/realtime';
import { onRoundChange } from '../realtime/round-changes';
import { buildBoardSnapshot } from './board-snapshot';
import { createCoalescer, type Coalescer } from './coalescer';

/** At most one snapshot per board room in this window (DESIGN §4: thousands of viewers cost what a few do). */
export const BOARD_WINDOW_MS = 250;

export const boardRoom = (competitionId: string) => `live:${competitionId}`;

/**
 * Viewers written to in one turn of the event loop. Writing a frame to a socket costs tens of µs (on
 * loopback the kernel delivers it in the writer's time), so a 2,000-viewer room written in one loop
 * held every judge's ack behind it for ~100 ms; in chunks an ack waits for one chunk at most.
 */
export const FAN_OUT_CHUNK = 100;

/** Sends a snapshot to this process's viewers of its room, a chunk per turn of the event loop. */
async function sendToLocalViewers(io: AppServer, snapshot: BoardSnapshot): Promise<void> {
	const members = io.of('/').adapter.rooms.get(boardRoom(snapshot.competitionId));
	if (!members) return;
	const socketIds = [...members];
	for (let start = 0; start < socketIds.length; start += FAN_OUT_CHUNK) {
		if (start > 0) await nextTurn();
		// Each socket is in the room of its own id; `local` keeps the adapter from publishing each chunk.
		io.local.to(socketIds.slice(start, start + FAN_OUT_CHUNK)).emit('board:snapshot', snapshot);
	}
}

/** Another process's snapshot: checked (it came through the database), then sent to this process's viewers. */
function relayOtherProcessSnapshot(io: AppServer) {
	const report = (problem: unknown) => console.error(`[jiangxin] live board relay: ${problem instanceof Error ? problem.message : problem}`);
	return (received: unknown) => {
		const parsed = boardSnapshotSchema.safeParse(received);
		if (!parsed.success) return report(`a malformed snapshot was dropped (${parsed.error.issues[0]?.message ?? 'invalid'})`);
		void sendToLocalViewers(io, parsed.data).catch(report);
	};
}

interface LiveBoard {
	coalescer: Coalescer<string>;
	organisationOf: Map<string, string>;
	/** The last snapshot built per competition, with when (this process's clock), for page loads. */
	latest: Map<string, { snapshot: BoardSnapshot; at: number }>;
	stopListening: () => void;
}

const KEY = Symbol.for('jiangxin.liveBoard');
const holder = globalThis as unknown as Record<symbol, LiveBoard | undefined>;

/**
 * Listens to committed round changes and sends each board room one whole snapshot per window, built
 * once however many viewers the room has; other processes get it through the adapter and send it to
 * their own viewers. Idempotent, so Vite's dev reloads do not listen twice.
 */
export function startLiveBoard(): void {
	if (holder[KEY]) return;
	const organisationOf = new Map<string, string>();
	const latest = new Map<string, { snapshot: BoardSnapshot; at: number }>();
	const coalescer = createCoalescer<string>(
		BOARD_WINDOW_MS,
		async (competitionId) => {
			const organisationId = organisationOf.get(competitionId);
			if (!organisationId) return;
			const snapshot = await buildBoardSnapshot(organisationId, competitionId);
			latest.set(competitionId, { snapshot, at: Date.now() });
			const io = getSocketServer();
			if (!io) return;
			// Built once; every other process sends it to its own viewers (DESIGN §4).
			if (roomsAreShared()) io.serverSideEmit('board:snapshot', snapshot);
			await sendToLocalViewers(io, snapshot);
		},
		{ onError: (error, competitionId) => console.error(`[jiangxin] live board ${competitionId}: ${error instanceof Error ? error.message : error}`) }
	);
	const stopListening = onRoundChange((change) => {
		// A tablet's change moves nothing the board shows.
		if (change.kind !== 'device') requestBoardUpdate(change.organisationId, change.competitionId);
	});
	const io = getSocketServer();
	const relay = io && relayOtherProcessSnapshot(io);
	if (io && relay) io.sockets.on('board:snapshot', relay);
	holder[KEY] = { coalescer, organisationOf, latest, stopListening };
	onShutdown(() => {
		if (io && relay) io.sockets.off('board:snapshot', relay);
		stopListening();
		coalescer.stop();
		holder[KEY] = undefined;
	});
}

/** Something the board shows changed outside a sheet (the organiser's standings switch, a sign-off): send a snapshot soon. */
export function requestBoardUpdate(organisationId: string, competitionId: string): void {
	const board = holder[KEY];
	if (!board) return;
	board.organisationOf.set(competitionId, organisationId);
	board.coalescer.request(competitionId);
}

/**
 * The snapshot a page load starts from: the one this process sent within the window, or a fresh one.
 * (Another process's changes reach this process's viewers through the adapter; its page loads may lag
 * by one window at most.)
 */
export async function currentBoardSnapshot(organisationId: string, competitionId: string): Promise<BoardSnapshot> {
	const cached = holder[KEY]?.latest.get(competitionId);
	if (cached && Date.now() - cached.at < BOARD_WINDOW_MS) return cached.snapshot;
	const snapshot = await buildBoardSnapshot(organisationId, competitionId);
	holder[KEY]?.latest.set(competitionId, { snapshot, at: Date.now() });
	return snapshot;
}
