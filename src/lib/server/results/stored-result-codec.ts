import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { StoredResult } from '$lib/domain/results/stored-result';

// How a result version's StoredResult is kept (db/migrations/0034): gzip at its fastest level, in
// libuv's thread pool so a 1,000-entry round's few tens of milliseconds of compressing do not hold
// up the server's other requests.
const compress = promisify(gzip);
const decompress = promisify(gunzip);

/** Exact ratio parts too large for a JSON number are kept as decimal strings (as the API gives them). */
const bigintAsText = (_key: string, value: unknown) => (typeof value === 'bigint' ? value.toString() : value);

export function encodeStoredResult(result: StoredResult): Promise<Buffer> {
	let text: string;
	try {
		text = JSON.stringify(result);
	} catch {
		// Only a result holding a bigint gets here: a replacer on every value costs too much to use always.
		text = JSON.stringify(result, bigintAsText);
	}
	return compress(text, { level: 1 });
}

/** A stored version's result, whichever way it was kept: compressed (now) or json (before 0034). */
export async function decodeStoredResult(row: { result: StoredResult | null; resultGzip: Buffer | null }): Promise<StoredResult> {
	if (row.resultGzip) return JSON.parse((await decompress(row.resultGzip)).toString('utf8')) as StoredResult;
	if (row.result) return row.result;
	throw new Error('a result version without its stored result');
}
