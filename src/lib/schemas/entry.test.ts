import { describe, expect, it } from 'vitest';
import { entrantSchema } from './entry';
import { residentIdNumber } from '../../../tests/fixtures/people';

const person = (overrides: Record<string, unknown> = {}) => ({
	name: '王芳',
	gender: 'female',
	idType: 'resident_id',
	idNumber: residentIdNumber(7, { gender: 'female', birth: '19880205' }),
	phone: '138 1234 5678',
	unit: '县纺织厂',
	trade: '织布工',
	level: '',
	...overrides
});

function fieldErrors(value: unknown): Record<string, string> {
	const result = entrantSchema.safeParse(value);
	if (result.success) return {};
	return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

describe('a person on an entry form', () => {
	it('comes out normalised, with the birth date from the ID number', () => {
		const id = residentIdNumber(7, { gender: 'female', birth: '19880205' });
		const parsed = entrantSchema.parse(person({ idNumber: ` ${id.toLowerCase()} ` }));
		expect(parsed).toMatchObject({ idNumber: id.toUpperCase(), birthDate: '1988-02-05', phone: '13812345678', level: null });
	});

	it('puts each mistake at its field', () => {
		const id = residentIdNumber(7, { gender: 'female' });
		const wrongCheck = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
		expect(Object.keys(fieldErrors(person({ idNumber: wrongCheck })))).toEqual(['idNumber']);
		expect(Object.keys(fieldErrors(person({ gender: 'male' })))).toEqual(['gender']);
		expect(Object.keys(fieldErrors(person({ phone: '1381234567' })))).toEqual(['phone']);
		expect(Object.keys(fieldErrors(person({ idType: 'passport', idNumber: 'E1234567!' })))).toEqual(['idNumber']);
		expect(fieldErrors(person({ idType: 'hk_macao_permit', idNumber: 'h12345678' }))).toEqual({});
	});
});
