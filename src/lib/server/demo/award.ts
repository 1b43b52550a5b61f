import { DEMO_TEXT } from './content';
import type { OrgActor } from '../auth/actor';
import { createCompetitionFromTemplate } from '../competitions/template-service';
import { listEvents, listRoundsOfCompetition } from '../competitions/structure-queries';
import { getLatestSchemeVersion } from '../competitions/scheme-queries';
import { db } from '../db/client';
import { computeResultVersion } from '../results/versions-service';
import { resultsControl } from '../results/access';
import { addSpecialAward, publishResults, revealResults } from '../results/lifecycle-service';
import { advanceEntries } from '../results/advance-service';
import { saveRoundVotePolicy } from '../voting/policy-service';
import { voidVotes } from '../vote-review/review-service';
import { insertAcceptedVotes, insertSubmittedSheets, insertVoteCluster, judgeCriteria, judgeMarks } from './bulk';
import { AWARD_UNITS, between, generatePeople, pick, seededRandom } from './people';
import { addJudges, drawNumbers, importPeople, moveTo, roundEntries, screen, seatPanel, signOff } from './steps';

// The Anji-style craftsman award (安吉工匠): 115 applications, 87 pass 初审, a preliminary round of
// 90 % experts and 10 % public vote picks 21 finalists, a final round on five criteria names 12 工匠
// and 9 提名奖 plus one 工匠特别奖, and the results are on public notice (公示) with the window open.

export const AWARD_APPLICANTS = 115;
export const AWARD_APPROVED = 87;
/** Votes of the one cluster the organiser voids. */
export const VOIDED_CLUSTER = 40;
const SEED = 20_260_115;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface DemoAward {
	competitionId: string;
	preliminaryRoundId: string;
	finalRoundId: string;
}

