import { describe, expect, inject, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { createApiToken } from '../../src/lib/server/auth/api-tokens';
import { decideEntries, decideEntry } from '../../src/lib/server/screening/screening-service';
import { withdrawEntryForOrganiser } from '../../src/lib/server/screening/organiser-entries';
import { newOrg } from '../fixtures/factories';
import { competitionWithEntries } from '../fixtures/entries';

const statusesOf = async (ids: string[]) => {
	const rows = await db()<{ id: string; status: string }[]>`select id, status from entry where id = any(${ids}::uuid[])`;
	return ids.map((id) => rows.find((row) => row.id === id)!.status);
};

// A rejection frees the entry's place and the waiting list moves into it. Approving the rejected entry
// again must not push the event past its capacity: the decision is refused, with a message that says
// the event is full, until a place frees (or the organiser raises the capacity).
describe('approving a rejected entry again checks the event’s capacity', () => {
	it('refuses while the event is full (service, bulk and API), and approves once a place is free', async () => {
		const owner = await newOrg();
		const { competition, entries } = await competitionWithEntries(owner, { count: 3, capacity: 2, status: 'screening' });
		const ids = entries.map((entry) => entry.id);
		expect(await statusesOf(ids)).toEqual(['submitted', 'submitted', 'waitlisted']);
		await decideEntry(owner, ids[0]!, 'reject', '材料不全');
		expect(await statusesOf(ids)).toEqual(['rejected', 'submitted', 'submitted']);

		await expect(decideEntry(owner, ids[0]!, 'approve', '补交了申报表')).rejects.toMatchObject({ code: 'screening_event_full' });
		const bulk = await decideEntries(owner, competition.id, { entryIds: [ids[0]!, ids[1]!] }, 'approve', '补交了申报表');
		expect(bulk.approved).toEqual([ids[1]]);
		expect(bulk.skipped).toEqual([{ entryId: ids[0], problem: 'event_full' }]);
		const { token } = await createApiToken(owner, '初审');
		const answer = await fetch(`${inject('appUrl')}/api/v1/entries/${ids[0]}/decision`, {
			method: 'POST',
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ decision: 'approve', reason: '补交了申报表' })
		});
		expect(answer.status).toBe(409);
		const body = await answer.json();
		expect(body.error.code).toBe('screening_event_full');
		expect(body.error.message).toContain('名额已满');
		expect(await statusesOf(ids)).toEqual(['rejected', 'approved', 'submitted']);
		expect(await db()`select 1 from audit_log where subject_id = ${ids[0]!} and action = 'entry.approved'`).toHaveLength(0);

		await withdrawEntryForOrganiser(owner, ids[2]!, '本人放弃');
		await decideEntry(owner, ids[0]!, 'approve', '补交了申报表');
		expect(await statusesOf(ids)).toEqual(['approved', 'approved', 'withdrawn']);
	});

	it('counts the places taken earlier in the same bulk decision', async () => {
		const owner = await newOrg();
		const { competition, entries } = await competitionWithEntries(owner, { count: 3, capacity: 2, status: 'screening' });
		const ids = entries.map((entry) => entry.id);
		await decideEntries(owner, competition.id, { entryIds: [ids[0]!, ids[1]!] }, 'reject', '材料不全');
		expect(await statusesOf(ids)).toEqual(['rejected', 'rejected', 'submitted']);
		// One place is free: one of the two rejected entries fits, the other is skipped.
		const both = await decideEntries(owner, competition.id, { entryIds: [ids[0]!, ids[1]!] }, 'approve', '复核通过');
		expect(both.approved).toHaveLength(1);
		expect(both.skipped.map((item) => item.problem)).toEqual(['event_full']);
		expect((await statusesOf(ids)).filter((status) => status !== 'rejected')).toEqual(['approved', 'submitted']);
	});
});
