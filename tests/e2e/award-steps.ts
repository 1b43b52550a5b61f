import postgres from 'postgres';

// The craftsman-award journey's (award-journey.e2e.ts) writes and reads straight in the tables: what
// the judges' tablets, the head judge's sign-off and the public vote leave behind (issues 15 and 16,
// covered by their own journeys), and the numbers and codes the organiser's pages drew or issued.

const url = `postgres://jiangxin:jiangxin-local@127.0.0.1:${process.env.E2E_PG_PORT || 54331}/postgres`;

/** The craftsman_award template's five criteria and their maxima (hundredths): together 100 points. */
const CRITERIA = { professional_ethics: 2000, craft_expertise: 2000, outstanding_skill: 2500, leadership: 1500, contribution: 2000 };

/** A sheet giving `percent` % of every criterion's maximum: its judge's R_j is `percent` points. */
const sheetAt = (percent: number) => Object.fromEntries(Object.entries(CRITERIA).map(([key, max]) => [key, (max * percent) / 100]));

/** Each judge's R_j around the entry's mark m: m+2, m+1, m, m−1, m−3. Dropping the highest and lowest leaves m+1, m, m−1: the trimmed mean is m. */
export const JUDGE_OFFSETS = [2, 1, 0, -1, -3];

async function withSql<T>(work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
	const sql = postgres(url, { max: 1, onnotice: () => {} });
	try {
		return await work(sql);
	} finally {
		await sql.end();
	}
}

/** The competition's rounds in order (初评, 终评). */
export function roundsOf(competitionId: string): Promise<{ id: string; name: string }[]> {
	return withSql((sql) => sql<{ id: string; name: string }[]>`
		select r.id, r.name from round r join event e on e.id = r.event_id where e.competition_id = ${competitionId} order by e.position, r.position`);
}

/** The competition's entries by the first member's name (选手n). */
export async function entriesByName(competitionId: string): Promise<Map<string, string>> {
	const rows = await withSql((sql) => sql<{ id: string; name: string }[]>`
		select e.id, m.name from entry e join entry_member m on m.entry_id = e.id and m.position = 0 where e.competition_id = ${competitionId}`);
	return new Map(rows.map((row) => [row.name, row.id]));
}

/** The numbers a round's draw gave, by name (the blind results pages show only these). */
export async function numbersByName(roundId: string): Promise<Map<string, number>> {
	const rows = await withSql((sql) => sql<{ name: string; number: number }[]>`
		select m.name, re.number from round_entry re join entry_member m on m.entry_id = re.entry_id and m.position = 0 where re.round_id = ${roundId} and re.number is not null`);
	return new Map(rows.map((row) => [row.name, row.number]));
}

/**
 * Five judges (the first also head judge) score every entry of `marks` (entry id → mark m in points) in
 * the round's `expert` component with R_j = m + JUDGE_OFFSETS[j]; every sheet is locked and the round
 * signed off by the organisation's owner, the competition in judging — as the tablets and the matrix's
 * sign-off leave them.
 */
export async function seedSignedOffExpertRound(roundId: string, marks: Map<string, number>, judgePrefix: string): Promise<void> {
	await withSql(async (sql) => {
		const [round] = await sql<{ organisationId: string; competitionId: string; ownerId: string }[]>`
			select r.organisation_id as "organisationId", e.competition_id as "competitionId",
				(select user_id from membership m where m.organisation_id = r.organisation_id and m.role = 'owner' limit 1) as "ownerId"
			from round r join event e on e.id = r.event_id where r.id = ${roundId}`;
		const { organisationId, competitionId, ownerId } = round!;
		const judgeIds: string[] = [];
		for (let index = 0; index < JUDGE_OFFSETS.length; index++) {
			const [judge] = await sql<{ id: string }[]>`
				insert into judge (organisation_id, competition_id, name, unit) values (${organisationId}, ${competitionId}, ${`${judgePrefix}${index + 1}`}, '县评审委员会') returning id`;
			if (index === 0) await sql`insert into panel_member (organisation_id, round_id, judge_id, role) values (${organisationId}, ${roundId}, ${judge!.id}, 'head')`;
			await sql`insert into panel_member (organisation_id, round_id, judge_id, role) values (${organisationId}, ${roundId}, ${judge!.id}, 'judge') on conflict do nothing`;
			judgeIds.push(judge!.id);
		}
		const entryIds: string[] = [];
		const judges: string[] = [];
		const scores: string[] = [];
		for (const [entryId, mark] of marks)
			for (const [index, offset] of JUDGE_OFFSETS.entries()) {
				entryIds.push(entryId);
				judges.push(judgeIds[index]!);
				scores.push(JSON.stringify(sheetAt(mark + offset)));
			}
		await sql`
			insert into score_sheet (organisation_id, round_id, entry_id, judge_id, component_key, scores, status, submitted_at, locked_at)
			select ${organisationId}, ${roundId}, entry_id, judge_id, 'expert', scores::jsonb, 'locked', now(), now()
			from unnest(${entryIds}::uuid[], ${judges}::uuid[], ${scores}::text[]) as t(entry_id, judge_id, scores)`;
		await sql`update competition set status = 'judging' where id = ${competitionId}`;
		await sql`update round set scores_locked_at = now(), signed_off_by = ${ownerId} where id = ${roundId}`;
	});
}

/** A closed voting window and `votes` accepted votes per entry (entry id → count), each from its own voter. */
export async function seedAcceptedVotes(roundId: string, votes: Map<string, number>): Promise<void> {
	await withSql(async (sql) => {
		const [round] = await sql<{ organisationId: string }[]>`select organisation_id as "organisationId" from round where id = ${roundId}`;
		const organisationId = round!.organisationId;
		await sql`
			insert into vote_policy (round_id, organisation_id, opens_at, closes_at, votes_per_voter_per_day, votes_per_candidate_per_voter_per_day)
			values (${roundId}, ${organisationId}, now() - interval '10 days', now() - interval '3 days', 3, 1)`;
		const entryIds = [...votes].flatMap(([entryId, count]) => Array.from({ length: count }, () => entryId));
		await sql`
			insert into vote (organisation_id, round_id, entry_id, voter_key, cast_at, voting_day, address_prefix_hash, user_agent_hash, proof_id)
			select ${organisationId}, ${roundId}, entry_id, 'award-voter-' || ordinality, now() - interval '5 days', ((now() - interval '5 days') at time zone 'Asia/Shanghai')::date,
				'award-prefix-' || (ordinality % 97), 'award-agent-' || (ordinality % 13), 'award-proof-' || gen_random_uuid()
			from unnest(${entryIds}::uuid[]) with ordinality as t(entry_id, ordinality)`;
	});
}

/** Moves the round's notice window (公示) into the past, as if its days had gone by. */
export async function closeNotice(roundId: string): Promise<void> {
	await withSql((sql) => sql`update round set notice_starts_at = now() - interval '8 days', notice_ends_at = now() - interval '1 day' where id = ${roundId}`);
}
