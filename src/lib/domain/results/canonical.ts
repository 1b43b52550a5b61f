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
 * A copy whose objects have their keys inserted in sorted order; JSON.stringify (native, far faster
 * than building the text by hand for a round's tens of thousands of marks) then writes them in that
 * order — integer-like keys first in numeric order, as JavaScript always does, which is just as fixed.
 */
function withSortedKeys(value: unknown): unknown {
	if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError('not a finite number');
	if (typeof value === 'bigint') return value.toString();
	if (value === null || typeof value !== 'object') return value;
	if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : withSortedKeys(item)));
	const record = value as Record<string, unknown>;
	const sorted: Record<string, unknown> = {};
	for (const key of Object.keys(record).sort()) if (record[key] !== undefined) sorted[key] = withSortedKeys(record[key]);
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
