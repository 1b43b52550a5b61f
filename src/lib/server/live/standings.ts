import type { Tx } from '../db/client';
import { evaluateStoredRound } from '../results/round-input';

/** Provisional totals in rank order, by entry id (the board turns ids into numbers). */
export type ProvisionalStanding = { entryId: string; rank: number; total: number };

/**
 * The engine's provisional ranking of a round from its stored rows (submitted and locked sheets only).
 * A round the engine cannot rank yet (no scheme, input it refuses, e.g. entries not yet drawn) shows no
 * standings rather than breaking the board.
 */
export async function provisionalStandings(tx: Tx, organisationId: string, roundId: string): Promise<ProvisionalStanding[]> {
	try {
		const evaluated = await evaluateStoredRound(tx, organisationId, roundId);
		return (evaluated?.result.entries ?? []).map((entry) => ({ entryId: entry.entryId, rank: entry.rank, total: entry.total }));
	} catch (error) {
		console.warn(`[jiangxin] live board: no standings for round ${roundId}: ${error instanceof Error ? error.message : error}`);
		return [];
	}
}
