import { describe, expect, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { computeResultVersion, getVersion, getVersionView } from '../../src/lib/server/results/versions-service';
import { resultsControl } from '../../src/lib/server/results/access';
import { addSpecialAward, finaliseResults, publishResults, removeSpecialAward, revealResults } from '../../src/lib/server/results/lifecycle-service';
import { advanceEntries } from '../../src/lib/server/results/advance-service';
import { joinOrg, newOrg } from '../fixtures/factories';
import { closeNotice, seedScoredRound, type EntryMarks } from '../fixtures/results-scenario';

// From review to final: special awards, reveal after sign-off, publication on notice, finalising
// after the window with the final version frozen, and advancement to the next round.

const MARKS: EntryMarks[] = [
	{ percents: [90, 90, 90, 90, 90], theory: 9000 },
	{ percents: [80, 80, 80, 80, 80], theory: 9000 },
	{ percents: [70, 70, 70, 70, 70], theory: 9000 },
	{ percents: [60, 60, 60, 60, 60], theory: 9000 }
];

const DAY = 24 * 60 * 60 * 1000;

describe('a round’s results from review to final', () => {
	it('takes a special award into the next version, and a withdrawn one out, both audited', async () => {
		const owner = await newOrg();
		const { round } = await seedScoredRound(owner, MARKS);
		const control = await resultsControl(owner, round.roundId);
		const award = await addSpecialAward(control, { entryId: round.entries[3]!.id, title: '工匠特别奖', reason: '带徒传艺三十年' });
		await expect(addSpecialAward(control, { entryId: round.entries[3]!.id, title: '另一个', reason: '重复' })).rejects.toMatchObject({ code: 'special_award_exists' });
		const first = await computeResultVersion(owner, round.roundId, { reason: '' });
		const [placing] = await db()<{ specialAward: string | null }[]>`select special_award from result_placing where result_version_id = ${first.id} and entry_id = ${round.entries[3]!.id}`;
		expect(placing!.specialAward).toBe('工匠特别奖');
		const stored = await getVersion(control, first.id);
		expect(stored.result.specialAwards).toEqual([{ entryId: round.entries[3]!.id, title: '工匠特别奖', reason: '带徒传艺三十年' }]);
		await removeSpecialAward(control, { awardId: award.id, reason: '评审组复议撤销' });
		const second = await computeResultVersion(owner, round.roundId, { reason: '撤销特别奖' });
		const [after] = await db()<{ specialAward: string | null }[]>`select special_award from result_placing where result_version_id = ${second.id} and entry_id = ${round.entries[3]!.id}`;
		expect(after!.specialAward).toBeNull();
		const actions = await db()<{ action: string }[]>`select action from audit_log where organisation_id = ${owner.organisation.id} and action like 'results.special_award%' order by created_at`;
		expect(actions.map((row) => row.action)).toEqual(['results.special_award_added', 'results.special_award_removed']);
	});

	it('reveals only after sign-off, publishes only revealed results, finalises only after the notice, and then nothing changes', async () => {
		const owner = await newOrg();
		const { round } = await seedScoredRound(owner, MARKS, { signOff: false });
		const control = await resultsControl(owner, round.roundId);
		await expect(revealResults(control)).rejects.toMatchObject({ code: 'round_not_signed_off' });
		await db()`update round set scores_locked_at = now(), signed_off_by = ${owner.user.id} where id = ${round.roundId}`;
		const signed = await resultsControl(owner, round.roundId);
		await expect(publishResults(signed, { days: 7 })).rejects.toMatchObject({ code: 'results_not_revealed' });
		await revealResults(signed);
		await expect(revealResults(signed)).rejects.toMatchObject({ code: 'results_already_revealed' });
		await expect(publishResults(signed, { days: 7 })).rejects.toMatchObject({ code: 'results_not_computed' });
		await expect(finaliseResults(signed)).rejects.toMatchObject({ code: 'results_not_published' });
		const version = await computeResultVersion(owner, round.roundId, { reason: '' });
		const start = new Date(Date.now() + DAY);
		await expect(publishResults(signed, { startsAt: start, endsAt: new Date(start.getTime() - 1) })).rejects.toMatchObject({ code: 'results_notice_window_invalid' });
		const published = await publishResults(signed, { startsAt: start, days: 7 });
		expect(published).toMatchObject({ versionId: version.id, version: 1 });
		expect(published.noticeEndsAt.getTime() - published.noticeStartsAt.getTime()).toBe(7 * DAY);
		await expect(finaliseResults(signed)).rejects.toMatchObject({ code: 'results_notice_open' });
		await closeNotice(owner, round.roundId);
		// A re-score not yet on notice keeps the published one from being finalised.
		const newer = await computeResultVersion(owner, round.roundId, { reason: '复核' });
		await expect(finaliseResults(signed)).rejects.toMatchObject({ code: 'results_newer_version' });
		await publishResults(signed, { versionId: newer.id, startsAt: new Date(Date.now() - 8 * DAY), days: 7 });
		const final = await finaliseResults(signed);
		expect(final.versionId).toBe(newer.id);
		const [state] = await db()<{ finalVersionId: string; finalisedBy: string }[]>`select final_version_id, finalised_by from round where id = ${round.roundId}`;
		expect(state).toEqual({ finalVersionId: newer.id, finalisedBy: owner.user.id });
		// Final: no new version, no award, no new notice, and the database refuses swapping or deleting it.
		await expect(computeResultVersion(owner, round.roundId, { reason: '再算' })).rejects.toMatchObject({ code: 'results_final' });
		await expect(addSpecialAward(signed, { entryId: round.entries[0]!.id, title: '奖', reason: '理由' })).rejects.toMatchObject({ code: 'results_final' });
		await expect(publishResults(signed, { days: 3 })).rejects.toMatchObject({ code: 'results_final' });
		await expect(finaliseResults(signed)).rejects.toMatchObject({ code: 'results_final' });
		await expect(db()`update round set final_version_id = ${version.id} where id = ${round.roundId}`).rejects.toThrow(/final/);
		await expect(db()`delete from result_version where id = ${newer.id}`).rejects.toThrow(/final/);
		await expect(db()`update result_version set reason = '' where id = ${newer.id}`).rejects.toThrow(/immutable/);
		const actions = await db()<{ action: string }[]>`select action from audit_log where organisation_id = ${owner.organisation.id} and action in ('results.revealed', 'results.published', 'results.finalised') order by created_at`;
		expect(actions.map((row) => row.action)).toEqual(['results.revealed', 'results.published', 'results.published', 'results.finalised']);
	});

	it('leaves the decisions to owners and organisers: the head judge computes but may not publish; a contestant may do nothing', async () => {
		const owner = await newOrg();
		const { round, judges } = await seedScoredRound(owner, MARKS);
		const headUser = judges[0]!.user;
		await db()`insert into membership (organisation_id, user_id, role) values (${owner.organisation.id}, ${headUser.id}, 'contestant')`;
		const head = { ...owner, user: headUser, role: 'contestant' as const };
		const computed = await computeResultVersion(head, round.roundId, { reason: '' });
		expect(computed.version).toBe(1);
		const headControl = await resultsControl(head, round.roundId);
		expect(headControl.as).toBe('head');
		await expect(revealResults(headControl)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(advanceEntries(head, round.roundId)).rejects.toMatchObject({ code: 'forbidden' });
		const contestant = await joinOrg(owner, 'contestant');
		await expect(computeResultVersion(contestant, round.roundId, { reason: '' })).rejects.toMatchObject({ code: 'forbidden' });
		const stranger = await newOrg();
		await expect(computeResultVersion(stranger, round.roundId, { reason: '' })).rejects.toMatchObject({ code: 'not_found' });
	});

	it('ranks teams by unit, and shows units and teams of a blind round only once revealed', async () => {
		const owner = await newOrg();
		const tag = owner.organisation.id.slice(0, 6);
		const units = [`一厂${tag}`, `一厂${tag}`, `一厂${tag}`, `二厂${tag}`];
		const { round } = await seedScoredRound(owner, MARKS, { units });
		await computeResultVersion(owner, round.roundId, { reason: '' });
		const control = await resultsControl(owner, round.roundId);
		// Blind and not revealed: numbers only.
		const blind = await getVersionView(control);
		expect(blind.result.result.teams).toEqual([]);
		expect(blind.result.result.entries.every((entry) => entry.unit === null)).toBe(true);
		await revealResults(control);
		const revealed = await getVersionView(control);
		// The template's teams: the best 3 totals of a unit, summed (theory 90 each: 90.00 + 82.00 + 74.00 = 246.00); 二厂 has one entry, so no rank.
		expect(revealed.result.result.teams.map((team) => [team.unit, team.score, team.rank, team.isComplete])).toEqual([
			[units[0], 24600, 1, true],
			[units[3], 6600, null, false]
		]);
	});

	it('advances the advancing entries into the next round once, keeping numbers unless the next round is blind', async () => {
		const owner = await newOrg();
		const organisationId = owner.organisation.id;
		const { round } = await seedScoredRound(owner, MARKS);
		await db()`update scheme_version set scheme = jsonb_set(scheme, '{advancement}', '{"kind": "top", "count": 2}') where organisation_id = ${organisationId} and round_id = ${round.roundId}`;
		const [open] = await db()<{ id: string }[]>`insert into round (organisation_id, event_id, name, position, blind) values (${organisationId}, ${round.eventId}, '决赛', 2, false) returning id`;
		await expect(advanceEntries(owner, round.roundId)).rejects.toMatchObject({ code: 'results_not_computed' });
		await computeResultVersion(owner, round.roundId, { reason: '' });
		const first = await advanceEntries(owner, round.roundId);
		expect(first).toMatchObject({ nextRoundId: open!.id, added: 2, alreadyThere: 0, keptNumbers: true });
		const entries = await db()<{ entryId: string; number: number | null }[]>`select entry_id, number from round_entry where round_id = ${open!.id} order by number`;
		expect(entries).toEqual([
			{ entryId: round.entries[0]!.id, number: 1 },
			{ entryId: round.entries[1]!.id, number: 2 }
		]);
		expect(await advanceEntries(owner, round.roundId)).toMatchObject({ added: 0, alreadyThere: 2 });
		const audits = await db()`select 1 from audit_log where organisation_id = ${organisationId} and action = 'results.advanced'`;
		expect(audits).toHaveLength(1);
		// A blind next round draws its own numbers: the entries arrive without one.
		await db()`update round set blind = true where id = ${open!.id}`;
		await db()`delete from round_entry where round_id = ${open!.id}`;
		expect(await advanceEntries(owner, round.roundId)).toMatchObject({ added: 2, keptNumbers: false });
		const blind = await db()<{ number: number | null }[]>`select number from round_entry where round_id = ${open!.id}`;
		expect(blind.map((row) => row.number)).toEqual([null, null]);
	});
});
