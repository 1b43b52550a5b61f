import postgres from 'postgres';
import type { CompetitionStatus } from '../../src/lib/domain/competition/lifecycle';
import { maskIdNumber } from '../../src/lib/domain/identity/id-number';
import { encryptText, idNumberHash } from '../../src/lib/server/crypto/personal-data';
import { residentIdNumber } from '../fixtures/people';
import { E2E_SECRET_KEY } from './secret-key';

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

/**
 * Entries in the first round of a competition, written straight into the tables the way registration
 * and the draw will (other parts of issue 14), with the round made blind. The ID numbers are stand-ins:
 * nothing in the judging journeys decrypts them.
 */
export async function seedJudgeEntries(competitionId: string, people: { name: string; unit: string; phone: string }[]): Promise<{ roundId: string; entryIds: string[] }> {
	const sql = postgres(url, { max: 1, onnotice: () => {} });
	try {
		const [round] = await sql<{ id: string; organisationId: string; eventId: string }[]>`
			select r.id, r.organisation_id as "organisationId", r.event_id as "eventId" from round r join event e on e.id = r.event_id
			where e.competition_id = ${competitionId} order by e.position, r.position limit 1`;
		await sql`update round set blind = true where id = ${round!.id}`;
		const entryIds: string[] = [];
		for (const [index, person] of people.entries()) {
			const [entry] = await sql<{ id: string }[]>`
				insert into entry (organisation_id, competition_id, event_id, unit, status, source)
				values (${round!.organisationId}, ${competitionId}, ${round!.eventId}, ${person.unit}, 'approved', 'organiser') returning id`;
			const hash = Array.from({ length: 64 }, () => '0123456789abcdef'[Math.floor(Math.random() * 16)]).join('');
			await sql`
				insert into entry_member (organisation_id, entry_id, event_id, competition_id, position, name, gender, id_type, id_number_cipher, id_number_hash, id_number_masked, phone, unit)
				values (${round!.organisationId}, ${entry!.id}, ${round!.eventId}, ${competitionId}, 0, ${person.name}, 'male', 'resident_id', 'e2e-stand-in', ${hash}, '330523********0000', ${person.phone}, ${person.unit})`;
			await sql`insert into round_entry (organisation_id, round_id, entry_id, number) values (${round!.organisationId}, ${round!.id}, ${entry!.id}, ${index + 1})`;
			entryIds.push(entry!.id);
		}
		return { roundId: round!.id, entryIds };
	} finally {
		await sql.end();
	}
}

/**
 * Entries straight into the database, as registrations would leave them: one individual entry per
 * person in the competition's first event, ID numbers encrypted, hashed and masked with the server's
 * key. People n = 1..count are 选手n of 单位A (odd n) or 单位B (even n). Also gives the organisation
 * preset screening reasons.
 */
