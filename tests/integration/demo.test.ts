import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { buildDemo, type DemoOutcome } from '../../src/lib/server/demo/build-demo';
import { verifyResultVersion } from '../../src/lib/server/results/versions-service';
import { getResultVersion } from '../../src/lib/server/results/version-queries';
import { verifyCertificate } from '../../src/lib/server/certificates/verify-service';
import { checkIdNumber } from '../../src/lib/domain/identity/id-number';
import { decryptText } from '../../src/lib/server/crypto/personal-data';
import type { OrgActor } from '../../src/lib/server/auth/actor';
import { actorFor, newUser } from '../fixtures/factories';

// `npm run demo`'s builder on a real PostgreSQL: what a newcomer opening the example organisation
// sees at each stage, every figure reproducible by "recompute and verify", and a second run adds nothing.

describe('the example organisation', () => {
	it('holds the craftsman award in notice and the skills contest final with certificates, and a second run changes nothing', { timeout: 180_000 }, async () => {
		const user = await newUser({ displayName: '示例管理员' });
		const owner = actorFor(user);
		const slug = `demo-${randomUUID().slice(0, 6)}`;
		const started = Date.now();
		const outcome = await buildDemo(owner, slug);
		console.info(`[demo] built in ${Date.now() - started} ms`);
		expect(outcome.created).toBe(true);
		const built = outcome as Extract<DemoOutcome, { created: true }>;
		const organisationId = built.organisationId;
		const actor: OrgActor = { ...owner, organisation: { id: organisationId, slug, name: '' }, role: 'owner' };

		// The award: 115 applications, 87 pass 初审, the others refused with a reason.
		const statuses = await db()<{ status: string; count: number; withoutReason: number }[]>`
			select status, count(*)::int as count, count(*) filter (where coalesce(status_reason, '') = '')::int as "withoutReason"
			from entry where organisation_id = ${organisationId} and competition_id = ${built.award.competitionId} group by status order by status`;
		expect(statuses).toEqual([
			{ status: 'approved', count: 87, withoutReason: expect.any(Number) },
			{ status: 'rejected', count: 28, withoutReason: 0 }
		]);
		const roundSize = async (roundId: string) => (await db()<{ count: number }[]>`select count(*)::int as count from round_entry where round_id = ${roundId} and number is not null`)[0]!.count;
		expect(await roundSize(built.award.preliminaryRoundId)).toBe(87);
		expect(await roundSize(built.award.finalRoundId)).toBe(21);
		const [votes] = await db()<{ accepted: number; candidates: number }[]>`
			select count(*)::int as accepted, count(distinct entry_id)::int as candidates from vote where round_id = ${built.award.preliminaryRoundId} and status = 'accepted'`;
		expect(votes!.candidates).toBe(87);
		expect(votes!.accepted).toBeGreaterThan(87 * 30);
		// One cluster voided by the organiser's review, with its reason; those votes do not count.
		const voided = await db()<{ count: number; candidates: number; reason: string }[]>`
			select count(*)::int as count, count(distinct entry_id)::int as candidates, min(reason) as reason from vote where round_id = ${built.award.preliminaryRoundId} and status = 'voided'`;
		expect(voided[0]).toMatchObject({ count: 40, candidates: 1, reason: expect.stringContaining('作废') });

		// ID numbers stored are valid resident IDs (decrypted here only to check them).
		const members = await db()<{ idNumberCipher: string; phone: string }[]>`select id_number_cipher, phone from entry_member where organisation_id = ${organisationId}`;
		for (const member of members) {
			expect(checkIdNumber('resident_id', decryptText(member.idNumberCipher), '2026-12-01').ok).toBe(true);
			expect(member.phone).toMatch(/^139\d{8}$/);
		}

		// The final: 12 工匠, 9 提名奖 and one 工匠特别奖, published on notice with the window open.
		const [final] = await db()<{ publishedVersionId: string; open: boolean; finalVersionId: string | null }[]>`
			select published_version_id, notice_starts_at <= now() and notice_ends_at > now() as open, final_version_id from round where id = ${built.award.finalRoundId}`;
		expect(final).toMatchObject({ open: true, finalVersionId: null });
		const tiers = await db()<{ tierLabel: string | null; count: number; special: number }[]>`
			select tier_label, count(*)::int as count, count(special_award)::int as special from result_placing where result_version_id = ${final!.publishedVersionId} group by tier_label order by tier_label`;
		expect(tiers).toEqual(
			expect.arrayContaining([
				{ tierLabel: '工匠', count: 12, special: 0 },
				{ tierLabel: '提名奖', count: 9, special: 1 }
			])
		);
		const statusOf = async (competitionId: string) => (await db()<{ status: string }[]>`select status from competition where id = ${competitionId}`)[0]!.status;
		expect(await statusOf(built.award.competitionId)).toBe('notice');

		// The contest: final in four trades, each with 一/二/三等奖 and a certificate for each prize that verifies.
		expect(await statusOf(built.contest.competitionId)).toBe('final');
		expect(built.contest.roundIds).toHaveLength(4);
		for (const roundId of built.contest.roundIds) {
			const prizes = await db()<{ tierLabel: string; count: number; total: number }[]>`
				select p.tier_label, count(*)::int as count, (select count(*)::int from round_entry where round_id = ${roundId}) as total
				from round r join result_placing p on p.result_version_id = r.final_version_id
				where r.id = ${roundId} and p.tier_label is not null group by p.tier_label order by p.tier_label`;
			expect(prizes.map((prize) => prize.tierLabel).sort()).toEqual(['一等奖', '三等奖', '二等奖'].sort());
			const total = prizes[0]!.total;
			const count = (label: string) => prizes.find((prize) => prize.tierLabel === label)!.count;
			// 10 % / 20 % / 30 % of the trade's contestants (shares of the field, ties aside).
			expect(count('一等奖')).toBeGreaterThanOrEqual(Math.floor(total * 0.1));
			expect(count('一等奖') + count('二等奖') + count('三等奖')).toBeLessThanOrEqual(Math.ceil(total * 0.6) + 1);
		}
		const certificates = await db()<{ verificationCode: string; awardLabel: string }[]>`
			select verification_code, award_label from certificate where organisation_id = ${organisationId} and competition_id = ${built.contest.competitionId}`;
		const [placings] = await db()<{ count: number }[]>`
			select count(*)::int as count from round r join result_placing p on p.result_version_id = r.final_version_id
			where r.id in ${db()(built.contest.roundIds)} and p.tier_label is not null`;
		expect(certificates).toHaveLength(placings!.count);
		for (const certificate of certificates.slice(0, 10)) expect(await verifyCertificate(certificate.verificationCode)).toMatchObject({ status: 'valid', award: certificate.awardLabel });
		// The final versions' team ranks, as the stored results hold them.
		let rankedTeams = 0;
		for (const roundId of built.contest.roundIds) {
			const [round] = await db()<{ finalVersionId: string }[]>`select final_version_id from round where organisation_id = ${organisationId} and id = ${roundId}`;
			const version = await getResultVersion(db(), organisationId, roundId, round!.finalVersionId);
			rankedTeams += version!.result.result.teams.filter((team) => team.rank !== null).length;
		}
		expect(rankedTeams).toBeGreaterThanOrEqual(4);

		// "Recompute and verify" finds no difference in any round.
		for (const roundId of [built.award.preliminaryRoundId, built.award.finalRoundId, ...built.contest.roundIds]) {
			const verification = await verifyResultVersion(actor, roundId);
			expect(verification).toMatchObject({ inputsMatch: true, numbersMatch: true });
		}

		// The bulk steps left readable audit rows.
		const audits = await db()<{ subjectLabel: string }[]>`select subject_label from audit_log where organisation_id = ${organisationId} and action like 'demo.%'`;
		expect(audits.map((row) => row.subjectLabel)).toContain('示例数据：导入 435 张评分表（安吉工匠 · 初评）');

		// Idempotent: a second run says it exists and adds nothing.
		const counts = async () => (await db()<{ count: number }[]>`select count(*)::int as count from competition where organisation_id = ${organisationId}`)[0]!.count;
		expect(await counts()).toBe(2);
		expect(await buildDemo(owner, slug)).toEqual({ created: false, organisationId, slug });
		expect(await counts()).toBe(2);

		// Deterministic: another example organisation ranks the same people with the same totals and prizes.
		const other = (await buildDemo(owner, `${slug}-b`)) as Extract<DemoOutcome, { created: true }>;
		const standings = async (roundId: string) =>
			db()<{ name: string; total: number; tierLabel: string | null }[]>`
				select m.name, p.total, p.tier_label from round r join result_placing p on p.result_version_id = r.published_version_id
				join entry_member m on m.organisation_id = p.organisation_id and m.entry_id = p.entry_id and m.position = 0
				where r.id = ${roundId} order by p.rank, m.name`;
		expect(await standings(other.award.finalRoundId)).toEqual(await standings(built.award.finalRoundId));
		expect(await standings(other.contest.roundIds[3]!)).toEqual(await standings(built.contest.roundIds[3]!));
	});
});
