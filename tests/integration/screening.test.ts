import { describe, expect, inject, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { createApiToken } from '../../src/lib/server/auth/api-tokens';
import { decideEntries, decideEntry, listEntries, revealPersonalNumbers, saveScreeningReasons, setTwoPersonRule } from '../../src/lib/server/screening/screening-service';
import { competitionEntryCount, countEntriesByStatus } from '../../src/lib/server/screening/entry-list-queries';
import { joinOrg, newOrg } from '../fixtures/factories';
import { seedStatus } from '../fixtures/competitions';
import { entrant } from '../fixtures/people';
import { competitionWithEntries } from '../fixtures/entries';
import { postForm, sessionCookie } from './http-helpers';

const api = (token: string, method: string, path: string, body?: unknown) =>
	fetch(`${inject('appUrl')}/api/v1${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });

const statusesOf = async (ids: string[]) => {
	const rows = await db()<{ id: string; status: string; statusReason: string }[]>`select id, status, status_reason from entry where id = any(${ids}::uuid[])`;
	return ids.map((id) => rows.find((row) => row.id === id)!.status);
};

describe('screening decisions', () => {
	it('under the two-person rule, the same reviewer twice does not approve and two different ones do (API)', async () => {
		const owner = await newOrg();
		const organiser = await joinOrg(owner, 'organiser');
		const { competition, entries } = await competitionWithEntries(owner, { count: 1 });
		await setTwoPersonRule(owner, competition.id, true);
		const [ownerToken, organiserToken] = await Promise.all([createApiToken(owner, '初审 A'), createApiToken(organiser, '初审 B')]);
		const entryId = entries[0]!.id;
		const first = await api(ownerToken.token, 'POST', `/entries/${entryId}/decision`, { decision: 'approve' });
		expect(first.status).toBe(200);
		expect(await first.json()).toMatchObject({ status: 'submitted', approvals: 1, approvalsNeeded: 2 });
		const again = await api(ownerToken.token, 'POST', `/entries/${entryId}/decision`, { decision: 'approve' });
		expect(again.status).toBe(409);
		expect((await again.json()).error.code).toBe('screening_same_reviewer');
		expect(await statusesOf([entryId])).toEqual(['submitted']);
		const second = await api(organiserToken.token, 'POST', `/entries/${entryId}/decision`, { decision: 'approve' });
		expect(await second.json()).toMatchObject({ status: 'approved', approvals: 2 });
		expect(await competitionEntryCount(db(), owner.organisation.id, competition.id)).toBe(1);
		const audit = await db()<{ action: string; after: { approvals?: string } }[]>`select action, after from audit_log where subject_id = ${entryId} and action like 'entry.approv%' order by id`;
		expect(audit.map((row) => [row.action, row.after.approvals])).toEqual([['entry.approval_recorded', '1/2'], ['entry.approved', '2/2']]);
	});

	it('under the two-person rule, works the same through the entry page’s form', async () => {
		const owner = await newOrg();
		const organiser = await joinOrg(owner, 'organiser');
		const { competition, entries } = await competitionWithEntries(owner, { count: 1 });
		await setTwoPersonRule(owner, competition.id, true);
		const path = `/orgs/${owner.organisation.slug}/competitions/${competition.id}/entries/${entries[0]!.id}?/decide`;
		const ownerCookie = await sessionCookie(owner.user.id);
		expect((await postForm(path, { decision: 'approve' }, ownerCookie)).status).toBeLessThan(400);
		expect((await postForm(path, { decision: 'approve' }, ownerCookie)).status).toBe(409);
		expect(await statusesOf([entries[0]!.id])).toEqual(['submitted']);
		const page = await (await fetch(`${inject('appUrl')}/orgs/${owner.organisation.slug}/competitions/${competition.id}/entries/${entries[0]!.id}`, { headers: { cookie: ownerCookie } })).text();
		expect(page).toContain('已通过 1／2 人');
		expect((await postForm(path, { decision: 'approve' }, await sessionCookie(organiser.user.id))).status).toBeLessThan(400);
		expect(await statusesOf([entries[0]!.id])).toEqual(['approved']);
	});

	it('rejects with one reviewer and a reason; rejecting a place-holder moves the waiting list up', async () => {
		const owner = await newOrg();
		const { competition, entries } = await competitionWithEntries(owner, { count: 3, capacity: 2 });
		await setTwoPersonRule(owner, competition.id, true);
		expect(entries.map((entry) => entry.status)).toEqual(['submitted', 'submitted', 'waitlisted']);
		await expect(decideEntry(owner, entries[0]!.id, 'reject', '')).rejects.toMatchObject({ code: 'reason_required' });
		await decideEntry(owner, entries[0]!.id, 'reject', '工龄不足；不满五年');
		expect(await statusesOf(entries.map((entry) => entry.id))).toEqual(['rejected', 'submitted', 'submitted']);
		const [rejected] = await db()<{ statusReason: string }[]>`select status_reason from entry where id = ${entries[0]!.id}`;
		expect(rejected!.statusReason).toBe('工龄不足；不满五年');
		const moved = await db()<{ action: string }[]>`select action from audit_log where subject_id = ${entries[2]!.id} and action = 'entry.moved_up'`;
		expect(moved).toHaveLength(1);
	});

	it('reconsiders a decision only with a reason, and counts approvals afresh after a rejection', async () => {
		const owner = await newOrg();
		const organiser = await joinOrg(owner, 'organiser');
		const { competition, entries } = await competitionWithEntries(owner, { count: 1 });
		await setTwoPersonRule(owner, competition.id, true);
		const id = entries[0]!.id;
		await decideEntry(owner, id, 'approve', '');
		await decideEntry(organiser, id, 'approve', '');
		await expect(decideEntry(owner, id, 'reject', '')).rejects.toMatchObject({ code: 'reason_required' });
		await decideEntry(owner, id, 'reject', '复核发现材料不实');
		await expect(decideEntry(owner, id, 'approve', '')).rejects.toMatchObject({ code: 'reason_required' });
		await decideEntry(owner, id, 'approve', '补交了证明');
		expect(await statusesOf([id])).toEqual(['rejected']);
		await decideEntry(organiser, id, 'approve', '补交了证明');
		expect(await statusesOf([id])).toEqual(['approved']);
	});

	it('refuses decisions once the competition is past screening (409)', async () => {
		const owner = await newOrg();
		const { competition, entries } = await competitionWithEntries(owner, { count: 1, status: 'judging' });
		const { token } = await createApiToken(owner, '初审');
		const response = await api(token, 'POST', `/entries/${entries[0]!.id}/decision`, { decision: 'approve' });
		expect(response.status).toBe(409);
		expect((await response.json()).error.code).toBe('screening_closed');
		await seedStatus(owner, competition.id, 'screening');
		expect((await api(token, 'POST', `/entries/${entries[0]!.id}/decision`, { decision: 'approve' })).status).toBe(200);
	});

	it('decides in bulk: the ticked entries, or all matching a filter, skipping those it cannot apply to', async () => {
		const owner = await newOrg();
		const { competition, entries } = await competitionWithEntries(owner, { count: 6 });
		const ids = entries.map((entry) => entry.id);
		const { token } = await createApiToken(owner, '批量');
		const ticked = await api(token, 'POST', `/competitions/${competition.id}/entries/decisions`, { decision: 'approve', entryIds: ids.slice(0, 2) });
		expect(await ticked.json()).toMatchObject({ approved: ids.slice(0, 2), skipped: [] });
		const noReason = await api(token, 'POST', `/competitions/${competition.id}/entries/decisions`, { decision: 'reject', all: true });
		expect(noReason.status).toBe(400);
		// Entrants 3 and 6 belong to 单位3 and 单位6 (sequence mod 7): reject all of 单位3.
		const byUnit = await api(token, 'POST', `/competitions/${competition.id}/entries/decisions`, { decision: 'reject', reason: '单位未盖章', all: true, filter: { unit: '单位3' } });
		expect(await byUnit.json()).toMatchObject({ rejected: [ids[2]] });
		const rest = await decideEntries(owner, competition.id, { filter: {} }, 'approve', '');
		expect(rest.approved.sort()).toEqual([ids[3], ids[4], ids[5]].sort());
		expect(rest.skipped.map((skip) => skip.problem).sort()).toEqual(['already_decided', 'already_decided', 'reason_required']);
		expect(await countEntriesByStatus(db(), owner.organisation.id, competition.id)).toEqual({ approved: 5, rejected: 1 });
	});

	it('shows the full numbers only on asking, writes that to the audit log, and keeps them out of the audit row', async () => {
		const owner = await newOrg();
		const { entries } = await competitionWithEntries(owner, { count: 1 });
		const person = entrant(1);
		const { token } = await createApiToken(owner, '查看');
		const response = await api(token, 'GET', `/entries/${entries[0]!.id}/id-number`);
		expect(await response.json()).toEqual({ members: [{ position: 0, name: person.name, idNumber: person.idNumber, phone: person.phone }] });
		expect(await revealPersonalNumbers(owner, entries[0]!.id)).toHaveLength(1);
		const audit = await db()<{ actorLabel: string; after: unknown }[]>`select actor_label, after from audit_log where subject_id = ${entries[0]!.id} and action = 'entry.personal_numbers_viewed'`;
		expect(audit).toHaveLength(2);
		expect(JSON.stringify(audit)).not.toContain(person.idNumber);
		expect(JSON.stringify(audit)).not.toContain(person.phone);
		const log = await (await api(token, 'GET', '/audit-log')).json();
		expect(JSON.stringify(log)).toContain('entry.personal_numbers_viewed');
	});

	it('keeps the organisation’s preset reasons, in order, without blanks or repeats', async () => {
		const owner = await newOrg();
		const other = await newOrg();
		await saveScreeningReasons(owner, ['材料不全', ' 工龄不足 ', '', '材料不全']);
		const { token } = await createApiToken(owner, '原因');
		expect(await (await api(token, 'GET', '/screening-reasons')).json()).toEqual({ reasons: ['材料不全', '工龄不足'] });
		const put = await api(token, 'PUT', '/screening-reasons', { reasons: ['不符合申报条件'] });
		expect(await put.json()).toEqual({ reasons: ['不符合申报条件'] });
		const { token: otherToken } = await createApiToken(other, '原因');
		expect(await (await api(otherToken, 'GET', '/screening-reasons')).json()).toEqual({ reasons: [] });
	});

	it('lists entries with search, filters and paging', async () => {
		const owner = await newOrg();
		const { competition, entries } = await competitionWithEntries(owner, { count: 60 });
		const page1 = await listEntries(owner, competition.id, {}, 1);
		const page2 = await listEntries(owner, competition.id, {}, 2);
		expect([page1.entries.length, page2.entries.length, page1.total]).toEqual([50, 10, 60]);
		expect(page1.entries[0]!.id).toBe(entries[0]!.id);
		expect(new Set([...page1.entries, ...page2.entries].map((entry) => entry.id)).size).toBe(60);
		const person = entrant(17);
		for (const search of ['选手17', person.idNumber.slice(14), person.phone.slice(0, 7)]) {
			const found = await listEntries(owner, competition.id, { search }, 1);
			expect(found.entries.map((entry) => entry.members[0]!.name), search).toContain('选手17');
		}
		expect((await listEntries(owner, competition.id, { search: person.idNumber.slice(6, 14) }, 1)).total).toBe(0);
		const unit = await listEntries(owner, competition.id, { unit: '单位3' }, 1);
		expect(unit.entries.every((entry) => entry.unit === '单位3')).toBe(true);
		expect(unit.total).toBe(9);
		await decideEntry(owner, entries[0]!.id, 'approve', '');
		expect((await listEntries(owner, competition.id, { status: 'approved' }, 1)).entries.map((entry) => entry.id)).toEqual([entries[0]!.id]);
	});
});
