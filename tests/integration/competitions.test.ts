import { describe, expect, it } from 'vitest';
import { advanceCompetition, getCompetition, getCompetitionOverview, stepBackCompetition, updateCompetition } from '../../src/lib/server/competitions/competition-service';
import { addEvent, addRound, removeRound, updateEvent, updateRound } from '../../src/lib/server/competitions/structure-service';
import { copyRoundScheme, getRoundScheme, saveRoundScheme } from '../../src/lib/server/competitions/scheme-service';
import { readAuditLog } from '../../src/lib/server/audit/service';
import { InvalidInputError } from '../../src/lib/server/domain-error';
import { newOrg, joinOrg } from '../fixtures/factories';
import { competitionFields, newCompetition, newCompetitionFromTemplate, seedStatus, TEXTILE_SCHEME } from '../fixtures/competitions';
import type { OrgActor } from '../../src/lib/server/auth/actor';

async function roundsOf(actor: OrgActor, competitionId: string) {
	const overview = await getCompetitionOverview(actor, competitionId);
	return overview.events.flatMap((event) => event.rounds);
}

describe('templates', () => {
	it('craftsman award: 初评 90/10 where the best 21 advance, then 终评 on five criteria → 12 工匠 + 9 提名奖', async () => {
		const owner = await newOrg();
		const competition = await newCompetitionFromTemplate(owner, 'craftsman_award');
		const overview = await getCompetitionOverview(owner, competition.id);
		expect(overview.events.map((event) => event.name)).toEqual(['数控车工']);
		const [preliminary, final] = overview.events[0]!.rounds;
		expect([preliminary?.name, final?.name]).toEqual(['初评', '终评']);
		const first = (await getRoundScheme(owner, preliminary!.id)).current!.scheme;
		expect(first.components.map((component) => [component.source, component.weight])).toEqual([['judges', 9000], ['public_vote', 1000]]);
		expect(first.advancement).toEqual({ kind: 'top', count: 21 });
		const second = (await getRoundScheme(owner, final!.id)).current!.scheme;
		const criteria = second.components[0]!.source === 'judges' ? second.components[0]!.criteria.map((criterion) => criterion.label?.['zh-CN']) : [];
		expect(criteria).toEqual(['职业道德', '工艺专长', '高超技能', '领军作用', '突出贡献']);
		expect(second.tiers?.map((tier) => [tier.label['zh-CN'], tier.limit])).toEqual([['工匠', { kind: 'count', count: 12 }], ['提名奖', { kind: 'count', count: 9 }]]);
	});

	it('skills contest and WorldSkills templates give valid schemes, one round each', async () => {
		const owner = await newOrg();
		for (const key of ['skills_contest', 'worldskills'] as const) {
			const competition = await newCompetitionFromTemplate(owner, key);
			const rounds = await roundsOf(owner, competition.id);
			expect(rounds.map((round) => [round.schemeVersion, round.schemeIsValid])).toEqual([[1, true]]);
		}
	});
});

