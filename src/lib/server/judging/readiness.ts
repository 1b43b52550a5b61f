import type { Db } from '../db/client';
import { countPanelsOfCompetition } from './panel-queries';

/**
 * Whether judging can start as far as panels go: the competition has rounds and every round's panel has
 * its one head judge (裁判长) and at least one judge in the scoring role 'judge'. For the lifecycle's
 * readiness check (`no_panels`).
 */
export async function competitionHasPanels(conn: Db, organisationId: string, competitionId: string): Promise<boolean> {
	const rounds = await countPanelsOfCompetition(conn, organisationId, competitionId);
	return rounds.length > 0 && rounds.every((round) => round.heads === 1 && round.judges >= 1);
}
