import type { RoundInput, Scheme } from '../scoring';

/**
 * JSON with every object's members in a fixed order whatever order they were written in, and
 * `undefined` members left out, so two values that mean the same thing give the same text. Arrays
 * keep their order: where order carries no meaning the caller sorts first (see canonicalDigestInput).
 */
export function canonicalJson(value: unknown): string {
	return JSON.stringify(withSortedKeys(value)) ?? 'null';
}

/**
 * The value with its objects' keys in sorted order; JSON.stringify (native, far faster than building
 * the text by hand for a round's tens of thousands of marks) then writes them in that order —
 * integer-like keys first in numeric order, as JavaScript always does, which is just as fixed. An
 * object already in that order (most sheets' marks are) is used as it is rather than copied.
 */
function withSortedKeys(value: unknown): unknown {
	if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError('not a finite number');
	if (typeof value === 'bigint') return value.toString();
	if (value === null || typeof value !== 'object') return value;
	if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : withSortedKeys(item)));
	const record = value as Record<string, unknown>;
	const keys = Object.keys(record);
	let unchanged = true;
	const members: unknown[] = [];
	for (let index = 0; index < keys.length; index++) {
		const key = keys[index]!;
		const member = record[key];
		const canonical = member === undefined ? undefined : withSortedKeys(member);
		members.push(canonical);
		// Reusable when each key comes after the one before it and no member was replaced (undefined
		// members and integer-like keys come out of JSON.stringify the same either way).
		if (unchanged && (canonical !== member || (index > 0 && !(keys[index - 1]! < key)))) unchanged = false;
	}
	if (unchanged) return record;
	const canonicalOf = new Map(keys.map((key, index) => [key, members[index]]));
	const sorted: Record<string, unknown> = {};
	for (const key of [...keys].sort()) if (canonicalOf.get(key) !== undefined) sorted[key] = canonicalOf.get(key);
	return sorted;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * What a result version's inputs digest covers: the engine input with its entries (by id) and each
 * component's sheets (by judge) in a fixed order — the order rows came out of the database means
 * nothing — plus the scheme and its version. The same stored rows always give the same text.
 */
export function canonicalDigestInput(input: RoundInput, scheme: Scheme, schemeVersion: number): string {
	const entries = [...input.entries]
		.sort((a, b) => byText(a.id, b.id))
		.map((entry) => ({
			...entry,
			sheets: entry.sheets && Object.fromEntries(Object.entries(entry.sheets).map(([key, sheets]) => [key, [...sheets].sort((a, b) => byText(a.judgeId, b.judgeId))]))
		}));
	return canonicalJson({ input: { entries }, scheme, schemeVersion });
}
