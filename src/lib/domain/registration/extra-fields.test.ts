import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { attachmentIdsOf, checkExtraValues, EXTRA_TEXT_MAX, type ExtraFieldDefinition } from './extra-fields';

const field = (key: string, kind: ExtraFieldDefinition['kind'], required = false, options: string[] = []): ExtraFieldDefinition => ({ key, label: key, kind, options, required });
const FIELDS = [
	field('work_years', 'number', true),
	field('joined_on', 'date'),
	field('shift', 'choice', false, ['早班', '晚班']),
	field('honours', 'multi_choice', false, ['劳动模范', '技术能手', '五一劳动奖章']),
	field('form_scan', 'file'),
	field('motto', 'text')
];
const FILE_ID = '0b8a3a52-4a51-4e8b-9c39-1f6f4a0d2c11';

describe('the competition’s own registration fields', () => {
	it('accepts good values and normalises them', () => {
		const result = checkExtraValues(FIELDS, { work_years: '12.5', joined_on: '2010-09-01', shift: '晚班', honours: ['五一劳动奖章', '劳动模范', '劳动模范'], form_scan: [FILE_ID.toUpperCase()], motto: '  精益求精  ' });
		expect(result).toEqual({ ok: true, values: { work_years: 12.5, joined_on: '2010-09-01', shift: '晚班', honours: ['劳动模范', '五一劳动奖章'], form_scan: [FILE_ID], motto: '精益求精' } });
	});

	it('names every problem by its field at once', () => {
		const result = checkExtraValues(FIELDS, { joined_on: '2023-02-29', shift: '夜班', honours: ['不存在'], form_scan: ['../etc/passwd'], motto: 'x'.repeat(EXTRA_TEXT_MAX + 1), smuggled: 1 });
		expect(result).toEqual({
			ok: false,
			problems: { work_years: 'required', joined_on: 'not_a_date', shift: 'not_an_option', honours: 'not_an_option', form_scan: 'not_files', motto: 'too_long', smuggled: 'unknown_field' }
		});
	});

	it('refuses numbers that are not plain decimals with at most two places', () => {
		for (const bad of ['1e3', '0x10', '1.234', '', ' ', 'NaN', 'Infinity', true]) {
			const result = checkExtraValues([field('n', 'number', true)], { n: bad });
			expect(result.ok, String(bad)).toBe(false);
		}
	});

	it('leaves optional empty fields out and lists the files a value refers to', () => {
		const result = checkExtraValues(FIELDS, { work_years: 3, honours: [], form_scan: [FILE_ID] });
		expect(result.ok && result.values).toEqual({ work_years: 3, form_scan: [FILE_ID] });
		expect(result.ok && attachmentIdsOf(FIELDS, result.values)).toEqual([FILE_ID]);
	});

	it('never accepts an option outside the list, whatever is sent', () => {
		fc.assert(
			fc.property(fc.array(fc.string(), { maxLength: 5 }), (chosen) => {
				const result = checkExtraValues([field('honours', 'multi_choice', false, ['劳动模范'])], { honours: chosen });
				const stored = result.ok ? (result.values.honours ?? []) : [];
				return (stored as string[]).every((option) => option === '劳动模范');
			})
		);
	});
});
