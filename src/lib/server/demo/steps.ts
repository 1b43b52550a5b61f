import { genderLabel } from '../registration/import-columns';
import { db } from '../db/client';
import type { OrgActor } from '../auth/actor';
import { advanceCompetition } from '../competitions/competition-service';
import { importEntries } from '../registration/import-service';
import { tableFromJsonRows } from '../registration/import-input';
import { decideEntries } from '../screening/screening-service';
import { commitStage, revealStage, runStage } from '../draw/draw-service';
import { addJudge } from '../judging/judges-service';
import { savePanel } from '../judging/panels-service';
import { controlAsManager } from '../round-control/access';
import { signOffRound } from '../round-control/sign-off';
import type { CompetitionStatus } from '$lib/domain/competition/lifecycle';
import { JUDGE_UNITS, generatePeople, type DemoPerson } from './people';

// The steps both example competitions take, each through the platform's own service: the lifecycle,
// the union's list imported, screening decisions, the public draw, judges and panels, sign-off.

/** Moves the competition through each named step in order (each one checked by the lifecycle's guards). */
export async function moveTo(actor: OrgActor, competitionId: string, steps: CompetitionStatus[]): Promise<void> {
	for (const step of steps) await advanceCompetition(actor, competitionId, step);
}

export interface ImportedPerson extends DemoPerson {
	event?: string;
	trade?: string;
	level?: string;
}

/** Imports the people as a union's list (the organiser's import), then answers each one's entry id by name. */
export async function importPeople(actor: OrgActor, competitionId: string, people: ImportedPerson[]): Promise<Map<string, string>> {
	const rows = people.map((person) => ({
		name: person.name,
		gender: genderLabel(person.gender),
		idNumber: person.idNumber,
		phone: person.phone,
		unit: person.unit,
		trade: person.trade ?? null,
		level: person.level ?? null,
		event: person.event ?? null
	}));
	await importEntries(actor, competitionId, { table: (columns, fields) => tableFromJsonRows(rows, columns, fields), header: 'none', source: 'import', dryRun: false });
	const entries = await db()<{ id: string; name: string }[]>`
		select e.id, m.name from entry e join entry_member m on m.organisation_id = e.organisation_id and m.entry_id = e.id
		where e.organisation_id = ${actor.organisation.id} and e.competition_id = ${competitionId}`;
	return new Map(entries.map((entry) => [entry.name, entry.id]));
}

/** Approves and refuses entries as a screening committee would (one call per refusal reason). */
export async function screen(actor: OrgActor, competitionId: string, approved: string[], refused: { entryIds: string[]; reason: string }[]): Promise<void> {
	await decideEntries(actor, competitionId, { entryIds: approved }, 'approve', '');
	for (const group of refused) if (group.entryIds.length > 0) await decideEntries(actor, competitionId, { entryIds: group.entryIds }, 'reject', group.reason);
}

/** The public draw of contestant numbers (stage 1): committed, run and its seed revealed. */
export async function drawNumbers(actor: OrgActor, roundId: string): Promise<void> {
	await commitStage(actor, roundId, 1);
	await runStage(actor, roundId, 1);
	await revealStage(actor, roundId, 1);
}

/** Judges of the competition from outside the county; the first of each panel is also its head judge. */
export async function addJudges(actor: OrgActor, competitionId: string, seed: number, count: number, specialty: string): Promise<string[]> {
	const people = generatePeople(seed, count, (index) => JUDGE_UNITS[index % JUDGE_UNITS.length]!, { oldest: 1960, youngest: 1980 });
	const ids: string[] = [];
	for (const person of people) ids.push((await addJudge(actor, competitionId, { name: person.name, unit: person.unit, phone: person.phone, specialty, email: null })).id);
	return ids;
}

export async function seatPanel(actor: OrgActor, roundId: string, judgeIds: string[]): Promise<void> {
	await savePanel(actor, roundId, [...judgeIds.map((judgeId) => ({ judgeId, role: 'judge' as const })), { judgeId: judgeIds[0]!, role: 'head' as const }]);
}

/** 裁判长签字 through the head judge's own service (refused if a sheet were missing). */
export async function signOff(actor: OrgActor, roundId: string): Promise<void> {
	await signOffRound(await controlAsManager(actor, roundId));
}

/**
 * The round's entries in a fixed order (by the contestant's name, not the drawn number), so the
 * seeded marks go to the same people whatever the draw gave them: two runs rank the same people alike.
 */
export async function roundEntries(actor: OrgActor, roundId: string): Promise<{ entryId: string; number: number }[]> {
	return db()<{ entryId: string; number: number }[]>`
		select re.entry_id, re.number from round_entry re
		join entry_member m on m.organisation_id = re.organisation_id and m.entry_id = re.entry_id and m.position = 0
		where re.organisation_id = ${actor.organisation.id} and re.round_id = ${roundId} order by m.name collate "C"`;
}