describe('lifecycle', () => {
	it('opens registration only with events and rounds, and goes no further while nobody can enter', async () => {
		const owner = await newOrg();
		const competition = await newCompetition(owner);
		await expect(advanceCompetition(owner, competition.id, 'registration')).rejects.toMatchObject({ code: 'lifecycle_blocked', details: { blockers: 'no_events' } });
		const event = await addEvent(owner, competition.id, { name: '维修电工', participation: 'individual', capacity: 40 });
		await expect(advanceCompetition(owner, competition.id, 'registration')).rejects.toMatchObject({ details: { blockers: 'event_without_rounds' } });
		const round = await addRound(owner, event.id, { name: '决赛', blind: true });
		await advanceCompetition(owner, competition.id, 'registration');
		await expect(advanceCompetition(owner, competition.id, 'judging')).rejects.toMatchObject({ details: { blockers: 'not_next_step' } });
		// Registration is not built yet, so there are no entries and screening stays out of reach.
		await expect(advanceCompetition(owner, competition.id, 'screening')).rejects.toMatchObject({ details: { blockers: 'no_entries' } });
		expect((await getCompetitionOverview(owner, competition.id)).lifecycle).toMatchObject({ next: 'screening', previous: 'draft', blockers: ['no_entries'] });
		await seedStatus(owner, competition.id, 'screening');
		await expect(advanceCompetition(owner, competition.id, 'judging')).rejects.toMatchObject({ details: { blockers: 'round_without_scheme,no_entries,no_draw,no_panels' } });
		await saveRoundScheme(owner, round.id, TEXTILE_SCHEME);
		await expect(advanceCompetition(owner, competition.id, 'judging')).rejects.toMatchObject({ details: { blockers: 'no_entries,no_draw,no_panels' } });
		expect((await getCompetition(owner, competition.id)).status).toBe('screening');
	});

	it('an empty contest can no longer claim final results: notice and final need results', async () => {
		const owner = await newOrg();
		const competition = await newCompetitionFromTemplate(owner, 'skills_contest');
		await seedStatus(owner, competition.id, 'review');
		await expect(advanceCompetition(owner, competition.id, 'notice')).rejects.toMatchObject({ code: 'lifecycle_blocked', details: { blockers: 'no_results' } });
		await seedStatus(owner, competition.id, 'notice');
		await expect(advanceCompetition(owner, competition.id, 'final')).rejects.toMatchObject({ details: { blockers: 'no_results' } });
		expect((await getCompetition(owner, competition.id)).status).toBe('notice');
		expect((await readAuditLog(owner, { action: 'competition.advanced' })).rows).toEqual([]);
	});

	it('steps back one stage with a reason until judging starts, and audits the reason', async () => {
		const owner = await newOrg();
		const colleague = await joinOrg(owner, 'organiser');
		const competition = await newCompetitionFromTemplate(owner, 'skills_contest');
		await advanceCompetition(owner, competition.id, 'registration');
		await expect(stepBackCompetition(owner, competition.id, 'draft', '   ')).rejects.toMatchObject({ code: 'reason_required', field: 'reason' });
		await expect(stepBackCompetition(owner, competition.id, 'screening', '改期')).rejects.toMatchObject({ code: 'step_back_blocked', details: { blockers: 'not_previous_step' } });
		expect((await stepBackCompetition(colleague, competition.id, 'draft', ' 报名通知写错了日期 ')).status).toBe('draft');
		// A repeated request names a step that is no longer the previous one and changes nothing.
		await expect(stepBackCompetition(owner, competition.id, 'draft', '再来一次')).rejects.toMatchObject({ code: 'step_back_blocked' });
		const [row] = (await readAuditLog(owner, { action: 'competition.stepped_back' })).rows;
		expect(row).toMatchObject({ subjectId: competition.id, before: { status: 'registration' }, after: { status: 'draft', reason: '报名通知写错了日期' } });

		await seedStatus(owner, competition.id, 'screening');
		expect((await stepBackCompetition(owner, competition.id, 'registration', '初审前补报名')).status).toBe('registration');
		for (const status of ['judging', 'review', 'notice', 'final'] as const) {
			await seedStatus(owner, competition.id, status);
			await expect(stepBackCompetition(owner, competition.id, 'screening', '评分开始后想退回')).rejects.toMatchObject({ code: 'step_back_blocked', details: { blockers: 'judging_started' } });
			expect((await getCompetitionOverview(owner, competition.id)).lifecycle.previous).toBeNull();
		}
		expect((await getCompetition(owner, competition.id)).status).toBe('final');
	});

	it('only managers of the organisation may move a competition either way', async () => {
		const owner = await newOrg();
		const competition = await newCompetitionFromTemplate(owner, 'skills_contest');
		await advanceCompetition(owner, competition.id, 'registration');
		const contestant = await joinOrg(owner, 'contestant');
		await expect(stepBackCompetition(contestant, competition.id, 'draft', '想退回')).rejects.toMatchObject({ code: 'forbidden' });
		await expect(advanceCompetition(contestant, competition.id, 'screening')).rejects.toMatchObject({ code: 'forbidden' });
		const stranger = await newOrg();
		await expect(stepBackCompetition(stranger, competition.id, 'draft', '想退回')).rejects.toMatchObject({ code: 'not_found' });
		expect((await getCompetition(owner, competition.id)).status).toBe('registration');
	});

	it('freezes events, rounds and schemes once judging starts; a scheme change then needs a reason and makes a new version', async () => {
		const owner = await newOrg();
		const competition = await newCompetitionFromTemplate(owner, 'skills_contest');
		const [round] = await roundsOf(owner, competition.id);
		await advanceCompetition(owner, competition.id, 'registration');
		await seedStatus(owner, competition.id, 'judging');
		await expect(addEvent(owner, competition.id, { name: '钳工', participation: 'individual', capacity: null })).rejects.toMatchObject({ code: 'structure_frozen' });
		await expect(removeRound(owner, round!.id)).rejects.toMatchObject({ code: 'structure_frozen' });
		// Names may still be corrected; who enters and whether judging is blind may not.
		const [event] = (await getCompetitionOverview(owner, competition.id)).events;
		await updateEvent(owner, event!.id, { name: '数控车工（四级）', participation: 'individual', capacity: 50 });
		await expect(updateEvent(owner, event!.id, { name: '数控车工（四级）', participation: 'team', capacity: 50 })).rejects.toMatchObject({ code: 'structure_frozen' });
		await updateRound(owner, round!.id, { name: '总决赛', blind: true });
		await expect(updateRound(owner, round!.id, { name: '总决赛', blind: false })).rejects.toMatchObject({ code: 'structure_frozen' });
		await expect(saveRoundScheme(owner, round!.id, TEXTILE_SCHEME)).rejects.toMatchObject({ code: 'scheme_frozen_needs_reason', field: 'reason' });
		expect(await saveRoundScheme(owner, round!.id, TEXTILE_SCHEME, { reason: '裁判长会议决定取消团体奖' })).toBe(2);
		const { versions, isFrozen } = await getRoundScheme(owner, round!.id);
		expect(isFrozen).toBe(true);
		expect(versions.map((version) => [version.version, version.reason])).toEqual([[2, '裁判长会议决定取消团体奖'], [1, '职工技能竞赛（理论 20% + 实操 80%）']]);
		const audit = await readAuditLog(owner, { action: 'scheme.saved' });
		expect(audit.rows[0]).toMatchObject({ subjectId: round!.id, before: { version: 1 }, after: { version: 2, reason: '裁判长会议决定取消团体奖' } });
	});

	it('edits a scheme in place before judging, and changes nothing once final', async () => {
		const owner = await newOrg();
		const competition = await newCompetitionFromTemplate(owner, 'worldskills');
		const [round] = await roundsOf(owner, competition.id);
		expect(await saveRoundScheme(owner, round!.id, TEXTILE_SCHEME)).toBe(1);
		await advanceCompetition(owner, competition.id, 'registration');
		await seedStatus(owner, competition.id, 'final');
		await expect(updateCompetition(owner, competition.id, competitionFields())).rejects.toMatchObject({ code: 'competition_closed' });
		await expect(saveRoundScheme(owner, round!.id, TEXTILE_SCHEME, { reason: 'late' })).rejects.toMatchObject({ code: 'competition_closed' });
		await expect(advanceCompetition(owner, competition.id, 'final')).rejects.toMatchObject({ details: { blockers: 'already_final' } });
	});
});

