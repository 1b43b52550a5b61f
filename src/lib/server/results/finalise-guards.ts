import type { Db } from '../db/client';

/**
 * The hook finalising calls, in its transaction with the round's row locked, before a round's results
 * become final: it throws a DomainError when something must be settled first. Today it checks
 * nothing else; the objections and appeals part (issue 17) extends it — an objection not yet answered
 * or an appeal not yet decided keeps the round from being finalised.
 */
export async function assertNothingOpen(tx: Db, organisationId: string, roundId: string): Promise<void> {
	void tx;
	void organisationId;
	void roundId;
}