export async function buildCraftsmanAward(actor: OrgActor, slug: string): Promise<DemoAward> {
	const random = seededRandom(SEED);
	const competition = await createCompetitionFromTemplate(
		actor,
		{ kind: 'craftsman_award', title: DEMO_TEXT.awardTitle, organiser: DEMO_TEXT.organiser, startsOn: '2026-09-01', endsOn: '2026-11-30', venue: DEMO_TEXT.awardVenue, description: DEMO_TEXT.awardDescription, slug },
		{ templateKey: 'craftsman_award', eventName: DEMO_TEXT.awardEvent, locale: 'zh-CN' }
	);
	const organisationId = actor.organisation.id;
	const [event] = await listEvents(db(), organisationId, competition.id);
	const [preliminary, final] = await listRoundsOfCompetition(db(), organisationId, competition.id);
	const label = (round: { name: string }) => `${event!.name} · ${round.name}`;

	await moveTo(actor, competition.id, ['registration']);
	const trades = DEMO_TEXT.awardTrades;
	const people = generatePeople(SEED, AWARD_APPLICANTS, (index, rnd) => AWARD_UNITS[(index + between(rnd, 0, 3)) % AWARD_UNITS.length]!, { oldest: 1962, youngest: 1990 }).map((person) => ({
		...person,
		trade: pick(random, trades),
		level: pick(random, DEMO_TEXT.awardLevels)
	}));
	const entryOf = await importPeople(actor, competition.id, people);

	// 初审: a deterministic 28 refused, each with one of the committee's reasons.
	await moveTo(actor, competition.id, ['screening']);
	const order = people.map((person) => ({ person, key: random() }));
	order.sort((a, b) => a.key - b.key);
	const refused = order.slice(0, AWARD_APPLICANTS - AWARD_APPROVED).map((item) => item.person.name);
	const approved = people.filter((person) => !refused.includes(person.name));
	const reasons = DEMO_TEXT.refusalReasons;
	await screen(
		actor,
		competition.id,
		approved.map((person) => entryOf.get(person.name)!),
		reasons.map((reason, index) => ({ reason, entryIds: refused.filter((_, position) => position % reasons.length === index).map((name) => entryOf.get(name)!) }))
	);

	// Numbers drawn in public; the same five experts sit on both rounds' panels.
	await drawNumbers(actor, preliminary!.id);
	// The public vote ran for a week and closed yesterday: one vote a day per device and candidate.
	await saveRoundVotePolicy(actor, preliminary!.id, {
		opensAt: new Date(Date.now() - 7 * DAY_MS),
		closesAt: new Date(Date.now() - DAY_MS / 2),
		votesPerVoterPerDay: 5,
		votesPerCandidatePerVoterPerDay: 1,
		countsShown: 'live',
		dailyPublishTime: null,
		identityMode: 'device',
		baseCost: 20_000,
		shareTitle: DEMO_TEXT.awardTitle,
		shareDescription: ''
	});
	const judges = await addJudges(actor, competition.id, SEED + 1, 5, DEMO_TEXT.awardJudgeSpecialty);
	await seatPanel(actor, preliminary!.id, judges);
	await seatPanel(actor, final!.id, judges);
	await moveTo(actor, competition.id, ['judging']);

	// Each applicant's merit decides both rounds' marks; each judge is a little stricter or kinder.
	const merit = new Map(approved.map((person) => [entryOf.get(person.name)!, 0.58 + random() * 0.36]));
	const severity = judges.map(() => (random() - 0.5) * 0.06);
	const scheme = (await getLatestSchemeVersion(db(), organisationId, preliminary!.id))!.scheme;
	const criteria = judgeCriteria(scheme, 'expert');
	const scoreRound = async (roundId: string, roundLabel: string) => {
		const entries = await roundEntries(actor, roundId);
		const sheets = entries.flatMap((entry) => judges.map((judgeId, index) => ({ entryId: entry.entryId, judgeId, scores: judgeMarks(random, criteria, merit.get(entry.entryId)!, severity[index]!) })));
		await insertSubmittedSheets(actor, { roundId, label: roundLabel }, 'expert', sheets, DEMO_TEXT.audit.sheets(sheets.length, roundLabel));
		return entries;
	};

	const preliminaryEntries = await scoreRound(preliminary!.id, label(preliminary!));
	const tallies = preliminaryEntries.map((entry) => ({ entryId: entry.entryId, votes: Math.round(30 + merit.get(entry.entryId)! * 200 + random() * 260) }));
	const votes = tallies.reduce((sum, tally) => sum + tally.votes, 0);
	await insertAcceptedVotes(actor, { roundId: preliminary!.id, label: label(preliminary!) }, tallies, DEMO_TEXT.audit.votes(votes, label(preliminary!)));
	// One candidate's burst from one address prefix, voided by the organiser's review with a reason (published after the window).
	const clustered = tallies[Math.floor(tallies.length / 3)]!.entryId;
	const prefix = await insertVoteCluster(actor, { roundId: preliminary!.id, label: label(preliminary!) }, clustered, VOIDED_CLUSTER);
	await voidVotes(actor, preliminary!.id, { cluster: { entryId: clustered, addressPrefixHash: prefix, status: 'accepted' }, reasonClass: 'bought_votes', reason: DEMO_TEXT.voidReason });
	await signOff(actor, preliminary!.id);
	await computeResultVersion(actor, preliminary!.id, { reason: '' });
	await revealResults(await resultsControl(actor, preliminary!.id));
	await advanceEntries(actor, preliminary!.id);

	// The final: the 21 draw new numbers (the round is blind), five criteria, signed off.
	await drawNumbers(actor, final!.id);
	await scoreRound(final!.id, label(final!));
	await signOff(actor, final!.id);
	await moveTo(actor, competition.id, ['review']);
	const first = await computeResultVersion(actor, final!.id, { reason: '' });
	// 工匠特别奖 by hand, with a reason: the best of the nominees, for teaching the craft.
	const [nominee] = await db()<{ entryId: string }[]>`
		select entry_id from result_placing where organisation_id = ${organisationId} and result_version_id = ${first.id} and tier_key = 'nomination' order by rank limit 1`;
	const control = await resultsControl(actor, final!.id);
	await addSpecialAward(control, { entryId: nominee!.entryId, title: DEMO_TEXT.specialAwardTitle, reason: DEMO_TEXT.specialAwardReason });
	await computeResultVersion(actor, final!.id, { reason: DEMO_TEXT.specialAwardVersionReason });
	await revealResults(control);
	await publishResults(await resultsControl(actor, final!.id), { startsAt: new Date(Date.now() - 2 * DAY_MS), days: 7 });
	await moveTo(actor, competition.id, ['notice']);
	return { competitionId: competition.id, preliminaryRoundId: preliminary!.id, finalRoundId: final!.id };
}