describe('schemes', () => {
	it('two organisers saving at once both get a version of their own, none lost', async () => {
		const owner = await newOrg();
		const colleague = await joinOrg(owner, 'organiser');
		const competition = await newCompetitionFromTemplate(owner, 'skills_contest');
		const [round] = await roundsOf(owner, competition.id);
		await seedStatus(owner, competition.id, 'judging');
		const versions = await Promise.all([
			saveRoundScheme(owner, round!.id, TEXTILE_SCHEME, { reason: '第一位' }),
			saveRoundScheme(colleague, round!.id, TEXTILE_SCHEME, { reason: '第二位' })
		]);
		expect(versions.sort()).toEqual([2, 3]);
		expect((await getRoundScheme(owner, round!.id)).versions.map((version) => version.version)).toEqual([3, 2, 1]);
	});

	it('refuse weights that do not total 100 %, with the message at the field', async () => {
		const owner = await newOrg();
		const competition = await newCompetitionFromTemplate(owner, 'skills_contest');
		const [round] = await roundsOf(owner, competition.id);
		const broken = { ...TEXTILE_SCHEME, components: TEXTILE_SCHEME.components.map((component) => (component.key === 'theory' ? { ...component, weight: 1000 } : component)) };
		const failure = await saveRoundScheme(owner, round!.id, broken).catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(InvalidInputError);
		expect((failure as InvalidInputError).fields).toEqual({ 'scheme.components': '各组成部分的权重合计必须正好是 100%' });
		expect((await getRoundScheme(owner, round!.id)).current!.scheme).not.toEqual(broken);
	});

	it('copy from another round of the same organisation only', async () => {
		const owner = await newOrg();
		const competition = await newCompetitionFromTemplate(owner, 'craftsman_award');
		const [preliminary, final] = await roundsOf(owner, competition.id);
		await copyRoundScheme(owner, final!.id, preliminary!.id);
		expect((await getRoundScheme(owner, final!.id)).current!.scheme).toEqual((await getRoundScheme(owner, preliminary!.id)).current!.scheme);
		const other = await newOrg();
		const theirs = await newCompetitionFromTemplate(other, 'skills_contest');
		const [theirRound] = await roundsOf(other, theirs.id);
		await expect(copyRoundScheme(owner, final!.id, theirRound!.id)).rejects.toMatchObject({ code: 'not_found' });
	});
});

