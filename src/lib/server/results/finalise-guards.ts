import type { Db } from '../db/client';
import { DomainError } from '../domain-error';
import { countOpenObjectionsAndAppeals } from '../notice/appeal-queries';

/**
 * What finalising checks, in its transaction with the round's row locked, before a round's results
 * become final: an objection not yet answered, an appeal not yet decided, or an upheld appeal still
 * waiting for its re-score keeps the round from being finalised.
 */
export async function assertNothingOpen(tx: Db, organisationId: string, roundId: string): Promise<void> {
	const open = await countOpenObjectionsAndAppeals(tx, organisationId, roundId);
	if (open.objections > 0 || open.appeals > 0) throw new DomainError('results_matters_open');
}
