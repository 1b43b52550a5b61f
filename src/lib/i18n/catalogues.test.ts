import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every message catalogue, e.g. messages/zh-CN.json and messages/competitions/zh-CN.json.
function catalogues(locale: string, dir = join(import.meta.dirname, 'messages')): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? catalogues(locale, path) : name === `${locale}.json` ? [path] : [];
	});
}

/** Every text a message can show: a plain string, or each variant of a plural message. */
function texts(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.flatMap((variant: { match?: Record<string, string> }) => Object.values(variant.match ?? {}));
	return [];
}

function messages(locale: string): [string, string][] {
	return catalogues(locale).flatMap((path) =>
		Object.entries(JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>)
			.filter(([key]) => !key.startsWith('$'))
			.flatMap(([key, value]) => texts(value).map((text): [string, string] => [key, text]))
	);
}

const HAN = /\p{Script=Han}/u;
// Literal code shown to people (an HTTP header) keeps its ASCII colon.
const CODE = /Authorization: Bearer/g;

describe('message catalogues', () => {
	it('Chinese text uses full-width punctuation (：，；？！（）), not ASCII', () => {
		const offending = messages('zh-CN')
			.filter(([, text]) => HAN.test(text))
			.filter(([, text]) => /[:,;?!()]/.test(text.replace(/\{[^}]*\}/g, '').replace(CODE, '')));
		expect(offending).toEqual([]);
	});

	it('no key is defined in two catalogues (the later one would silently replace the other)', () => {
		for (const locale of ['zh-CN', 'en']) {
			const keys = catalogues(locale).flatMap((path) => Object.keys(JSON.parse(readFileSync(path, 'utf8')) as object).filter((key) => !key.startsWith('$')));
			expect(keys.filter((key, index) => keys.indexOf(key) !== index), locale).toEqual([]);
		}
	});

	it('English counts are plural messages, so 1 reads "1 member" and 2 "2 members"', () => {
		const naive = messages('en').filter(([, text]) => /\{(count|votes|minutes|max)\} [a-z]+s\b/.test(text));
		const plural = catalogues('en').flatMap((path) => Object.entries(JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>).filter(([, value]) => Array.isArray(value)).map(([key]) => key));
		// Each naive-looking text must be the "other" variant of a plural message.
		expect(naive.filter(([key]) => !plural.includes(key))).toEqual([]);
	});
});
