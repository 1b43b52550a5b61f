import { describe, expect, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { evaluateRound, type RoundInput } from '../../src/lib/domain/scoring';
import { evaluateStoredRound, loadRoundInput } from '../../src/lib/server/results/round-input';
import { getLatestSchemeVersion } from '../../src/lib/server/competitions/scheme-queries';
import { newOrg } from '../fixtures/factories';
import { seedJudgeRound } from '../fixtures/judge-entries';
import { insertSheet, practicalScores, seedPanel } from '../fixtures/live-judging';

// The engine's input is built from the stored rows only; its result must equal the engine's on the
// same data written by hand.

describe('a round’s engine input from its stored rows', () => {
	it('scores exactly like evaluateRound on the same hand-built input', async () => {
		const owner = await newOrg();
		const round = await seedJudgeRound(owner, { count: 3, markingNumbers: true });
		const judges = await seedPanel(owner, round, 5);
		const [e1, e2, e3] = round.entries;
		const percents = [[90, 80, 70, 60, 85], [50, 55, 60, 65, 99], [70, 70, 71, 72, 73]];
		for (const [entryIndex, entry] of round.entries.entries())
			for (const [judgeIndex, judge] of judges.entries())
				await insertSheet(owner, { roundId: round.roundId, entryId: entry.id, judgeId: judge.judgeId, scores: practicalScores(percents[entryIndex]![judgeIndex]!), status: 'submitted' });
		// Sent back to a draft and returned: those sheets no longer count; an absent judge does not count either.
		await insertSheet(owner, { roundId: round.roundId, entryId: e3!.id, judgeId: judges[4]!.judgeId, scores: practicalScores(0), status: 'draft' });
		await insertSheet(owner, { roundId: round.roundId, entryId: e2!.id, judgeId: judges[3]!.judgeId, scores: practicalScores(0), status: 'returned' });
		const organisationId = owner.organisation.id;
		await db()`insert into judge_absence (organisation_id, round_id, entry_id, judge_id, reason) values (${organisationId}, ${round.roundId}, ${e1!.id}, ${judges[2]!.judgeId}, '身体不适')`;
		await db()`insert into deduction_count (organisation_id, round_id, entry_id, component_key, item_key, count) values (${organisationId}, ${round.roundId}, ${e1!.id}, 'practical', 'defect', 2)`;
		await db()`insert into entered_value (organisation_id, round_id, entry_id, component_key, value, source) values (${organisationId}, ${round.roundId}, ${e1!.id}, 'theory', 8850, 'import'), (${organisationId}, ${round.roundId}, ${e2!.id}, 'theory', 9000, 'import')`;
		await db()`insert into finish_time (organisation_id, round_id, entry_id, finished_at) values (${organisationId}, ${round.roundId}, ${e2!.id}, '2026-12-01T02:03:04.567Z')`;

		const scheme = (await getLatestSchemeVersion(db(), organisationId, round.roundId))!.scheme;
		const sheetsOf = (entryIndex: number, skip: number[]) =>
			judges.map((judge, judgeIndex) => ({ judge, judgeIndex })).filter(({ judgeIndex }) => !skip.includes(judgeIndex)).map(({ judge, judgeIndex }) => ({ judgeId: judge.judgeId, scores: practicalScores(percents[entryIndex]![judgeIndex]!) }));
		const handBuilt: RoundInput = {
			entries: [
				{ id: e1!.id, number: e1!.number, unit: e1!.unit, sheets: { practical: sheetsOf(0, [2]) }, deductions: { practical: { defect: 2 } }, entered: { theory: 8850 } },
				{ id: e2!.id, number: e2!.number, unit: e2!.unit, sheets: { practical: sheetsOf(1, [3]) }, entered: { theory: 9000 }, finishedAt: Date.parse('2026-12-01T02:03:04.567Z') },
				{ id: e3!.id, number: e3!.number, unit: e3!.unit, sheets: { practical: sheetsOf(2, [4]) } }
			]
		};
		const stored = (await evaluateStoredRound(db(), organisationId, round.roundId))!;
		expect(stored.result).toEqual(evaluateRound(scheme, handBuilt));
		// And it is a real result: entry 101 has four judges (one absent), a deduction and theory; 103 has no theory value.
		const first = stored.result.entries.find((entry) => entry.entryId === e1!.id)!;
		expect(first.breakdown.components.find((component) => component.key === 'practical')).toMatchObject({ totalDeduction: 400 });
		expect(stored.result.entries.find((entry) => entry.entryId === e3!.id)!.flags).toContainEqual({ code: 'missing_entered_value', component: 'theory' });
		expect(stored.displayNumbers.get(e1!.id)).toBe(101);
	});

	it('finds nothing for another organisation’s round', async () => {
		const owner = await newOrg();
		const other = await newOrg();
		const round = await seedJudgeRound(owner, { count: 1 });
		expect(await loadRoundInput(db(), other.organisation.id, round.roundId)).toBeUndefined();
	});
});
