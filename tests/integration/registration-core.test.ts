import { describe, expect, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { InvalidInputError } from '../../src/lib/server/domain-error';
import { registerEntries, registerEntry } from '../../src/lib/server/registration/register';
import { withdrawEntryInTx } from '../../src/lib/server/registration/places';
import { getEntrySummary } from '../../src/lib/server/registration/entry-queries';
import { decryptText } from '../../src/lib/server/crypto/personal-data';
import { addEvent } from '../../src/lib/server/competitions/structure-service';
import { newOrg } from '../fixtures/factories';
import { newCompetition, seedStatus } from '../fixtures/competitions';
import { entrant, individualSubmission } from '../fixtures/people';

const organiserImport = { source: 'import' as const, registrantId: null, consentVersion: null };

async function competitionWithEvent(capacity: number | null = null, participation: 'individual' | 'team' = 'individual') {
	const owner = await newOrg();
	const competition = await newCompetition(owner);
	const event = await addEvent(owner, competition.id, { name: participation === 'team' ? '团体赛' : '数控车工', participation, capacity });
	await seedStatus(owner, competition.id, 'registration');
	return { owner, competition, event };
}

function problemsOf(error: unknown): Record<string, string> {
	expect(error).toBeInstanceOf(InvalidInputError);
	return (error as InvalidInputError).fields;
}

describe('registering entries (the rules every way in shares)', () => {
	it('stores the ID number encrypted, hashed and masked, and audits with the masked number only', async () => {
		const { owner, competition, event } = await competitionWithEvent();
		const person = entrant(1);
		const row = await db().begin((tx) => registerEntry(tx, owner, owner.organisation.id, competition.id, organiserImport, { eventId: event.id, teamName: null, unit: null, members: [person], extra: {} }));
		expect(row.status).toBe('submitted');
		const [member] = await db()<{ idNumberCipher: string; idNumberMasked: string }[]>`select id_number_cipher, id_number_masked from entry_member where entry_id = ${row.id}`;
		expect(member!.idNumberCipher).not.toContain(person.idNumber);
		expect(decryptText(member!.idNumberCipher)).toBe(person.idNumber);
		expect(member!.idNumberMasked).toBe(`${person.idNumber.slice(0, 6)}********${person.idNumber.slice(14)}`);
		const audit = await db()<{ after: unknown }[]>`select after from audit_log where subject_id = ${row.id}`;
		expect(JSON.stringify(audit)).not.toContain(person.idNumber);
		expect(JSON.stringify(audit)).toContain(member!.idNumberMasked);
	});

	it('refuses the same person twice in an event, within one list and against earlier entries', async () => {
		const { owner, competition, event } = await competitionWithEvent();
		await db().begin((tx) => registerEntries(tx, owner, owner.organisation.id, competition.id, organiserImport, [individualSubmission(event.id, 1)]));
		const error = await db()
			.begin((tx) => registerEntries(tx, owner, owner.organisation.id, competition.id, organiserImport, [individualSubmission(event.id, 2), individualSubmission(event.id, 1), individualSubmission(event.id, 2)]))
			.catch((caught: unknown) => caught);
		const problems = problemsOf(error);
		expect(Object.keys(problems).sort()).toEqual(['1.members.0.idNumber', '2.members.0.idNumber']);
		// Nothing of the list was imported.
		const [counted] = await db()<{ count: number }[]>`select count(*)::int from entry where competition_id = ${competition.id}`;
		expect(counted!.count).toBe(1);
	});

	it('puts entries beyond the capacity on the waiting list and moves the first up when a place frees', async () => {
		const { owner, competition, event } = await competitionWithEvent(2);
		const rows = await db().begin((tx) => registerEntries(tx, owner, owner.organisation.id, competition.id, organiserImport, [1, 2, 3, 4].map((n) => individualSubmission(event.id, n))));
		expect(rows.map((row) => row.status)).toEqual(['submitted', 'submitted', 'waitlisted', 'waitlisted']);
		await db().begin(async (tx) => {
			const first = await getEntrySummary(tx, owner.organisation.id, rows[0]!.id, true);
			await withdrawEntryInTx(tx, owner, owner.organisation.id, first!, '不参加了', '选手1');
		});
		const statuses = await db()<{ id: string; status: string }[]>`select id, status from entry where competition_id = ${competition.id}`;
		const statusOf = (id: string) => statuses.find((row) => row.id === id)!.status;
		expect([rows[0], rows[1], rows[2], rows[3]].map((row) => statusOf(row!.id))).toEqual(['withdrawn', 'submitted', 'submitted', 'waitlisted']);
		// The withdrawn person may register again, and waits behind the earlier entry.
		const again = await db().begin((tx) => registerEntries(tx, owner, owner.organisation.id, competition.id, organiserImport, [individualSubmission(event.id, 1)]));
		expect(again[0]!.status).toBe('waitlisted');
	});

	it('keeps a long list in its order across write batches: waiting list, arrival and audit rows', async () => {
		const { owner, competition, event } = await competitionWithEvent(1_100);
		const list = Array.from({ length: 2_300 }, (_, index) => individualSubmission(event.id, index + 1));
		const rows = await db().begin((tx) => registerEntries(tx, owner, owner.organisation.id, competition.id, organiserImport, list));
		expect(rows).toHaveLength(2_300);
		expect(rows.slice(0, 1_100).every((row) => row.status === 'submitted')).toBe(true);
		expect(rows.slice(1_100).every((row) => row.status === 'waitlisted')).toBe(true);
		const stored = await db()<{ id: string; name: string }[]>`
			select e.id, m.name from entry e join entry_member m on m.entry_id = e.id where e.competition_id = ${competition.id} order by e.arrival`;
		expect(stored.map((row) => row.id)).toEqual(rows.map((row) => row.id));
		expect(stored.map((row) => row.name)).toEqual(list.map((submission) => submission.members[0]!.name));
		const [audited] = await db()<{ count: number }[]>`select count(*)::int from audit_log where action = 'entry.registered' and subject_id = any(${rows.map((row) => row.id)}::text[])`;
		expect(audited!.count).toBe(2_300);
	});

	it('writes nothing of a long list when a batch after the first fails', async () => {
		const { owner, competition, event } = await competitionWithEvent();
		const list = Array.from({ length: 1_500 }, (_, index) => individualSubmission(event.id, index + 1));
		// A unit too long for the column fails the second batch in PostgreSQL, after the checks passed.
		list[1_200]!.members[0]!.unit = '厂'.repeat(201);
		await expect(db().begin((tx) => registerEntries(tx, owner, owner.organisation.id, competition.id, organiserImport, list))).rejects.toThrow();
		const [counted] = await db()<{ count: number }[]>`select count(*)::int from entry where competition_id = ${competition.id}`;
		expect(counted!.count).toBe(0);
	});

	it('never stores an entry in an event of another competition, even written straight to the database', async () => {
		const { owner, competition } = await competitionWithEvent();
		const other = await newCompetition(owner);
		const foreign = await addEvent(owner, other.id, { name: '钳工', participation: 'individual', capacity: null });
		const write = db()`insert into entry (organisation_id, competition_id, event_id, unit, source) values (${owner.organisation.id}, ${competition.id}, ${foreign.id}, '县机械厂', 'import')`;
		await expect(write).rejects.toMatchObject({ code: '23503', constraint_name: 'entry_event_in_competition_fkey' });
	});

	it('checks team sizes, and lets a contestant register only while registration is open and with consent', async () => {
		const { owner, competition, event } = await competitionWithEvent(null, 'team');
		const tooSmall = await db()
			.begin((tx) => registerEntry(tx, owner, owner.organisation.id, competition.id, organiserImport, { eventId: event.id, teamName: '一车间', unit: '县机械厂', members: [entrant(1)], extra: {} }))
			.catch((caught: unknown) => caught);
		expect(Object.keys(problemsOf(tooSmall))).toEqual(['members']);
		const self = { source: 'self' as const, registrantId: owner.user.id, consentVersion: 1 };
		const team = await db().begin((tx) => registerEntry(tx, owner, owner.organisation.id, competition.id, self, { eventId: event.id, teamName: '一车间', unit: '县机械厂', members: [entrant(1), entrant(2)], extra: {} }));
		expect(team.unit).toBe('县机械厂');
		await expect(db().begin((tx) => registerEntry(tx, owner, owner.organisation.id, competition.id, { ...self, consentVersion: null }, individualSubmission(event.id, 3)))).rejects.toMatchObject({ code: 'consent_required' });
		await seedStatus(owner, competition.id, 'screening');
		await expect(db().begin((tx) => registerEntry(tx, owner, owner.organisation.id, competition.id, self, individualSubmission(event.id, 3)))).rejects.toMatchObject({ code: 'registration_closed' });
	});

	it('refuses a second event when the competition allows only one per person', async () => {
		const { owner, competition, event } = await competitionWithEvent();
		const other = await addEvent(owner, competition.id, { name: '钳工', participation: 'individual', capacity: null });
		await db()`update competition set allow_multiple_events = false where id = ${competition.id}`;
		await db().begin((tx) => registerEntries(tx, owner, owner.organisation.id, competition.id, organiserImport, [individualSubmission(event.id, 1)]));
		const error = await db().begin((tx) => registerEntry(tx, owner, owner.organisation.id, competition.id, organiserImport, individualSubmission(other.id, 1))).catch((caught: unknown) => caught);
		expect(problemsOf(error)['members.0.idNumber']).toMatch(/只能报名一个项目|only one event/);
	});
});
