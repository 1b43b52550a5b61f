import { describe, expect, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { ENGINE_VERSION } from '../../src/lib/domain/scoring';
import { computeResultVersion, verifyResultVersion, getVersion, diffVersions } from '../../src/lib/server/results/versions-service';
import { resultsControl } from '../../src/lib/server/results/access';
import { newOrg } from '../fixtures/factories';
import { rewriteSheet, seedScoredRound, type EntryMarks } from '../fixtures/results-scenario';

// Result versions are computed from the stored rows only and can be recomputed: a hand-computed
// table for a skills contest, recompute equals the stored version, a changed sheet shows up.

/**
 * Ten entries, five judges, highest and lowest R_j dropped; theory 20 %, practical 80 %; a defect
 * costs 2 points of the practical. Worked by hand:
 *   no.  judges (R_j)           kept        practical          theory   total = 0.2 × theory + 0.8 × practical
 *   1    90 85 88 70 95         90 85 88    263/3 = 87.67      92.50    18.50 + 70.136 = 88.636 → 88.64
 *   2    80 82 84 86 88         82 84 86    84.00              80.00    16.00 + 67.20 = 83.20
 *   3    75 ×5                  75 75 75    75.00              100.00   20.00 + 60.00 = 80.00
 *   4    92 91 93 60 99, 2 def  92 91 93    92 − 4 = 88.00     70.00    14.00 + 70.40 = 84.40
 *   5    70 72 74 76 78         72 74 76    74.00              95.50    19.10 + 59.20 = 78.30
 *   6    88 88 89 90 91         88 89 90    89.00              60.00    12.00 + 71.20 = 83.20 (ties no. 2; higher practical ranks first)
 *   7    65 66 67 68 69         66 67 68    67.00              85.00    17.00 + 53.60 = 70.60
 *   8    50 95 60 62 64         60 62 64    62.00              90.00    18.00 + 49.60 = 67.60
 *   9    81 83 79 80 82         81 80 82    81.00              88.25    17.65 + 64.80 = 82.45
 *   10   99 98 97 96 95         98 97 96    97.00              50.00    10.00 + 77.60 = 87.60
 * Tiers of 10: 一等奖 ⌊10 × 10 %⌋ = 1, 二等奖 2 more, 三等奖 3 more.
 */
const MARKS: EntryMarks[] = [
	{ percents: [90, 85, 88, 70, 95], theory: 9250 },
	{ percents: [80, 82, 84, 86, 88], theory: 8000 },
	{ percents: [75, 75, 75, 75, 75], theory: 10000 },
	{ percents: [92, 91, 93, 60, 99], theory: 7000, defects: 2 },
	{ percents: [70, 72, 74, 76, 78], theory: 9550 },
	{ percents: [88, 88, 89, 90, 91], theory: 6000 },
	{ percents: [65, 66, 67, 68, 69], theory: 8500 },
	{ percents: [50, 95, 60, 62, 64], theory: 9000 },
	{ percents: [81, 83, 79, 80, 82], theory: 8825 },
	{ percents: [99, 98, 97, 96, 95], theory: 5000 }
];

/** [number, rank, total, theory, practical, tier key, tier label], by rank. */
const HAND_TABLE: [number, number, number, number, number, string | null, string | null][] = [
	[1, 1, 8864, 9250, 8767, 'first_prize', '一等奖'],
	[10, 2, 8760, 5000, 9700, 'second_prize', '二等奖'],
	[4, 3, 8440, 7000, 8800, 'second_prize', '二等奖'],
	[6, 4, 8320, 6000, 8900, 'third_prize', '三等奖'],
	[2, 5, 8320, 8000, 8400, 'third_prize', '三等奖'],
	[9, 6, 8245, 8825, 8100, 'third_prize', '三等奖'],
	[3, 7, 8000, 10000, 7500, null, null],
	[5, 8, 7830, 9550, 7400, null, null],
	[7, 9, 7060, 8500, 6700, null, null],
	[8, 10, 6760, 9000, 6200, null, null]
];

async function placingsOf(versionId: string) {
	return db()<{ number: number; rank: number; total: number; components: Record<string, number>; tierKey: string | null; tierLabel: string | null; specialAward: string | null }[]>`
		select number, rank, total, components, tier_key, tier_label, special_award from result_placing where result_version_id = ${versionId} order by rank, number`;
}

describe('a round’s result versions', () => {
	it('publishes exactly the hand-computed table, with the engine version and a digest, audited', async () => {
		const owner = await newOrg();
		const { round } = await seedScoredRound(owner, MARKS);
		const computed = await computeResultVersion(owner, round.roundId, { reason: '' });
		expect(computed).toMatchObject({ version: 1, schemeVersion: 1, engineVersion: ENGINE_VERSION, entries: 10 });
		expect(computed.inputsDigest).toMatch(/^[0-9a-f]{64}$/);
		const placings = await placingsOf(computed.id);
		expect(placings.map((p) => [p.number, p.rank, p.total, p.components.theory, p.components.practical, p.tierKey, p.tierLabel])).toEqual(HAND_TABLE);
		// The stored result carries the breakdown: no. 1's dropped judges are the 95 and the 70.
		const stored = await getVersion(await resultsControl(owner, round.roundId), computed.id);
		const first = stored.result.result.entries[0]!;
		const practical = first.breakdown.components.find((component) => component.key === 'practical')!;
		expect(practical.source === 'judges' && practical.sheets.filter((sheet) => sheet.status !== 'counted').map((sheet) => sheet.scores.precision).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([2450, 3325]);
		expect(stored.result.numbers[round.entries[0]!.id]).toBe(1);
		const [audit] = await db()<{ subjectLabel: string; after: { version: number } }[]>`
			select subject_label, after from audit_log where organisation_id = ${owner.organisation.id} and action = 'results.computed'`;
		expect(audit!.subjectLabel).toContain('v1');
		expect(audit!.after.version).toBe(1);
	});

	it('recomputes to the stored version: same digest, same numbers; a second computation is version 2 with the same placings', async () => {
		const owner = await newOrg();
		const { round } = await seedScoredRound(owner, MARKS.slice(0, 4));
		const first = await computeResultVersion(owner, round.roundId, { reason: '' });
		const verification = await verifyResultVersion(owner, round.roundId);
		expect(verification).toMatchObject({ version: 1, inputsMatch: true, numbersMatch: true, storedDigest: first.inputsDigest, currentDigest: first.inputsDigest });
		expect(verification.diff.entries).toEqual([]);
		const second = await computeResultVersion(owner, round.roundId, { reason: '复核' });
		expect(second.version).toBe(2);
		expect(second.inputsDigest).toBe(first.inputsDigest);
		expect(await placingsOf(second.id)).toEqual(await placingsOf(first.id));
	});

	it('reports a changed sheet: which entry, which judge, and the numbers that move', async () => {
		const owner = await newOrg();
		const { round, judges } = await seedScoredRound(owner, MARKS.slice(0, 4));
		const version = await computeResultVersion(owner, round.roundId, { reason: '' });
		// Entry no. 2's third judge (84) becomes 90: kept 82 86 88 → practical 85.33; total 16 + 68.264 = 84.26 (84.264 → 84.26).
		await rewriteSheet(owner, { roundId: round.roundId, entryId: round.entries[1]!.id, judgeId: judges[2]!.judgeId }, 90);
		const verification = await verifyResultVersion(owner, round.roundId, version.id);
		expect(verification.inputsMatch).toBe(false);
		expect(verification.numbersMatch).toBe(false);
		expect(verification.currentDigest).not.toBe(version.inputsDigest);
		const changed = verification.diff.entries.filter((entry) => entry.why.sheets.length > 0);
		expect(changed.map((entry) => entry.number)).toEqual([2]);
		expect(changed[0]!.why.sheets).toEqual([{ componentKey: 'practical', judgeId: judges[2]!.judgeId, change: 'changed' }]);
		expect(changed[0]!.total).toEqual({ from: 8320, to: 8426 });
		expect(changed[0]!.components).toEqual([{ componentKey: 'practical', from: 8400, to: 8533 }]);
		// And a new version after the re-score shows the same in the diff between versions.
		const after = await computeResultVersion(owner, round.roundId, { reason: '申诉复核：3号裁判重评' });
		const control = await resultsControl(owner, round.roundId);
		const diff = await diffVersions(control, version.id, after.id);
		expect(diff.diff.entries.find((entry) => entry.number === 2)!.total).toEqual({ from: 8320, to: 8426 });
		expect(diff.to.reason).toBe('申诉复核：3号裁判重评');
	});

	it('is refused before sign-off, and versions are immutable in the database', async () => {
		const owner = await newOrg();
		const { round } = await seedScoredRound(owner, MARKS.slice(0, 2), { signOff: false });
		await expect(computeResultVersion(owner, round.roundId, { reason: '' })).rejects.toMatchObject({ code: 'round_not_signed_off' });
		await db()`update round set scores_locked_at = now() where id = ${round.roundId}`;
		const version = await computeResultVersion(owner, round.roundId, { reason: '' });
		await expect(db()`update result_version set reason = '改' where id = ${version.id}`).rejects.toThrow(/immutable/);
		await expect(db()`update result_placing set total = 10000 where result_version_id = ${version.id}`).rejects.toThrow(/immutable/);
	});

	it('numbers two computations at once consecutively', async () => {
		const owner = await newOrg();
		const { round } = await seedScoredRound(owner, MARKS.slice(0, 3));
		const both = await Promise.all([computeResultVersion(owner, round.roundId, { reason: 'a' }), computeResultVersion(owner, round.roundId, { reason: 'b' })]);
		expect(both.map((version) => version.version).sort()).toEqual([1, 2]);
	});
});