describe('tenant isolation for competitions', () => {
	it('an organiser of A can neither read nor change anything of B’s', async () => {
		const ownerB = await newOrg();
		const competitionB = await newCompetitionFromTemplate(ownerB, 'skills_contest');
		const overviewB = await getCompetitionOverview(ownerB, competitionB.id);
		const eventB = overviewB.events[0]!;
		const roundB = eventB.rounds[0]!;
		const organiserA = await joinOrg(await newOrg(), 'organiser');
		const notFound = { code: 'not_found' };
		await expect(getCompetition(organiserA, competitionB.id)).rejects.toMatchObject(notFound);
		await expect(getCompetitionOverview(organiserA, competitionB.id)).rejects.toMatchObject(notFound);
		await expect(updateCompetition(organiserA, competitionB.id, competitionFields())).rejects.toMatchObject(notFound);
		await expect(advanceCompetition(organiserA, competitionB.id, 'registration')).rejects.toMatchObject(notFound);
		await expect(stepBackCompetition(organiserA, competitionB.id, 'draft', '越权')).rejects.toMatchObject(notFound);
		await expect(addEvent(organiserA, competitionB.id, { name: 'x', participation: 'individual', capacity: null })).rejects.toMatchObject(notFound);
		await expect(addRound(organiserA, eventB.id, { name: 'x', blind: true })).rejects.toMatchObject(notFound);
		await expect(removeRound(organiserA, roundB.id)).rejects.toMatchObject(notFound);
		await expect(getRoundScheme(organiserA, roundB.id)).rejects.toMatchObject(notFound);
		await expect(saveRoundScheme(organiserA, roundB.id, TEXTILE_SCHEME)).rejects.toMatchObject(notFound);
		expect((await getCompetition(ownerB, competitionB.id)).status).toBe('draft');
		expect((await getRoundScheme(ownerB, roundB.id)).versions).toHaveLength(1);
	});

	it('contestants of an organisation cannot manage its competitions', async () => {
		const owner = await newOrg();
		const contestant = await joinOrg(owner, 'contestant');
		const competition = await newCompetition(owner);
		await expect(getCompetition(contestant, competition.id)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(newCompetition(contestant)).rejects.toMatchObject({ code: 'forbidden' });
	});

	it('public addresses are unique across organisations', async () => {
		const first = await newOrg();
		const second = await newOrg();
		const taken = await newCompetition(first);
		await expect(newCompetition(second).then(() => updateCompetition(second, taken.id, competitionFields({ slug: taken.slug })))).rejects.toMatchObject({ code: 'not_found' });
		const mine = await newCompetition(second);
		await expect(updateCompetition(second, mine.id, competitionFields({ slug: taken.slug }))).rejects.toMatchObject({ code: 'slug_taken', field: 'slug' });
	});
});
