import postgres from 'postgres';

const url = `postgres://jiangxin:jiangxin-local@127.0.0.1:${process.env.E2E_PG_PORT || 54331}/postgres`;

/**
 * A round being judged, for the live board: three judges (one the head judge) on the round's panel and
 * submitted practical sheets for the first `scored` entries (the i-th a little lower than the one
 * before), the rest still to come. Written straight into the tables, as the judges' tablets would.
 */
export async function seedBoardRound(competitionId: string, roundId: string, entryIds: string[], scored: number): Promise<void> {
	const sql = postgres(url, { max: 1, onnotice: () => {} });
	try {
		const [competition] = await sql<{ organisationId: string }[]>`select organisation_id as "organisationId" from competition where id = ${competitionId}`;
		const organisationId = competition!.organisationId;
		const judgeIds: string[] = [];
		for (const [index, name] of ['看板裁判甲', '看板裁判乙', '看板裁判长'].entries()) {
			const [judge] = await sql<{ id: string }[]>`insert into judge (organisation_id, competition_id, name, unit) values (${organisationId}, ${competitionId}, ${name}, ${`评审单位${index}`}) returning id`;
			judgeIds.push(judge!.id);
			await sql`insert into panel_member (organisation_id, round_id, judge_id, role) values (${organisationId}, ${roundId}, ${judge!.id}, ${index === 2 ? 'head' : 'judge'})`;
		}
		for (const [position, entryId] of entryIds.slice(0, scored).entries()) {
			for (const [index, judgeId] of judgeIds.entries()) {
				const scores = { process: 1900 - 37 * position - 10 * index, precision: 3300 - 41 * position, surface: 1800, completeness: 1400, safety: 900 };
				await sql`insert into score_sheet (organisation_id, round_id, entry_id, judge_id, component_key, scores, status, submitted_at)
					values (${organisationId}, ${roundId}, ${entryId}, ${judgeId}, 'practical', ${sql.json(scores)}, 'submitted', now())`;
			}
		}
		// One sheet of the next entry is only a draft on its judge's tablet: not received yet.
		const next = entryIds[scored];
		if (next) {
			await sql`insert into score_sheet (organisation_id, round_id, entry_id, judge_id, component_key, scores, status)
				values (${organisationId}, ${roundId}, ${next}, ${judgeIds[0]!}, 'practical', ${sql.json({ process: 1500 })}, 'draft')`;
			await sql`insert into score_sheet (organisation_id, round_id, entry_id, judge_id, component_key, scores, status, submitted_at)
				values (${organisationId}, ${roundId}, ${next}, ${judgeIds[1]!}, 'practical', ${sql.json({ process: 1500, precision: 3000, surface: 1500, completeness: 1000, safety: 800 })}, 'submitted', now())`;
		}
		await sql`update competition set status = 'judging' where id = ${competitionId}`;
	} finally {
		await sql.end();
	}
}
