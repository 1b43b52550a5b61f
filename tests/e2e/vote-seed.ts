import { expect, type Page } from '@playwright/test';
import postgres from 'postgres';
import { OWNER } from './fixtures';
import { competitionIdOf, seedCompetitionStatus, seedJudgeEntries } from './seed';

// Public voting (issue 16, vote part): a craftsman award whose preliminary round has a 10 % public vote,
// made once through the organiser's form, with candidates seeded and the window open around now.

export const VOTE_SLUG = 'e2e-vote';
const VOTE_TITLE = '最美工匠网络投票';
const url = `postgres://jiangxin:jiangxin-local@127.0.0.1:${process.env.E2E_PG_PORT || 54331}/postgres`;

export const VOTE_CANDIDATES = [
	{ name: '王建国', unit: '县第一机械厂', phone: '13900000001' },
	{ name: '李秀兰', unit: '县纺织厂', phone: '13900000002' },
	{ name: '赵卫东', unit: '县供电公司', phone: '13900000003' }
];

/** The vote round (created on first use by the signed-in owner): its organiser page and its public page. */
export async function ensureVoteRound(page: Page): Promise<{ policyPath: string; publicPath: string; roundId: string }> {
	const sql = postgres(url, { max: 1, onnotice: () => {} });
	try {
		const found = await sql<{ competitionId: string; roundId: string }[]>`
			select c.id as "competitionId", r.id as "roundId" from competition c join event e on e.competition_id = c.id join round r on r.event_id = e.id
			where c.slug = ${VOTE_SLUG} order by r.position limit 1`;
		let target = found[0];
		if (!target) {
			await page.goto(`/orgs/${OWNER.organisationSlug}/competitions`);
			const form = page.locator('form[action="?/create"]');
			await form.locator('select[name="kind"]').selectOption('craftsman_award');
			await form.locator('input[name="title"]').fill(VOTE_TITLE);
			await form.locator('input[name="slug"]').fill(VOTE_SLUG);
			await form.locator('select[name="template"]').selectOption('craftsman_award');
			await form.locator('input[name="eventName"]').fill('工匠');
			await form.getByRole('button', { name: '创建' }).click();
			await expect(page).toHaveURL(/\/competitions\/[0-9a-f-]{36}$/);
			const competitionId = competitionIdOf(page.url());
			const { roundId } = await seedJudgeEntries(competitionId, VOTE_CANDIDATES);
			await seedCompetitionStatus(competitionId, 'judging');
			const [round] = await sql<{ organisationId: string }[]>`select organisation_id as "organisationId" from round where id = ${roundId}`;
			await sql`
				insert into vote_policy (round_id, organisation_id, opens_at, closes_at, votes_per_voter_per_day, votes_per_candidate_per_voter_per_day, counts_shown, base_cost, share_title, share_description)
				values (${roundId}, ${round!.organisationId}, now() - interval '1 day', now() + interval '30 days', 3, 1, 'live', 1000, '请为身边的最美工匠投上一票', '每人每天可投三票')`;
			target = { competitionId, roundId };
		}
		return {
			roundId: target.roundId,
			policyPath: `/orgs/${OWNER.organisationSlug}/competitions/${target.competitionId}/rounds/${target.roundId}/vote`,
			publicPath: `/c/${VOTE_SLUG}/vote/${target.roundId}`
		};
	} finally {
		await sql.end();
	}
}

/** For the sweeps: the organiser's vote settings and the public voting page. */
export async function votePages(page: Page): Promise<{ name: string; path: string }[]> {
	const { policyPath, publicPath } = await ensureVoteRound(page);
	return [
		{ name: 'vote-policy', path: policyPath },
		{ name: 'public-vote', path: publicPath }
	];
}
