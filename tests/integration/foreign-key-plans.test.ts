import { describe, expect, it } from 'vitest';
import { db, type Tx } from '../../src/lib/server/db/client';

/**
 * PostgreSQL checks a foreign key with a cached plan per connection, planned once while a table may
 * still be nearly empty. If another index leads with one of the key's columns (say organisation_id),
 * that plan may take it and keep it: each check then reads every row of the organisation, and a
 * union's list of 10,000 people took 5 s instead of 0.8 (seen in the import bench). So the plan a
 * check gets on an empty copy of each referenced table must use a unique index on the key's own columns.
 */
interface CompositeKey {
	constraint: string;
	parent: string;
	columns: string[];
}

async function compositeForeignKeys(): Promise<CompositeKey[]> {
	return db()<CompositeKey[]>`
		select c.conname as constraint, c.confrelid::regclass::text as parent,
			array(select a.attname::text from unnest(c.confkey) with ordinality as k(attnum, position)
				join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.attnum order by k.position) as columns
		from pg_constraint c
		where c.contype = 'f' and cardinality(c.confkey) > 1 and c.connamespace = 'public'::regnamespace
		order by c.conname`;
}

/** The plan PostgreSQL caches for a check of `key`, on an empty, never-analysed copy of its table. */
async function checkPlanOnEmptyCopy(key: CompositeKey): Promise<{ plan: string; unique: Map<string, string[]> }> {
	return db().begin(async (tx) => {
		await tx.unsafe(`create temp table fk_parent_copy (like ${key.parent} including indexes) on commit drop`);
		const where = key.columns.map((column, index) => `${column} = $${index + 1}`).join(' and ');
		const types = await tx.unsafe<{ type: string }[]>(
			`select format_type(a.atttypid, a.atttypmod) as type from unnest($1::text[]) with ordinality as k(name, position)
			join pg_attribute a on a.attrelid = $2::regclass and a.attname = k.name order by k.position`,
			[key.columns, key.parent]
		);
		await tx.unsafe(`prepare fk_check(${types.map((row) => row.type).join(', ')}) as select 1 from only fk_parent_copy x where ${where} for key share of x`);
		await tx.unsafe('set local plan_cache_mode = force_generic_plan');
		const rows = await tx.unsafe<{ 'QUERY PLAN': string }[]>(`explain execute fk_check(${key.columns.map(() => 'null').join(', ')})`);
		const unique = await uniqueIndexColumns(tx);
		await tx.unsafe('deallocate fk_check');
		return { plan: rows.map((row) => row['QUERY PLAN']).join('\n'), unique };
	});
}

/** The columns of each unique index on the empty copy, by index name. */
async function uniqueIndexColumns(tx: Tx): Promise<Map<string, string[]>> {
	const rows = await tx<{ name: string; columns: string[] }[]>`
		select i.indexrelid::regclass::text as name,
			array(select a.attname::text from unnest(i.indkey) as k(attnum) join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum) as columns
		from pg_index i where i.indisunique and i.indrelid = 'pg_temp.fk_parent_copy'::regclass`;
	return new Map(rows.map((row) => [row.name, row.columns]));
}

describe('foreign-key checks', () => {
	it('read at most one row of the referenced table, even when planned on an empty table', async () => {
		const keys = await compositeForeignKeys();
		expect(keys.length).toBeGreaterThan(20);
		const scanning: string[] = [];
		for (const key of keys) {
			const { plan, unique } = await checkPlanOnEmptyCopy(key);
			// The index must be unique on columns the check knows, so it finds the one row straight away;
			// any other index reads every row that shares its leading column (say, an organisation's).
			const index = /Index Scan using (\S+)/.exec(plan)?.[1];
			const columns = index === undefined ? undefined : unique.get(index);
			if (!columns || !columns.every((column) => key.columns.includes(column))) scanning.push(`${key.constraint} → ${key.parent}(${key.columns.join(', ')}):\n${plan}`);
		}
		expect(scanning).toEqual([]);
	});
});
