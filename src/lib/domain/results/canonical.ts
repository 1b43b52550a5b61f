import type { RoundInput, Scheme } from '../scoring';

/**
 * JSON with every object's keys in sorted order and `undefined` members left out, so two values
 * that mean the same thing give the same text whatever order their keys were written in.
 * Arrays keep their order: where order carries no meaning the caller sorts first (see canonicalDigestInput).
 */
export function canonicalJson(value: unknown): string {
	if (value === null || typeof value !== 'object') {
		if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError('not a finite number');
		if (typeof value === 'bigint') return value.toString();
		return JSON.stringify(value) ?? 'null';
	}
	if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
	const keys = Object.keys(value as Record<string, unknown>)
		.filter((key) => (value as Record<string, unknown>)[key] !== undefined)
		.sort();
	return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`).join(',')}}`;
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
