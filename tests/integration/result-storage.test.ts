import { describe, expect, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { listFinalPlacings } from '../../src/lib/server/results/placing-queries';
import { newOrg } from '../fixtures/factories';
import { seedJudgeRound } from '../fixtures/judge-entries';
import { seedFinalResult } from '../fixtures/results';
import { seedScoredRound } from '../fixtures/results-scenario';
import { resultsControl } from '../../src/lib/server/results/access';
import { computeResultVersion, getVersion } from '../../src/lib/server/results/versions-service';
import { getResultVersion } from '../../src/lib/server/results/version-queries';

// The database keeps results honest on its own (db/migrations/0026): a stored version never changes,
// a final one cannot be deleted, and a round's final version cannot be swapped or withdrawn.

async function finalRound() {
	const owner = await newOrg();
	const round = await seedJudgeRound(owner, { count: 3 });
	const [first, second, third] = round.entries;
	const { resultVersionId } = await seedFinalResult(owner, round.roundId, [
		{ entryId: second!.id, number: second!.number, rank: 1, total: 9150, tierKey: 'first', tierLabel: '一等奖' },
		{ entryId: first!.id, number: first!.number, rank: 2, total: 8800, tierKey: 'second', tierLabel: '二等奖' },
		{ entryId: third!.id, number: third!.number, rank: 2, total: 8800, specialAward: '工匠特别奖' }
	]);
	return { owner, round, resultVersionId };
}

describe('stored results', () => {
	it('lists a competition’s final placings by rank with the holder’s name and unit', async () => {
		const { owner, round } = await finalRound();
		const placings = await listFinalPlacings(db(), owner.organisation.id, round.competitionId);
		expect(placings.map((placing) => [placing.rank, placing.holderName, placing.unit, placing.total, placing.tierLabel, placing.specialAward])).toEqual([
			[1, round.entries[1]!.name, round.entries[1]!.unit, 9150, '一等奖', null],
			[2, round.entries[0]!.name, round.entries[0]!.unit, 8800, '二等奖', null],
			[2, round.entries[2]!.name, round.entries[2]!.unit, 8800, null, '工匠特别奖']
		]);
	});

	it('refuses to change a stored version or its placings', async () => {
		const { resultVersionId } = await finalRound();
		await expect(db()`update result_version set reason = 'edited' where id = ${resultVersionId}`).rejects.toThrow(/immutable/);
		await expect(db()`update result_placing set total = 10000 where result_version_id = ${resultVersionId}`).rejects.toThrow(/immutable/);
	});

	it('refuses to delete a final version or to swap or withdraw a round’s final version', async () => {
		const { owner, round, resultVersionId } = await finalRound();
		await expect(db()`delete from result_version where id = ${resultVersionId}`).rejects.toThrow(/final result version/);
		await expect(db()`update round set final_version_id = null, finalised_at = null where id = ${round.roundId}`).rejects.toThrow(/final/);
		await expect(seedFinalResult(owner, round.roundId, [])).rejects.toThrow(/final/);
	});

	it('keeps a computed version compressed, reads it whole, and still reads a version stored as json before', async () => {
		const owner = await newOrg();
		const { round } = await seedScoredRound(owner, [{ percents: [90, 88, 86, 84, 82], theory: 8000, defects: 1 }, { percents: [70, 72, 74, 76, 78], theory: null }]);
		const computed = await computeResultVersion(owner, round.roundId, { reason: '' });
		const [row] = await db()<{ asJson: boolean; compressed: number }[]>`
			select result is not null as as_json, octet_length(result_gzip) as compressed from result_version where id = ${computed.id}`;
		expect(row).toEqual({ asJson: false, compressed: expect.any(Number) });
		const version = await getVersion(await resultsControl(owner, round.roundId), computed.id);
		expect(version.result.result.entries.map((entry) => [entry.entryId, entry.total, entry.breakdown.components.length])).toEqual([
			[round.entries[0]!.id, expect.any(Number), 2],
			[round.entries[1]!.id, expect.any(Number), 2]
		]);
		expect(row!.compressed).toBeLessThan(JSON.stringify(version.result).length);
		// A version kept as json (before db/migrations/0034) reads the same way; one with neither, or both, is refused.
		const legacy = { scheme: version.result.scheme, result: version.result.result, numbers: version.result.numbers, specialAwards: [] };
		const [old] = await db()<{ id: string }[]>`
			insert into result_version (organisation_id, round_id, version, scheme_version, engine_version, inputs_digest, result, created_by)
			values (${owner.organisation.id}, ${round.roundId}, 99, 1, 'before-0034', ${'c'.repeat(64)}, ${db().json(legacy as never)}, ${owner.user.id}) returning id`;
		expect((await getResultVersion(db(), owner.organisation.id, round.roundId, old!.id))!.result).toEqual(version.result);
		await expect(db()`
			insert into result_version (organisation_id, round_id, version, scheme_version, engine_version, inputs_digest, created_by)
			values (${owner.organisation.id}, ${round.roundId}, 100, 1, 'none', ${'d'.repeat(64)}, ${owner.user.id})`).rejects.toThrow(/one_stored_result/);
	});

	it('still lets an organisation be removed whole, final results and all', async () => {
		const { owner, round } = await finalRound();
		await db()`delete from competition where id = ${round.competitionId}`;
		expect(await db()`select 1 from result_version where organisation_id = ${owner.organisation.id}`).toHaveLength(0);
	});
});
