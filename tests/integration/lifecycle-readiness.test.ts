import { describe, expect, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { advanceCompetition, getCompetitionOverview } from '../../src/lib/server/competitions/competition-service';
import { listEvents, listRoundsOfCompetition } from '../../src/lib/server/competitions/structure-queries';
import { registerEntries } from '../../src/lib/server/registration/register';
import { decideEntries } from '../../src/lib/server/screening/screening-service';
import { commitStage, runStage } from '../../src/lib/server/draw/draw-service';
import { addJudge } from '../../src/lib/server/judging/judges-service';
import { savePanel } from '../../src/lib/server/judging/panels-service';
import { newOrg } from '../fixtures/factories';
import { newCompetitionFromTemplate } from '../fixtures/competitions';
import { individualSubmission } from '../fixtures/people';
import { seedJudgeRound } from '../fixtures/judge-entries';
import { seedPublishedResult } from '../fixtures/notice';
import { seedStatus } from '../fixtures/competitions';

const judge = (name: string, unit: string) => ({ name, unit, phone: '', specialty: '', email: null });

describe('the lifecycle with real entries, draw and panels', () => {
	it('goes registration → screening → judging only once there are entries, approved ones, a draw and panels', async () => {
		const owner = await newOrg();
		const competition = await newCompetitionFromTemplate(owner, 'skills_contest');
		const [event] = await listEvents(db(), owner.organisation.id, competition.id);
		const [round] = await listRoundsOfCompetition(db(), owner.organisation.id, competition.id);
		await advanceCompetition(owner, competition.id, 'registration');
		await expect(advanceCompetition(owner, competition.id, 'screening')).rejects.toMatchObject({ details: { blockers: 'no_entries' } });

		await db().begin((tx) => registerEntries(tx, owner, owner.organisation.id, competition.id, { source: 'import', registrantId: null, consentVersion: null }, [1, 2, 3].map((n) => individualSubmission(event!.id, n))));
		await advanceCompetition(owner, competition.id, 'screening');
		expect((await getCompetitionOverview(owner, competition.id)).lifecycle.blockers).toEqual(['no_entries', 'no_draw', 'no_panels']);

		await decideEntries(owner, competition.id, { filter: {} }, 'approve', '');
		await commitStage(owner, round!.id, 1);
		await runStage(owner, round!.id, 1);
		expect((await getCompetitionOverview(owner, competition.id)).lifecycle.blockers).toEqual(['no_panels']);

		const head = await addJudge(owner, competition.id, judge('裁判长', '市职业技术学院'));
		await savePanel(owner, round!.id, [{ judgeId: head.id, role: 'head' }]);
		// A head judge alone is not a panel: someone must score.
		expect((await getCompetitionOverview(owner, competition.id)).lifecycle.blockers).toEqual(['no_panels']);
		const scorer = await addJudge(owner, competition.id, judge('评委', '县技工学校'));
		await savePanel(owner, round!.id, [{ judgeId: head.id, role: 'head' }, { judgeId: scorer.id, role: 'judge' }]);
		const judging = await advanceCompetition(owner, competition.id, 'judging');
		expect(judging.status).toBe('judging');
	});

	it('goes review → notice once every event’s last round with entries has results on notice, and → final once the notice is over', async () => {
		const owner = await newOrg();
		const round = await seedJudgeRound(owner, { count: 3 });
		await seedStatus(owner, round.competitionId, 'review');
		expect((await getCompetitionOverview(owner, round.competitionId)).lifecycle.blockers).toEqual(['no_results']);
		await expect(advanceCompetition(owner, round.competitionId, 'notice')).rejects.toMatchObject({ details: { blockers: 'no_results' } });

		await seedPublishedResult(owner, round, { revealed: true, noticeEndsAt: new Date(Date.now() + 3600_000) });
		expect((await advanceCompetition(owner, round.competitionId, 'notice')).status).toBe('notice');
		expect((await getCompetitionOverview(owner, round.competitionId)).lifecycle.blockers).toEqual(['notice_open']);

		await db()`update round set notice_starts_at = now() - interval '8 days', notice_ends_at = now() - interval '1 minute' where id = ${round.roundId}`;
		expect((await advanceCompetition(owner, round.competitionId, 'final')).status).toBe('final');
	});
});
