import { DEMO_TEXT } from './content';
import type { OrgActor } from '../auth/actor';
import { createCompetitionFromTemplate } from '../competitions/template-service';
import { addEvent, addRound } from '../competitions/structure-service';
import { copyRoundScheme } from '../competitions/scheme-service';
import { listEvents, listRoundsOfCompetition } from '../competitions/structure-queries';
import { getLatestSchemeVersion } from '../competitions/scheme-queries';
import { db } from '../db/client';
import { computeResultVersion } from '../results/versions-service';
import { resultsControl } from '../results/access';
import { finaliseResults, publishResults, revealResults } from '../results/lifecycle-service';
import { issueCertificates } from '../certificates/certificate-service';
import { insertDeductionCounts, insertEnteredValues, insertSubmittedSheets, judgeCriteria, judgeMarks } from './bulk';
import { CONTEST_UNITS, between, generatePeople, seededRandom } from './people';
import { addJudges, drawNumbers, importPeople, moveTo, roundEntries, screen, seatPanel, signOff, type ImportedPerson } from './steps';

// The county skills contest in four trades: theory 20 % (entered from the exam) and practical 80 %
// by five judges dropping the highest and the lowest, deductions counted at the bench, teams of each
// unit's best three, 一/二/三等奖 by share. Scored, signed off, published, notice closed, final, and
// certificates issued — the whole flow, finished.

const SEED = 20_261_018;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Trades and how many contestants each has (every unit sends three or more to each). */
export const CONTEST_SIZES = [24, 21, 22, 21];
const CONTEST_TRADES = () => DEMO_TEXT.contestTrades.map((name, index) => ({ name, contestants: CONTEST_SIZES[index]! }));

export interface DemoContest {
	competitionId: string;
	roundIds: string[];
}

export async function buildSkillsContest(actor: OrgActor, slug: string): Promise<DemoContest> {
	const random = seededRandom(SEED);
	const trades = CONTEST_TRADES();
	const competition = await createCompetitionFromTemplate(
		actor,
		{ kind: 'skills_contest', title: DEMO_TEXT.contestTitle, organiser: DEMO_TEXT.organiser, startsOn: '2026-10-17', endsOn: '2026-10-18', venue: DEMO_TEXT.contestVenue, description: DEMO_TEXT.contestDescription, slug },
		{ templateKey: 'skills_contest', eventName: trades[0]!.name, locale: 'zh-CN' }
	);
	const organisationId = actor.organisation.id;
	// The other three trades: an event each, its final with the first trade's scheme.
	const [firstRound] = await listRoundsOfCompetition(db(), organisationId, competition.id);
	for (const trade of trades.slice(1)) {
		const event = await addEvent(actor, competition.id, { name: trade.name, participation: 'individual', capacity: null });
		const round = await addRound(actor, event.id, { name: firstRound!.name, blind: true });
		await copyRoundScheme(actor, round.id, firstRound!.id);
	}
	const events = await listEvents(db(), organisationId, competition.id);
	const rounds = await listRoundsOfCompetition(db(), organisationId, competition.id);
	const roundOf = (eventName: string) => rounds.find((round) => round.eventId === events.find((event) => event.name === eventName)!.id)!;

	await moveTo(actor, competition.id, ['registration']);
	const people: ImportedPerson[] = [];
	trades.forEach((trade, tradeIndex) => {
		const units = CONTEST_UNITS.slice(0, Math.floor(trade.contestants / 3));
		const generated = generatePeople(SEED + 1000 * (tradeIndex + 1), trade.contestants, (index) => units[index % units.length]!, { oldest: 1975, youngest: 2003, maleShare: tradeIndex === 3 ? 0.6 : 0.85 });
		for (const person of generated) people.push({ ...person, event: trade.name, trade: trade.name, level: DEMO_TEXT.contestLevel });
	});
	// A name generated for two trades would be one person entering twice: keep the first.
	const unique = people.filter((person, index) => people.findIndex((other) => other.name === person.name) === index);
	const entryOf = await importPeople(actor, competition.id, unique);
	await moveTo(actor, competition.id, ['screening']);
	await screen(actor, competition.id, [...entryOf.values()], []);

	const judgesOf = new Map<string, string[]>();
	for (const [index, trade] of trades.entries()) {
		const round = roundOf(trade.name);
		await drawNumbers(actor, round.id);
		const judges = await addJudges(actor, competition.id, SEED + 10 * (index + 1), 5, trade.name);
		await seatPanel(actor, round.id, judges);
		judgesOf.set(round.id, judges);
	}
	await moveTo(actor, competition.id, ['judging']);

	const scheme = (await getLatestSchemeVersion(db(), organisationId, firstRound!.id))!.scheme;
	const criteria = judgeCriteria(scheme, 'practical');
	for (const trade of trades) {
		const round = roundOf(trade.name);
		const roundLabel = `${trade.name} · ${round.name}`;
		const bulkRound = { roundId: round.id, label: roundLabel };
		const judges = judgesOf.get(round.id)!;
		const severity = judges.map(() => (random() - 0.5) * 0.08);
		const entries = await roundEntries(actor, round.id);
		const skill = new Map(entries.map((entry) => [entry.entryId, 0.55 + random() * 0.4]));
		const sheets = entries.flatMap((entry) => judges.map((judgeId, index) => ({ entryId: entry.entryId, judgeId, scores: judgeMarks(random, criteria, skill.get(entry.entryId)!, severity[index]!) })));
		await insertSubmittedSheets(actor, bulkRound, 'practical', sheets, DEMO_TEXT.audit.sheets(sheets.length, roundLabel));
		// The theory exam out of 100, to the half point.
		const theory = entries.map((entry) => ({ entryId: entry.entryId, value: Math.min(10000, Math.round(((skill.get(entry.entryId)! + 0.1 + (random() - 0.5) * 0.2) * 10000) / 50) * 50) }));
		await insertEnteredValues(actor, bulkRound, 'theory', theory, DEMO_TEXT.audit.theory(theory.length, roundLabel));
		// Deductions at the bench: about one in four has a workpiece defect, one in twenty a safety breach.
		const deductions = entries.flatMap((entry) => [
			...(random() < 0.25 ? [{ entryId: entry.entryId, itemKey: 'defect', count: between(random, 1, 2) }] : []),
			...(random() < 0.05 ? [{ entryId: entry.entryId, itemKey: 'safety_breach', count: 1 }] : [])
		]);
		await insertDeductionCounts(actor, bulkRound, 'practical', deductions, DEMO_TEXT.audit.deductions(deductions.length, roundLabel));
		await signOff(actor, round.id);
	}

	// Review, reveal and a seven-day notice that has ended; then final and certificates for every tier.
	await moveTo(actor, competition.id, ['review']);
	const noticeStart = new Date(Date.now() - 10 * DAY_MS);
	for (const round of rounds) {
		await computeResultVersion(actor, round.id, { reason: '' });
		const control = await resultsControl(actor, round.id);
		await revealResults(control);
		await publishResults(control, { startsAt: noticeStart, days: 7 });
	}
	await moveTo(actor, competition.id, ['notice']);
	for (const round of rounds) await finaliseResults(await resultsControl(actor, round.id));
	await moveTo(actor, competition.id, ['final']);
	await issueCertificates(actor, competition.id);
	return { competitionId: competition.id, roundIds: rounds.map((round) => round.id) };
}
