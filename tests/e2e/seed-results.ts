import postgres from 'postgres';

// A skills-contest round scored and signed off, written straight into the tables the way the judges'
// tablets and the head judge's sign-off leave them (issue 15), for the results journey.

const url = `postgres://jiangxin:jiangxin-local@127.0.0.1:${process.env.E2E_PG_PORT || 54331}/postgres`;

const MAXIMA = { process: 2000, precision: 3500, surface: 2000, completeness: 1500, safety: 1000 };
const sheet = (percent: number) => Object.fromEntries(Object.entries(MAXIMA).map(([key, max]) => [key, Math.round((max * percent) / 100)]));

/**
 * Five judges score each entry (R_j in whole points, one list per entry), theory is entered (hundredths),
 * and every sheet is locked with the round signed off by the organisation's owner.
 */
export async function seedSignedOffRound(roundId: string, marks: { percents: number[]; theory: number }[], entryIds: string[]): Promise<void> {
	const sql = postgres(url, { max: 1, onnotice: () => {} });
	try {
		const [round] = await sql<{ organisationId: string; competitionId: string; ownerId: string }[]>`
			select r.organisation_id as "organisationId", e.competition_id as "competitionId",
				(select user_id from membership m where m.organisation_id = r.organisation_id and m.role = 'owner' limit 1) as "ownerId"
			from round r join event e on e.id = r.event_id where r.id = ${roundId}`;
		const { organisationId, competitionId, ownerId } = round!;
		const judgeIds: string[] = [];
		for (let index = 0; index < 5; index++) {
			const [judge] = await sql<{ id: string }[]>`
				insert into judge (organisation_id, competition_id, name, unit) values (${organisationId}, ${competitionId}, ${`成绩评委${index + 1}`}, ${`裁判单位${index + 1}`}) returning id`;
			await sql`insert into panel_member (organisation_id, round_id, judge_id, role) values (${organisationId}, ${roundId}, ${judge!.id}, ${index === 0 ? 'head' : 'judge'})`;
			if (index === 0) await sql`insert into panel_member (organisation_id, round_id, judge_id, role) values (${organisationId}, ${roundId}, ${judge!.id}, 'judge') on conflict do nothing`;
			judgeIds.push(judge!.id);
		}
		for (const [entryIndex, mark] of marks.entries()) {
			const entryId = entryIds[entryIndex]!;
			for (const [judgeIndex, percent] of mark.percents.entries())
				await sql`
					insert into score_sheet (organisation_id, round_id, entry_id, judge_id, component_key, scores, status, submitted_at, locked_at)
					values (${organisationId}, ${roundId}, ${entryId}, ${judgeIds[judgeIndex]!}, 'practical', ${sql.json(sheet(percent))}, 'locked', now(), now())`;
			await sql`insert into entered_value (organisation_id, round_id, entry_id, component_key, value, source) values (${organisationId}, ${roundId}, ${entryId}, 'theory', ${mark.theory}, 'import')`;
		}
		await sql`update competition set status = 'judging' where id = ${competitionId}`;
		await sql`update round set scores_locked_at = now(), signed_off_by = ${ownerId} where id = ${roundId}`;
	} finally {
		await sql.end();
	}
}
