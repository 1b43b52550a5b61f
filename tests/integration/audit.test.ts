import { describe, expect, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { listRecentActivity, recordAudit, readAuditLog } from '../../src/lib/server/audit/service';
import { recordAuditBatch } from '../../src/lib/server/audit/audit-log';
import { joinOrg, newOrg } from '../fixtures/factories';
import { competitionFields, newCompetition, newCompetitionFromTemplate } from '../fixtures/competitions';
import { getCompetitionOverview, updateCompetition } from '../../src/lib/server/competitions/competition-service';
import { addRound, removeRound } from '../../src/lib/server/competitions/structure-service';

describe('audit log', () => {
	it('keeps what was recorded, with actor, subject, before and after', async () => {
		const owner = await newOrg();
		await recordAudit(db(), owner, { action: 'score.changed', subjectType: 'score', subjectId: 'S-1', before: { points: 8.5 }, after: { points: 9 } });
		const { rows } = await readAuditLog(owner, {});
		expect(rows[0]).toMatchObject({ action: 'score.changed', subjectId: 'S-1', before: { points: 8.5 }, after: { points: 9 }, ip: '127.0.0.1' });
		expect(rows[0]!.actorLabel).toContain(owner.user.email);
	});

	it('stores a batch’s before and after exactly as one row at a time does, in the batch’s order', async () => {
		const owner = await newOrg();
		const values: unknown[] = [undefined, null, '引号"与\\反斜杠', 0, false, ['a', { b: null }], { name: '张三', nested: { points: 9.5, list: [1, 2] } }];
		const entries = values.map((value, index) => ({ action: 'entry.registered', subjectType: 'entry', subjectId: `batch-${index}`, before: value, after: values[values.length - 1 - index] }));
		await recordAuditBatch(db(), owner, entries);
		for (const [index, entry] of entries.entries()) await recordAudit(db(), owner, { ...entry, subjectId: `single-${index}` });
		const stored = await db()<{ subjectId: string; before: unknown; after: unknown; isBeforeSqlNull: boolean; isAfterSqlNull: boolean }[]>`
			select subject_id, before, after, before is null as is_before_sql_null, after is null as is_after_sql_null from audit_log
			where organisation_id = ${owner.organisation.id} order by id`;
		const batch = stored.filter((row) => row.subjectId.startsWith('batch-'));
		const single = stored.filter((row) => row.subjectId.startsWith('single-'));
		expect(batch.map((row) => row.subjectId)).toEqual(values.map((_, index) => `batch-${index}`));
		expect(batch.map(({ subjectId: _, ...row }) => row)).toEqual(single.map(({ subjectId: _, ...row }) => row));
		expect(batch[0]).toMatchObject({ isBeforeSqlNull: true, before: null });
		expect(batch[1]).toMatchObject({ isBeforeSqlNull: true, before: null });
		expect(batch[2]!.before).toBe('引号"与\\反斜杠');
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

describe('audit entries name what they touched', () => {
	it('by its current name while it exists, by the name it had once it is gone, never by another organisation’s', async () => {
		const owner = await newOrg();
		const competition = await newCompetitionFromTemplate(owner, 'skills_contest');
		const [event] = (await getCompetitionOverview(owner, competition.id)).events;
		const [round] = event!.rounds;
		await updateCompetition(owner, competition.id, { ...competitionFields({ slug: competition.slug }), title: '更名后的竞赛' });
		const extra = await addRound(owner, event!.id, { name: '加赛', blind: false });
		await removeRound(owner, extra.id);
		// An entry written before labels were stored names its subject from the current data.
		await recordAudit(db(), owner, { action: 'round.updated', subjectType: 'round', subjectId: round!.id, before: { name: '决赛' }, after: { name: '决赛' } });
		// Another organisation's id in one of ours resolves to nothing of theirs.
		const other = await newOrg();
		const theirs = await newCompetition(other);
		await recordAudit(db(), owner, { action: 'competition.updated', subjectType: 'competition', subjectId: theirs.id });

		const { rows } = await readAuditLog(owner, {});
		const labelOf = (action: string, subjectId: string) => rows.find((row) => row.action === action && row.subjectId === subjectId)?.subjectLabel;
		expect(labelOf('competition.created', competition.id)).toBe('更名后的竞赛');
		expect(labelOf('scheme.template_applied', round!.id)).toBe('数控车工 · 决赛');
		expect(labelOf('round.deleted', extra.id)).toBe('数控车工 · 加赛');
		expect(labelOf('round.created', extra.id)).toBe('数控车工 · 加赛');
		expect(labelOf('round.updated', round!.id)).toBe('数控车工 · 决赛');
		expect(labelOf('competition.updated', theirs.id)).toBeNull();
		expect(rows.every((row) => row.subjectLabel === null || !/^[0-9a-f-]{36}$/.test(row.subjectLabel))).toBe(true);
	});
});
