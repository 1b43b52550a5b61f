import type { BoardSnapshot } from '$lib/realtime/events';
import { onShutdown } from '../runtime.js';
import { getSocketServer } from '../realtime/io';
import { onRoundChange } from '../realtime/round-changes';
import { buildBoardSnapshot } from './board-snapshot';
import { createCoalescer, type Coalescer } from './coalescer';

/** At most one snapshot per board room in this window (DESIGN §4: thousands of viewers cost what a few do). */
export const BOARD_WINDOW_MS = 250;

export const boardRoom = (competitionId: string) => `live:${competitionId}`;

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
 * once however many viewers the room has (in every process: the adapter fans the emit out). Idempotent,
 * so Vite's dev reloads do not listen twice.
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
			getSocketServer()?.to(boardRoom(competitionId)).emit('board:snapshot', snapshot);
		},
		{ onError: (error, competitionId) => console.error(`[jiangxin] live board ${competitionId}: ${error instanceof Error ? error.message : error}`) }
	);
	const stopListening = onRoundChange((change) => {
		// A tablet's change moves nothing the board shows.
		if (change.kind !== 'device') requestBoardUpdate(change.organisationId, change.competitionId);
	});
	holder[KEY] = { coalescer, organisationOf, latest, stopListening };
	onShutdown(() => {
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
