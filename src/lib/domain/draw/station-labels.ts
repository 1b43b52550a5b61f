/**
 * Station labels as organisers type them: a list separated by spaces, commas or new lines, where a
 * range like "A01-A30" stands for A01, A02, …, A30 (the width of the numbers is kept).
 */

const RANGE = /^([^\d\s]*)(\d+)[-–~～](?:\1)?(\d+)$/;
const MAX_LABELS = 1000;

export type StationLabelsResult = { ok: true; labels: string[] } | { ok: false; problem: 'too_many' | 'duplicate' | 'too_long'; label?: string };

export function parseStationLabels(text: string): StationLabelsResult {
	const labels: string[] = [];
	for (const part of text.split(/[\s,，、;；]+/).filter(Boolean)) {
		const range = RANGE.exec(part);
		if (range) {
			const [, prefix, fromText, toText] = range as unknown as [string, string, string, string];
			const from = Number(fromText);
			const to = Number(toText);
			if (to < from || to - from >= MAX_LABELS) return { ok: false, problem: 'too_many' };
			for (let n = from; n <= to; n++) labels.push(`${prefix}${String(n).padStart(fromText.length, '0')}`);
		} else {
			labels.push(part);
		}
		if (labels.length > MAX_LABELS) return { ok: false, problem: 'too_many' };
	}
	const long = labels.find((label) => label.length > 20);
	if (long) return { ok: false, problem: 'too_long', label: long };
	const duplicate = labels.find((label, index) => labels.indexOf(label) !== index);
	if (duplicate) return { ok: false, problem: 'duplicate', label: duplicate };
	return { ok: true, labels };
}
