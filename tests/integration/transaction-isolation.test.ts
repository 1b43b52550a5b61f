import postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { db, transactionWithEarlyBegin } from '../../src/lib/server/db/client';

// postgres.js 3.4.9 could send a transaction's BEGIN without reserving its connection, or hand a
// reserved connection back to the pool mid-transaction (porsager/postgres#823, #1189): under a saturated
// pool, another caller's statements then ran inside the transaction. The live-judging bench saw it as a
// judge's write running inside the board's read-only snapshot. patches/postgres+3.4.9.patch mends it;
// this saturates a small pool the way the bench does and checks that every transaction is whole.

// Three connections, two statements pipelined on each at most (max_pipeline is a documented option its
// types leave out): a short pipeline is filled as a long one is in a burst.
const options = { max: 3, max_pipeline: 2, onnotice: () => {} };
const pool = postgres(inject('databaseUrl'), options);
afterAll(() => pool.end());

/** A transaction that reads its own id twice, around a pause, and says whether it stayed read-only. */
function oneTransaction(index: number) {
	return pool.begin(index % 2 === 0 ? 'read only' : 'read write', async (tx) => {
		const [first] = await tx<{ id: string; readonly: string }[]>`select txid_current()::text as id, current_setting('transaction_read_only') as readonly`;
		await tx`select pg_sleep(0.01)`;
		const [second] = await tx<{ id: string }[]>`select txid_current()::text as id`;
		return { index, first: first!.id, second: second!.id, readOnly: first!.readonly };
	});
}

describe('transactions on a saturated pool', () => {
	it('each runs whole on its own connection, whatever else the pool is doing', async () => {
		for (let round = 0; round < 20; round++) {
			// Sent now, in this order: every connection busy, then one more statement queued behind each.
			const busy = Array.from({ length: 3 }, () => pool`select pg_sleep(0.05)`.execute());
			const plain = Array.from({ length: 3 }, (_, index) => pool`select ${index}::int as n`.execute());
			const transactions = Array.from({ length: 5 }, (_, index) => oneTransaction(index));
			const [, , outcomes] = await Promise.all([Promise.all(busy), Promise.all(plain), Promise.allSettled(transactions)]);
			const failures = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [String(outcome.reason)] : []));
			expect(failures).toEqual([]);
			const done = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
			for (const transaction of done) {
				expect(transaction.second).toBe(transaction.first);
				expect(transaction.readOnly).toBe(transaction.index % 2 === 0 ? 'on' : 'off');
			}
			expect(new Set(done.map((transaction) => transaction.first)).size).toBe(done.length);
		}
	});
});

describe('a transaction whose BEGIN goes out with its first statements', () => {
	it('runs every statement of the work inside it, on a busy pool, and keeps nothing when the work throws', async () => {
		await db()`create table if not exists early_begin_probe (marker text not null)`;
		for (let round = 0; round < 10; round++) {
			// The app's pool (5 connections in tests) busy, so works queue behind other callers.
			const busy = Array.from({ length: 5 }, () => db()`select pg_sleep(0.02)`.execute());
			const works = Array.from({ length: 6 }, (_, index) =>
				transactionWithEarlyBegin(async (tx) => {
					const [[first]] = await Promise.all([tx<{ id: string }[]>`select txid_current()::text as id`, tx`insert into early_begin_probe (marker) values (${`${round}:${index}`})`]);
					await tx`select pg_sleep(0.005)`;
					const [second] = await tx<{ id: string }[]>`select txid_current()::text as id`;
					if (index % 2 === 1) throw new Error(`refused ${index}`);
					return { first: first!.id, second: second!.id };
				})
			);
			const [, outcomes] = await Promise.all([Promise.all(busy), Promise.allSettled(works)]);
			outcomes.forEach((outcome, index) => {
				if (index % 2 === 1) expect(outcome).toMatchObject({ status: 'rejected', reason: new Error(`refused ${index}`) });
				else expect(outcome.status === 'fulfilled' && outcome.value.second === outcome.value.first).toBe(true);
			});
			const kept = await db()<{ marker: string }[]>`select marker from early_begin_probe where marker like ${`${round}:%`} order by marker`;
			expect(kept.map((row) => row.marker)).toEqual([`${round}:0`, `${round}:2`, `${round}:4`]);
		}
	});
});
