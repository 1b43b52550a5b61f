import { describe, expect, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { listRecentActivity, recordAudit, readAuditLog } from '../../src/lib/server/audit/service';
import { joinOrg, newOrg } from '../fixtures/factories';

describe('audit log', () => {
	it('keeps what was recorded, with actor, subject, before and after', async () => {
		const owner = await newOrg();
		await recordAudit(db(), owner, { action: 'score.changed', subjectType: 'score', subjectId: 'S-1', before: { points: 8.5 }, after: { points: 9 } });
		const { rows } = await readAuditLog(owner, {});
		expect(rows[0]).toMatchObject({ action: 'score.changed', subjectId: 'S-1', before: { points: 8.5 }, after: { points: 9 }, ip: '127.0.0.1' });
		expect(rows[0]!.actorLabel).toContain(owner.user.email);
	});

	it('refuses updates, deletes and truncation at the database', async () => {
		const owner = await newOrg();
		await recordAudit(db(), owner, { action: 'score.changed', subjectType: 'score', after: { points: 1 } });
		await expect(db()`update audit_log set after = '{"points": 100}' where organisation_id = ${owner.organisation.id}`).rejects.toThrow(/append-only/);
		await expect(db()`delete from audit_log where organisation_id = ${owner.organisation.id}`).rejects.toThrow(/append-only/);
		await expect(db()`truncate audit_log`).rejects.toThrow(/append-only/);
		const { rows } = await readAuditLog(owner, {});
		expect(rows).toHaveLength(1);
		expect(rows[0]!.after).toEqual({ points: 1 });
	});

	it('filters by action, person and day, a page at a time', async () => {
		const owner = await newOrg();
		for (let index = 0; index < 55; index++) await recordAudit(db(), owner, { action: 'vote.voided', subjectType: 'vote', subjectId: String(index) });
		await recordAudit(db(), owner, { action: 'score.changed', subjectType: 'score' });
		const first = await readAuditLog(owner, { action: 'vote.voided' });
		expect(first.rows).toHaveLength(50);
		expect(first.actions).toEqual(['score.changed', 'vote.voided']);
		const second = await readAuditLog(owner, { action: 'vote.voided', before: first.nextBeforeId! });
		expect(second.rows.map((row) => row.subjectId)).toEqual(['4', '3', '2', '1', '0']);
		expect(second.nextBeforeId).toBeNull();
		expect((await readAuditLog(owner, { actor: 'nobody-like-this' })).rows).toHaveLength(0);
		expect((await readAuditLog(owner, { until: '2020-01-01' })).rows).toHaveLength(0);
		expect((await listRecentActivity(owner, 3)).map((row) => row.subjectId)).toEqual([null, '54', '53']);
	});

	it('is read by owners only', async () => {
		const owner = await newOrg();
		const organiser = await joinOrg(owner, 'organiser');
		await expect(readAuditLog(organiser, {})).rejects.toMatchObject({ code: 'forbidden' });
	});
});

describe('JSON in the database', () => {
	it('comes back exactly as written, keys untouched', async () => {
		const owner = await newOrg();
		const after = { knot_end_over_3mm: 2, 'zh-CN': '结头', nested: { snake_key: [{ min_judges: 5 }] } };
		await recordAudit(db(), owner, { action: 'score.changed', subjectType: 'score', after });
		expect((await readAuditLog(owner, {})).rows[0]!.after).toEqual(after);
	});
});
