import type { Tx } from '../db/client';

/** Provisional totals in rank order, by entry id (the board turns ids into numbers). */
export type ProvisionalStanding = { entryId: string; rank: number; total: number };

/**
 * The engine's provisional ranking of a round from its stored rows. Until the round-input module
 * lands this returns nothing, so the board shows progress only.
 */
export async function provisionalStandings(_tx: Tx, _organisationId: string, _roundId: string): Promise<ProvisionalStanding[]> {
	return [];
}
