import { describe, expect, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';

/** A single-column check constraint's verdict on `value`, from its definition in the catalogue. */
async function allows(table: string, constraint: string, column: string, value: string): Promise<boolean> {
	const [row] = await db()<{ definition: string }[]>`
		select pg_get_constraintdef(oid) as definition from pg_constraint where conrelid = ${table}::regclass and conname = ${constraint}`;
	const expression = row!.definition.replace(/^CHECK /, '').replaceAll(new RegExp(`\\b${column}\\b`, 'g'), '$1::text');
	const [verdict] = await db().unsafe<{ ok: boolean }[]>(`select (${expression}) as ok`, [value]);
	return verdict!.ok;
}

const hex64 = 'a'.repeat(32) + '0123456789abcdef'.repeat(2);

// 0037 rewrote these checks to be cheaper; they must still allow and refuse exactly what they did.
const cases: [table: string, constraint: string, column: string, allowed: string[], refused: string[]][] = [
	['entry_member', 'entry_member_id_number_hash_check', 'id_number_hash', [hex64], [hex64.slice(1), `${hex64}0`, hex64.toUpperCase(), `${hex64.slice(1)}g`, '']],
	['entry_member', 'entry_member_phone_check', 'phone', ['13912345678', '19900000000'], ['12912345678', '1391234567', '139123456789', '1391234567a', '23912345678', '']],
	['score_sheet', 'score_sheet_component_key_check', 'component_key', ['practical', 'a-b_C9', 'x'.repeat(64)], ['', 'x'.repeat(65), 'a b', '实操']],
	['deduction_count', 'deduction_count_item_key_check', 'item_key', ['knot_end-3mm'], ['', 'x'.repeat(65), 'knot.end']],
	['deduction_count', 'deduction_count_component_key_check', 'component_key', ['practical'], ['', 'x'.repeat(65)]],
	['entered_value', 'entered_value_component_key_check', 'component_key', ['theory'], ['', 'x'.repeat(65), 'theory!']],
	['certificate', 'certificate_verification_code_check', 'verification_code', ['ABCDEFGH2345'], ['ABCDEFGH234', 'ABCDEFGH23456', 'ABCDEFGH2341', 'abcdefgh2345', 'ABCDEFGH234-']]
];

describe('format checks', () => {
	it.each(cases)('%s.%s allows the right values and refuses the rest', async (table, constraint, column, allowed, refused) => {
		for (const value of allowed) expect(await allows(table, constraint, column, value), value).toBe(true);
		for (const value of refused) expect(await allows(table, constraint, column, value), value).toBe(false);
	});
});
