import postgres from 'postgres';

// Certificates (issue 17): two certificates of the sweeps' competition written straight into the
// tables (issuing from final results is covered by the integration tests) — one valid, one revoked —
// so the public verification page can be opened on a phone.

const url = `postgres://jiangxin:jiangxin-local@127.0.0.1:${process.env.E2E_PG_PORT || 54331}/postgres`;

export const VALID_CODE = 'VALIDCERT234';
export const REVOKED_CODE = 'REVKEDCERT23';
export const HOLDER = '欧阳春华';

/** Seeds them once in the competition with this slug (the sweeps' own: call ensureSweepCompetition first). */
export async function ensureCertificates(slug: string): Promise<{ competitionId: string }> {
	const sql = postgres(url, { max: 1, onnotice: () => {} });
	try {
		const [target] = await sql<{ organisationId: string; competitionId: string; title: string; roundId: string; eventName: string; entryId: string }[]>`
			select c.organisation_id as "organisationId", c.id as "competitionId", c.title, r.id as "roundId", e.name as "eventName", en.id as "entryId"
			from competition c join event e on e.competition_id = c.id join round r on r.event_id = e.id join entry en on en.event_id = e.id
			where c.slug = ${slug} order by e.position, r.position, en.created_at limit 1`;
		if (!target) throw new Error('the sweeps’ competition has no round with entries');
		const [existing] = await sql`select 1 from certificate where verification_code = ${VALID_CODE}`;
		if (existing) return { competitionId: target.competitionId };
		const [version] = await sql<{ id: string }[]>`
			insert into result_version (organisation_id, round_id, version, scheme_version, engine_version, inputs_digest, result)
			values (${target.organisationId}, ${target.roundId}, (select coalesce(max(version), 0) + 1 from result_version where round_id = ${target.roundId}), 1, 'e2e', ${'e'.repeat(64)},
				-- A well-formed StoredResult (the round's scheme, no entries): the results pages of this round read it.
				json_build_object(
					'scheme', (select scheme from scheme_version where round_id = ${target.roundId} order by version desc limit 1),
					'result', json_build_object('entries', '[]'::json, 'teams', '[]'::json, 'advancing', '[]'::json, 'warnings', '[]'::json),
					'numbers', '{}'::json, 'specialAwards', '[]'::json))
			returning id`;
		const certificate = (kind: string, award: string, serial: string, code: string) => sql`
			insert into certificate (organisation_id, competition_id, round_id, entry_id, result_version_id, award_kind, award_label, holder_name, unit, event_name, competition_title, issued_on, serial, verification_code)
			values (${target.organisationId}, ${target.competitionId}, ${target.roundId}, ${target.entryId}, ${version!.id}, ${kind}, ${award}, ${HOLDER}, '单位A', ${target.eventName}, ${target.title}, '2026-05-01', ${serial}, ${code})`;
		await certificate('tier', '一等奖', 'E2E-2026-0001', VALID_CODE);
		await certificate('special', '工匠特别奖', 'E2E-2026-0002', REVOKED_CODE);
		await sql`update certificate set revoked_at = '2026-05-20T10:00:00+08:00', revoke_reason = '经复核成绩有误' where verification_code = ${REVOKED_CODE}`;
		return { competitionId: target.competitionId };
	} finally {
		await sql.end();
	}
}
