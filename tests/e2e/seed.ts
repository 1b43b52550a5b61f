import postgres from 'postgres';
import type { CompetitionStatus } from '../../src/lib/domain/competition/lifecycle';

// The end-to-end run's embedded PostgreSQL (see playwright.config.ts and src/lib/server/db/embedded.ts).
const url = `postgres://jiangxin:jiangxin-local@127.0.0.1:${process.env.E2E_PG_PORT || 54331}/postgres`;

/**
 * Puts a competition straight at a stage. Entries, the draw, judging panels and results, which the
 * lifecycle requires from screening on, are not built yet; until they land, journeys that need a
 * competition in judging put it there directly.
 */
export async function seedCompetitionStatus(competitionId: string, status: CompetitionStatus): Promise<void> {
	const sql = postgres(url, { max: 1, onnotice: () => {} });
	try {
		await sql`update competition set status = ${status} where id = ${competitionId}`;
	} finally {
		await sql.end();
	}
}

export function competitionIdOf(pageUrl: string): string {
	const id = /\/competitions\/([0-9a-f-]{36})/.exec(pageUrl)?.[1];
	if (!id) throw new Error(`not a competition page: ${pageUrl}`);
	return id;
}

/** Screening's outcome for a contestant's entries (the screening pages are another part's): found by the registrant's phone. */
export async function seedEntryDecision(registrantPhone: string, status: 'approved' | 'rejected', reason = ''): Promise<void> {
	const sql = postgres(url, { max: 1, onnotice: () => {} });
	try {
		await sql`update entry set status = ${status}, status_reason = ${reason} where registrant_id = (select id from app_user where phone = ${registrantPhone})`;
	} finally {
		await sql.end();
	}
}