export async function seedScreeningEntries(competitionId: string, count: number, reasons: string[] = []): Promise<void> {
	process.env.JIANGXIN_SECRET_KEY = E2E_SECRET_KEY;
	const sql = postgres(url, { max: 1, onnotice: () => {} });
	try {
		const [event] = await sql<{ id: string; organisationId: string }[]>`
			select id, organisation_id as "organisationId" from event where competition_id = ${competitionId} order by position limit 1`;
		if (!event) throw new Error('the competition has no event');
		for (let n = 1; n <= count; n++) {
			const idNumber = residentIdNumber(n, { gender: n % 2 === 0 ? 'male' : 'female' });
			const unit = n % 2 === 1 ? '单位A' : '单位B';
			const [entry] = await sql<{ id: string }[]>`
				insert into entry (organisation_id, competition_id, event_id, unit, source) values (${event.organisationId}, ${competitionId}, ${event.id}, ${unit}, 'import') returning id`;
			await sql`
				insert into entry_member (organisation_id, entry_id, event_id, competition_id, position, name, gender, id_type, id_number_cipher, id_number_hash, id_number_masked, phone, unit)
				values (${event.organisationId}, ${entry!.id}, ${event.id}, ${competitionId}, 0, ${`选手${n}`}, ${n % 2 === 0 ? 'male' : 'female'}, 'resident_id',
					${encryptText(idNumber)}, ${idNumberHash(idNumber)}, ${maskIdNumber(idNumber)}, ${`139${String(n).padStart(8, '0')}`}, ${unit})`;
		}
		for (const [position, text] of reasons.entries()) await sql`insert into screening_reason (organisation_id, text, position) values (${event.organisationId}, ${text}, ${position})`;
	} finally {
		await sql.end();
	}
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

/**
 * Puts the person with this e-mail on the panel of the competition's first round as its encryption
 * judge (a judge linked to their account), so the judge's own pages of that round can be opened.
 */
export async function seedEncryptionJudge(competitionId: string, email: string): Promise<void> {
	const sql = postgres(url, { max: 1, onnotice: () => {} });
	try {
		const [round] = await sql<{ id: string; organisationId: string }[]>`
			select r.id, r.organisation_id as "organisationId" from round r join event e on e.id = r.event_id
			where e.competition_id = ${competitionId} order by e.position, r.position limit 1`;
		const [judge] = await sql<{ id: string }[]>`
			insert into judge (organisation_id, competition_id, user_id, name)
			values (${round!.organisationId}, ${competitionId}, (select id from app_user where email = ${email}), '加密裁判') returning id`;
		await sql`insert into panel_member (organisation_id, round_id, judge_id, role) values (${round!.organisationId}, ${round!.id}, ${judge!.id}, 'encryption')`;
	} finally {
		await sql.end();
	}
}

/**
 * A scoring judge with an account and a live session on the first round of a competition, written straight
 * into the tables (as the tablet sign-in would leave them), and the competition put in judging. Returns the
 * session token for the tablet's cookie.
 */
export async function seedTabletJudge(competitionId: string, roundId: string, name: string): Promise<{ judgeId: string; token: string }> {
	const { createSession } = await import('../../src/lib/server/auth/session');
	const sql = postgres(url, { max: 1, onnotice: () => {} });
	try {
		const [round] = await sql<{ organisationId: string }[]>`select organisation_id as "organisationId" from round where id = ${roundId}`;
		const organisationId = round!.organisationId;
		const [user] = await sql<{ id: string }[]>`
			insert into app_user (email, display_name, password_hash) values (${`tablet-${crypto.randomUUID()}@judges.invalid`}, ${name}, '!login-less-judge!') returning id`;
		const [judge] = await sql<{ id: string }[]>`
			insert into judge (organisation_id, competition_id, user_id, name, unit) values (${organisationId}, ${competitionId}, ${user!.id}, ${name}, '市裁判协会') returning id`;
		await sql`insert into panel_member (organisation_id, round_id, judge_id, role) values (${organisationId}, ${roundId}, ${judge!.id}, 'judge')`;
		await sql`update competition set status = 'judging' where id = ${competitionId}`;
		const { token } = await createSession(sql as never, user!.id, new Date());
		return { judgeId: judge!.id, token };
	} finally {
		await sql.end();
	}
}

/** What the database holds of a judge's scoring in a round: sheets, operation ids and the audit rows of those sheets. */
export async function sheetRecords(roundId: string, judgeId: string) {
	const sql = postgres(url, { max: 1, onnotice: () => {} });
	try {
		const sheets = await sql<{ id: string; entryId: string; scores: Record<string, number>; status: string; version: number }[]>`
			select id, entry_id as "entryId", scores, status, version from score_sheet where round_id = ${roundId} and judge_id = ${judgeId}`;
		const operations = await sql<{ id: string }[]>`select id from score_operation where round_id = ${roundId} and judge_id = ${judgeId}`;
		const audit = await sql<{ subjectId: string; operationId: string }[]>`
			select subject_id as "subjectId", after->>'operationId' as "operationId" from audit_log
			where action like 'sheet.%' and subject_id in (select id::text from score_sheet where round_id = ${roundId} and judge_id = ${judgeId})`;
		return { sheets, operations, audit };
	} finally {
		await sql.end();
	}
}

/** Seats a signed-in person (by e-mail) as a scoring judge on a round, so the sweeps can open the tablet's round page. */
export async function seatAsJudge(email: string, roundId: string): Promise<void> {
	const sql = postgres(url, { max: 1, onnotice: () => {} });
	try {
		const [round] = await sql<{ organisationId: string; competitionId: string }[]>`
			select r.organisation_id as "organisationId", e.competition_id as "competitionId" from round r join event e on e.id = r.event_id where r.id = ${roundId}`;
		const [user] = await sql<{ id: string; displayName: string }[]>`select id, display_name as "displayName" from app_user where lower(email) = lower(${email})`;
		await sql`
			insert into judge (organisation_id, competition_id, user_id, name) values (${round!.organisationId}, ${round!.competitionId}, ${user!.id}, ${user!.displayName})
			on conflict (competition_id, user_id) do nothing`;
		const [judge] = await sql<{ id: string }[]>`select id from judge where competition_id = ${round!.competitionId} and user_id = ${user!.id}`;
		await sql`insert into panel_member (organisation_id, round_id, judge_id, role) values (${round!.organisationId}, ${roundId}, ${judge!.id}, 'judge') on conflict do nothing`;
	} finally {
		await sql.end();
	}
}
