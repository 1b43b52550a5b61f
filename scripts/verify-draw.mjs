#!/usr/bin/env node
// Verifies a Jiangxin draw (抽签) on its own: plain Node.js, no dependencies, nothing from the platform.
//
//   node verify-draw.mjs <seed> <commitment> <ids-file-or-url>
//
// <seed>        the revealed seed: 64 hex digits (32 bytes)
// <commitment>  the SHA-256 published before the draw ran (64 hex digits)
// <ids…>        either the public draw data (https://…/c/<slug>/draw.json, or that file saved), in which
//               case the stage with this commitment is checked against its published result too, or a
//               file listing the entry ids (a JSON array, or one id per line).
//
// The algorithm (the same words as on the public draw page):
// 1. commitment = SHA-256 of the 32 seed bytes (not of the hex text);
// 2. the entry ids are sorted ascending as text;
// 3. random numbers: HMAC-SHA256(key = seed bytes, message = counter as 8 bytes big-endian), counter
//    0, 1, 2, …; each call's first 4 bytes are an unsigned big-endian integer r;
// 4. Fisher–Yates: for i = n−1 down to 1, j = r mod (i+1), rejecting r ≥ 2^32 − (2^32 mod (i+1)) and
//    drawing the next counter instead (no modulo bias); swap places i and j;
// 5. place k (from 1) gets number k (and, in stage 2, the k-th station label).
// Exit code 0 when everything matches, 1 when something does not, 2 for a usage error.

import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * @param {string} seedHex
 * @param {string[]} ids
 * @returns {string[]}
 */
export function drawOrder(seedHex, ids) {
	const key = Buffer.from(seedHex, 'hex');
	const list = [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
	let counter = 0n;
	const next = () => {
		const message = Buffer.alloc(8);
		message.writeBigUInt64BE(counter++);
		return createHmac('sha256', key).update(message).digest().readUInt32BE(0);
	};
	for (let i = list.length - 1; i > 0; i--) {
		const bound = i + 1;
		const limit = 2 ** 32 - (2 ** 32 % bound);
		let r = next();
		while (r >= limit) r = next();
		const j = r % bound;
		const swap = /** @type {string} */ (list[i]);
		list[i] = /** @type {string} */ (list[j]);
		list[j] = swap;
	}
	return list;
}

/** @param {string} source */
async function readSource(source) {
	if (/^https?:\/\//.test(source)) {
		const response = await fetch(source);
		if (!response.ok) throw new Error(`${source} answered ${response.status}`);
		return response.text();
	}
	return readFileSync(source, 'utf8');
}

/**
 * @typedef {{ stage: number, commitment: string, entryIds: string[], stationLabels?: string[], result?: { entryId: string, value: number, station?: string }[] | null }} Stage
 * @param {string} text
 * @param {string} commitment
 * @returns {{ ids: string[], stage?: Stage, label?: string }}
 */
function parseIds(text, commitment) {
	const trimmed = text.trim();
	if (!trimmed.startsWith('[') && !trimmed.startsWith('{')) return { ids: trimmed.split(/\s+/).filter(Boolean) };
	const data = JSON.parse(trimmed);
	if (Array.isArray(data)) return { ids: data.map(String) };
	for (const round of data.rounds ?? []) {
		for (const stage of round.stages ?? []) {
			if (stage.commitment === commitment) return { ids: stage.entryIds, stage, label: `${round.event} · ${round.round} · stage ${stage.stage}` };
		}
	}
	throw new Error('No stage in this draw data has that commitment.');
}

/** @param {string[]} args */
async function main([seed, commitment, source]) {
	if (!seed || !commitment || !source || !/^[0-9a-f]{64}$/i.test(seed) || !/^[0-9a-f]{64}$/i.test(commitment)) {
		console.error('usage: node verify-draw.mjs <seed: 64 hex> <commitment: 64 hex> <ids-file-or-url>');
		return 2;
	}
	seed = seed.toLowerCase();
	commitment = commitment.toLowerCase();
	let ok = true;
	const actual = createHash('sha256').update(Buffer.from(seed, 'hex')).digest('hex');
	if (actual === commitment) console.log('✔ the seed matches the commitment');
	else {
		console.log(`✘ the seed does NOT match the commitment (its SHA-256 is ${actual})`);
		ok = false;
	}
	const { ids, stage, label } = parseIds(await readSource(source), commitment);
	const order = drawOrder(seed, ids);
	const stations = stage?.stationLabels ?? [];
	if (label) console.log(label);
	console.log(`entries: ${ids.length}, digest ${createHash('sha256').update([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join('\n')).digest('hex')}`);
	order.forEach((id, index) => console.log(`${String(index + 1).padStart(4)}  ${id}${stations[index] ? `  ${stations[index]}` : ''}`));
	if (stage?.result) {
		const published = new Map(stage.result.map((place) => [place.entryId, place]));
		const result = stage.result;
		const same = order.length === result.length && order.every((id, index) => published.get(id)?.value === index + 1 && (published.get(id)?.station ?? undefined) === (stations[index] ?? undefined));
		if (same) console.log('✔ the published result recomputes exactly');
		else {
			console.log('✘ the published result does NOT match the recomputed draw');
			ok = false;
		}
	}
	return ok ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	main(process.argv.slice(2)).then(
		(code) => process.exit(code),
		(error) => {
			console.error(error.message);
			process.exit(2);
		}
	);
}
