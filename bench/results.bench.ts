/**
 * Issue 17's recompute: a 1,000-entry round scored by 7 judges on 10 criteria with a public vote,
 * stored in a real embedded PostgreSQL (its own port and data directory). `results_recompute_1000_ms`
 * is one whole result version — read every stored row, run the engine, store the version with its
 * 1,000 placings and the audit row; beside it, `engine_only_1000_ms` runs the engine alone on the
 * same input in the same run. Goal: the recompute under 300 ms.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import type { Scheme } from '../src/lib/domain/scoring';
import type { Figure, Measure } from './run';

const ENTRIES = 1000;
const JUDGES = 7;
const CRITERIA = 10;
const RUNS = 7;
process.env.JIANGXIN_SECRET_KEY ||= 'a'.repeat(64);

const MAXES = [1000, 1500, 500, 1000, 2000, 1000, 500, 1500, 500, 500];
const SCHEME: Scheme = {
	components: [
		{
			key: 'expert',
			source: 'judges',
			weight: 9000,
			aggregation: { method: 'trimmed_mean', trim: 1, minJudges: 5 },
			criteria: MAXES.slice(0, CRITERIA).map((max, index) => ({ key: `c${index}`, max })),
			deductions: [{ key: 'defect', points: 200 }]
		},
		{ key: 'vote', source: 'public_vote', weight: 1000, normalisation: 'top' }
	],
	tieBreaks: ['component:expert', 'fewer_deductions'],
	tiers: [
		{ key: 'craftsman', label: { 'zh-CN': '工匠', en: 'Craftsman' }, limit: { kind: 'count', count: 12 } },
		{ key: 'nominee', label: { 'zh-CN': '提名奖', en: 'Nominee' }, limit: { kind: 'count', count: 9 } }
	],
	advancement: { kind: 'top', count: 21 },
	spreadThreshold: 2000
};

async function startDatabase() {
	const { startEmbeddedPostgres } = await import('../src/lib/server/db/embedded');
	const { runMigrations } = await import('../src/lib/server/db/migrate');
	const { connectDb } = await import('../src/lib/server/db/client');
	const dataDir = path.resolve('data/bench-results-postgres');
	rmSync(dataDir, { recursive: true, force: true });
	const database = await startEmbeddedPostgres({ dataDir, port: Number(process.env.BENCH_RESULTS_PG_PORT || 54351) });
	const sql = postgres(database.url, { max: 1, onnotice: () => {} });
	await runMigrations(sql);
	await sql.end();
	connectDb(database.url, { max: 4 });
	return database;
}

/** The round, its entries, panel, sheets (seeded marks), deductions and votes, in a few bulk statements; signed off. */
async function seedRound() {
	const { db } = await import('../src/lib/server/db/client');
	const { newOrg } = await import('../tests/fixtures/factories');
	const { newCompetitionFromTemplate } = await import('../tests/fixtures/competitions');
	const { listRoundsOfCompetition } = await import('../src/lib/server/competitions/structure-queries');
	const owner = await newOrg();
	const organisationId = owner.organisation.id;
	const competition = await newCompetitionFromTemplate(owner, 'skills_contest');
	const [round] = await listRoundsOfCompetition(db(), organisationId, competition.id);
	const roundId = round!.id;
	await db()`update scheme_version set scheme = ${db().json(SCHEME as never)} where organisation_id = ${organisationId} and round_id = ${roundId}`;
	const entries = await db()<{ id: string }[]>`
		insert into entry (organisation_id, competition_id, event_id, unit, status, source)
		select ${organisationId}, ${competition.id}, ${round!.eventId}, '第' || g || '机械厂', 'approved', 'organiser' from generate_series(1, ${ENTRIES}) g
		returning id`;
	const entryIds = entries.map((entry) => entry.id);
	await db()`
		insert into round_entry (organisation_id, round_id, entry_id, number)
		select ${organisationId}, ${roundId}, entry_id, ordinality from unnest(${entryIds}::uuid[]) with ordinality as t(entry_id, ordinality)`;
	const judges = await db()<{ id: string }[]>`
		insert into judge (organisation_id, competition_id, name, unit) select ${organisationId}, ${competition.id}, '评委' || g, '裁判协会' || g from generate_series(1, ${JUDGES}) g returning id`;
	await db()`insert into panel_member (organisation_id, round_id, judge_id, role) select ${organisationId}, ${roundId}, id, 'judge' from unnest(${judges.map((judge) => judge.id)}::uuid[]) as t(id)`;
	// Marks: a per-entry level plus a little per-judge noise, each criterion within its max (hash-seeded, the same every run).
	const criteria = MAXES.map((max, index) => `'c${index}', least(${max}, greatest(0, (${max} * (55 + (abs(hashtext(e.entry_id::text)) % 40) + (abs(hashtext(e.entry_id::text || j.id::text || '${index}')) % 9) - 4) / 100)))`).join(', ');
	await db().unsafe(
		`insert into score_sheet (organisation_id, round_id, entry_id, judge_id, component_key, scores, status, submitted_at, locked_at)
		select $1, $2, e.entry_id, j.id, 'expert', jsonb_build_object(${criteria}), 'locked', now(), now()
		from round_entry e cross join judge j where e.round_id = $2 and j.competition_id = $3`,
		[organisationId, roundId, competition.id]
	);
	await db()`
		insert into deduction_count (organisation_id, round_id, entry_id, component_key, item_key, count)
		select ${organisationId}, ${roundId}, entry_id, 'expert', 'defect', 1 + abs(hashtext(entry_id::text)) % 3 from round_entry where round_id = ${roundId} and abs(hashtext(entry_id::text)) % 10 = 0`;
	await db()`
		insert into vote (organisation_id, round_id, entry_id, voter_key, cast_at, voting_day, address_prefix_hash, user_agent_hash, proof_id, status)
		select ${organisationId}, ${roundId}, e.entry_id, 'voter-' || v, now(), current_date, 'prefix-' || (v % 50), 'agent', 'proof-' || gen_random_uuid(), 'accepted'
		from round_entry e cross join lateral generate_series(1, 1 + abs(hashtext(e.entry_id::text)) % 40) v where e.round_id = ${roundId}`;
	await db()`update round set scores_locked_at = now(), signed_off_by = ${owner.user.id} where id = ${roundId}`;
	return { owner, roundId };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function runResultsBench(measure: Measure): Promise<Figure[]> {
	const { db, closeDb } = await import('../src/lib/server/db/client');
	const { evaluateRound } = await import('../src/lib/domain/scoring');
	const { loadRoundInput } = await import('../src/lib/server/results/round-input');
	const { recordResultVersion } = await import('../src/lib/server/results/versions-service');
	const database = await startDatabase();
	try {
		const { owner, roundId } = await seedRound();
		const loaded = (await loadRoundInput(db(), owner.organisation.id, roundId))!;
		if (loaded.input.entries.length !== ENTRIES) throw new Error(`loaded ${loaded.input.entries.length} entries`);
		const engine = measure(() => evaluateRound(loaded.scheme, loaded.input), { warmUp: 3, runs: 11 });
		// Warm up once (module loading, JIT, PostgreSQL's caches), then time whole versions.
		const first = await recordResultVersion(owner, owner.organisation.id, roundId, { reason: 'bench' });
		if (first.entries !== ENTRIES) throw new Error(`stored ${first.entries} entries`);
		const times: number[] = [];
		for (let run = 0; run < RUNS; run++) {
			const start = performance.now();
			await recordResultVersion(owner, owner.organisation.id, roundId, { reason: 'bench' });
			times.push(performance.now() - start);
		}
		return [
			{ bench: 'engine_only_1000_ms', value: engine, unit: 'ms' },
			{ bench: 'results_recompute_1000_ms', value: median(times), unit: 'ms', baseline: engine }
		];
	} finally {
		await closeDb();
		await database.stop();
	}
}
