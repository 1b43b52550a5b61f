import { createHash, randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import postgres from 'postgres';
import { evaluateRound, SKILLS_CONTEST_TEMPLATE } from '../../src/lib/domain/scoring';
import { OWNER } from './fixtures';
import { createContest } from './contest-steps';
import { competitionIdOf, seedCompetitionStatus, seedJudgeEntries } from './seed';

// Results on public notice (issue 17, publication part): a skills contest whose final is scored by five
// judges (trimmed), with theory and deductions, stored as a result version the way the results part
// stores one, published with its notice window open and its names revealed.

export const NOTICE_SLUG = 'e2e-notice';
const NOTICE_TITLE = '成绩公示技能竞赛';
const url = `postgres://jiangxin:jiangxin-local@127.0.0.1:${process.env.E2E_PG_PORT || 54331}/postgres`;

export const NOTICE_PEOPLE = [
	{ name: '周立新', unit: '县第一机械厂', phone: '13900000011' },
	{ name: '吴海燕', unit: '县纺织厂', phone: '13900000012' },
	{ name: '郑国强', unit: '县供电公司', phone: '13900000013' }
];

async function publish(sql: postgres.Sql, roundId: string, entryIds: string[]): Promise<void> {
	const scheme = SKILLS_CONTEST_TEMPLATE.rounds[0]!.scheme;
	const entries = entryIds.map((id, index) => ({
		id,
		number: index + 1,
		entered: { theory: 9000 - 250 * index },
		sheets: {
			practical: [0, 400, -300, 150, 700].map((offset, judge) => ({
				judgeId: `judge-${judge + 1}`,
				scores: { process: 2000, precision: 2000 - 200 * index + offset / 2, surface: 2000, completeness: 1500, safety: 1000 }
			}))
		},
		deductions: { practical: { defect: index } }
	}));
	const result = evaluateRound(scheme, { entries });
	const [round] = await sql<{ organisationId: string }[]>`select organisation_id as "organisationId" from round where id = ${roundId}`;
	const organisationId = round!.organisationId;
	const stored = { scheme, result, numbers: Object.fromEntries(entries.map((entry) => [entry.id, entry.number])), specialAwards: [] };
	const [version] = await sql<{ id: string }[]>`
		insert into result_version (organisation_id, round_id, version, scheme_version, engine_version, inputs_digest, result)
		values (${organisationId}, ${roundId}, 1, 1, 'e2e', ${createHash('sha256').update(randomUUID()).digest('hex')}, ${sql.json(JSON.parse(JSON.stringify(stored)))})
		returning id`;
	for (const entry of result.entries) {
		const tier = scheme.tiers?.find((candidate) => candidate.key === entry.tier);
		await sql`
			insert into result_placing (organisation_id, result_version_id, entry_id, number, rank, total, components, tier_key, tier_label)
			values (${organisationId}, ${version!.id}, ${entry.entryId}, ${entry.number}, ${entry.rank}, ${entry.total}, ${sql.json(entry.components)}, ${entry.tier}, ${tier?.label['zh-CN'] ?? null})`;
	}
	await sql`
		update round set published_version_id = ${version!.id}, results_revealed_at = now(), notice_starts_at = now() - interval '1 day', notice_ends_at = now() + interval '30 days'
		where id = ${roundId}`;
}

/** The published round (created on first use by the signed-in owner): its public results page and the first entry's explanation. */
export async function ensureNoticeRound(page: Page): Promise<{ resultsPath: string; explanationPath: string; competitionPath: string; ownAppealsPath: string }> {
	const sql = postgres(url, { max: 1, onnotice: () => {} });
	try {
		const found = await sql<{ competitionId: string; roundId: string }[]>`
			select c.id as "competitionId", r.id as "roundId" from competition c join event e on e.competition_id = c.id join round r on r.event_id = e.id
			where c.slug = ${NOTICE_SLUG} and r.published_version_id is not null limit 1`;
		let target = found[0];
		if (!target) {
			const competitionId = competitionIdOf(await createContest(page, NOTICE_TITLE, NOTICE_SLUG, '钳工'));
			const { roundId, entryIds } = await seedJudgeEntries(competitionId, NOTICE_PEOPLE);
			await publish(sql, roundId, entryIds);
			await seedCompetitionStatus(competitionId, 'notice');
			target = { competitionId, roundId };
		}
		// Each run lodges its own objections: start from none, so the hourly limit per address never trips.
		await sql`delete from objection where round_id = ${target.roundId}`;
		const [first, second] = await sql<{ entryId: string }[]>`select entry_id as "entryId" from result_placing p join round r on r.published_version_id = p.result_version_id where r.id = ${target.roundId} order by rank limit 2`;
		// The second placed entry is the owner's own registration, so the sweeps reach a contestant's appeals page.
		await sql`update entry set registrant_id = (select id from app_user where email = ${OWNER.email}) where id = ${second!.entryId}`;
		return {
			ownAppealsPath: `/my/entries/${second!.entryId}/appeals`,
			resultsPath: `/c/${NOTICE_SLUG}/results`,
			explanationPath: `/c/${NOTICE_SLUG}/results/${target.roundId}/${first!.entryId}`,
			competitionPath: `/orgs/${OWNER.organisationSlug}/competitions/${target.competitionId}`
		};
	} finally {
		await sql.end();
	}
}

/** For the sweeps: the public results page, an explanation, the organisers' objections and appeals pages, and a contestant's own appeals. */
export async function noticePages(page: Page): Promise<{ name: string; path: string }[]> {
	const { resultsPath, explanationPath, competitionPath, ownAppealsPath } = await ensureNoticeRound(page);
	return [
		{ name: 'public-results', path: resultsPath },
		{ name: 'result-explanation', path: explanationPath },
		{ name: 'objections', path: `${competitionPath}/objections` },
		{ name: 'appeals', path: `${competitionPath}/appeals` },
		{ name: 'my-appeals', path: ownAppealsPath }
	];
}
