import postgres from 'postgres';

// Public votes straight into the e2e database for the organisers' review (the voter side is not what
// the review journey is about): a voting window, ordinary votes for every candidate, and a bought
// burst for one candidate from one address prefix at a script's even pace.
const url = `postgres://jiangxin:jiangxin-local@127.0.0.1:${process.env.E2E_PG_PORT || 54331}/postgres`;

export async function seedVotes(roundId: string, entryIds: string[], rigged: { entryIndex: number; votes: number }): Promise<void> {
	const sql = postgres(url, { max: 1, onnotice: () => {} });
	try {
		const [round] = await sql<{ organisationId: string }[]>`select organisation_id as "organisationId" from round where id = ${roundId}`;
		const organisationId = round!.organisationId;
		const opens = new Date(Date.UTC(2026, 4, 1, 0));
		await sql`
			insert into vote_policy (round_id, organisation_id, opens_at, closes_at, votes_per_voter_per_day, votes_per_candidate_per_voter_per_day)
			values (${roundId}, ${organisationId}, ${opens}, ${new Date(Date.UTC(2026, 4, 8, 0))}, 10, 1) on conflict (round_id) do nothing`;
		const insert = (entryId: string, times: Date[], prefix: (index: number) => string, agent: (index: number) => string, voter: (index: number) => string) => sql`
			insert into vote (organisation_id, round_id, entry_id, voter_key, cast_at, voting_day, address_prefix_hash, user_agent_hash, proof_id)
			select ${organisationId}, ${roundId}, ${entryId}, voter, cast_at, (cast_at at time zone 'Asia/Shanghai')::date, prefix, agent, 'e2e-proof-' || gen_random_uuid()
			from unnest(${times.map((_, index) => voter(index))}::text[], ${times.map((time) => time.toISOString())}::timestamptz[], ${times.map((_, index) => prefix(index))}::text[], ${times.map((_, index) => agent(index))}::text[]) as t(voter, cast_at, prefix, agent)`;
		let seed = 7;
		const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
		for (const [index, entryId] of entryIds.entries()) {
			const times = Array.from({ length: 40 + index * 3 }, () => new Date(opens.getTime() + Math.floor(random() * 10 * 3600_000)));
			await insert(entryId, times, () => `e2e-prefix-${Math.floor(random() * 500)}`, () => `e2e-agent-${Math.floor(random() * 20)}`, () => `e2e-voter-${Math.floor(random() * 400)}`);
		}
		const from = opens.getTime() + 4 * 3600_000;
		const burst = Array.from({ length: rigged.votes }, (_, index) => new Date(from + index * 4000));
		await insert(entryIds[rigged.entryIndex]!, burst, () => 'e2e-rigged-prefix', () => 'e2e-rigged-agent', (index) => `e2e-bought-${roundId}-${index}`);
	} finally {
		await sql.end();
	}
}
