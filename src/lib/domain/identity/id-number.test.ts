import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkIdNumber, gb11643CheckCharacter, isMainlandMobile, maskIdNumber, maskPhone, normaliseIdNumber } from './id-number';

const TODAY = '2026-11-30';

// Mainland province codes, and a few real county codes under them.
const PROVINCES = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65];

/** A birth date (YYYYMMDD) within the last 120 years, never in the future. */
const birthDate = fc.date({ min: new Date('1907-01-01T00:00:00Z'), max: new Date(`${TODAY}T00:00:00Z`), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10).replace(/-/g, ''));

const withCheck = (first17: string) => first17 + gb11643CheckCharacter(first17);

/** A valid 居民身份证 number: province, four more region digits, birth date, sequence, check character. */
const residentId = fc
	.tuple(fc.constantFrom(...PROVINCES), fc.integer({ min: 0, max: 9999 }), birthDate, fc.integer({ min: 0, max: 999 }))
	.map(([province, county, birth, sequence]) => withCheck(`${province}${String(county).padStart(4, '0')}${birth}${String(sequence).padStart(3, '0')}`));

const residencePermit = fc
	.tuple(fc.constantFrom('810000', '820000', '830000'), birthDate, fc.integer({ min: 0, max: 999 }))
	.map(([prefix, birth, sequence]) => withCheck(`${prefix}${birth}${String(sequence).padStart(3, '0')}`));

describe('居民身份证 (GB 11643-1999)', () => {
	it('accepts known valid numbers, with their birth date and gender', () => {
		expect(checkIdNumber('resident_id', '11010519491231002X', TODAY)).toEqual({ ok: true, value: '11010519491231002X', birthDate: '1949-12-31', gender: 'female' });
		expect(checkIdNumber('resident_id', '440524188001010014', '1990-01-01')).toEqual({ ok: true, value: '440524188001010014', birthDate: '1880-01-01', gender: 'male' });
	});

	it('reads a lower-case x, spaces and full-width characters as people type them', () => {
		expect(checkIdNumber('resident_id', '110105 19491231 002x', TODAY)).toMatchObject({ ok: true, value: '11010519491231002X' });
		expect(checkIdNumber('resident_id', '１１０１０５１９４９１２３１００２Ｘ', TODAY)).toMatchObject({ ok: true, value: '11010519491231002X' });
		expect(normaliseIdNumber('　11010519491231002x ')).toBe('11010519491231002X');
	});

	it('computes the check character (known examples)', () => {
		expect(gb11643CheckCharacter('11010519491231002')).toBe('X');
		expect(gb11643CheckCharacter('44052418800101001')).toBe('4');
	});

	it('refuses a wrong check character', () => {
		expect(checkIdNumber('resident_id', '110105194912310021', TODAY)).toEqual({ ok: false, problem: 'checksum' });
	});

	it('accepts every generated valid number and gives the gender of the 17th digit', () => {
		fc.assert(
			fc.property(residentId, (number) => {
				const check = checkIdNumber('resident_id', number, TODAY);
				expect(check.ok).toBe(true);
				if (check.ok) expect(check.gender).toBe(Number(number[16]) % 2 === 1 ? 'male' : 'female');
			})
		);
	});

	it('catches every single-character change, wherever it is', () => {
		fc.assert(
			fc.property(residentId, fc.integer({ min: 0, max: 17 }), fc.constantFrom(...'0123456789X'), (number, position, replacement) => {
				fc.pre(number[position] !== replacement);
				const changed = number.slice(0, position) + replacement + number.slice(position + 1);
				expect(checkIdNumber('resident_id', changed, TODAY).ok).toBe(false);
			}),
			{ numRuns: 2000 }
		);
	});

	it('refuses impossible and implausible birth dates', () => {
		const number = (birth: string) => withCheck(`330523${birth}001`);
		expect(checkIdNumber('resident_id', number('20000229'), TODAY).ok).toBe(true);
		expect(checkIdNumber('resident_id', number('19000229'), TODAY)).toEqual({ ok: false, problem: 'birth_date' });
		expect(checkIdNumber('resident_id', number('20230229'), TODAY)).toEqual({ ok: false, problem: 'birth_date' });
		expect(checkIdNumber('resident_id', number('19851301'), TODAY)).toEqual({ ok: false, problem: 'birth_date' });
		expect(checkIdNumber('resident_id', number('19850431'), TODAY)).toEqual({ ok: false, problem: 'birth_date' });
		// Born today: yes. Tomorrow: not yet.
		expect(checkIdNumber('resident_id', number('20261130'), TODAY).ok).toBe(true);
		expect(checkIdNumber('resident_id', number('20261201'), TODAY)).toEqual({ ok: false, problem: 'birth_date' });
		// Exactly 120 years ago: yes; a day more: no.
		expect(checkIdNumber('resident_id', number('19061130'), TODAY).ok).toBe(true);
		expect(checkIdNumber('resident_id', number('19061129'), TODAY)).toEqual({ ok: false, problem: 'birth_date' });
	});

	it('refuses region codes outside the mainland provinces', () => {
		for (const province of ['00', '10', '16', '20', '39', '71', '81', '82', '91', '99']) {
			expect(checkIdNumber('resident_id', withCheck(`${province}0523198503120001`.slice(0, 17)), TODAY), province).toEqual({ ok: false, problem: 'region' });
		}
	});

	it('refuses the wrong length or characters', () => {
		for (const value of ['', '11010519491231002', '11010519491231002XX', '1101051949123100X2', '11010519491231002Y', '330523850312001']) {
			expect(checkIdNumber('resident_id', value, TODAY), value).toEqual({ ok: false, problem: 'format' });
		}
	});
});

describe('港澳台居民居住证 (residence permits)', () => {
	it('accepts 810000 (Hong Kong), 820000 (Macao) and 830000 (Taiwan) numbers with a valid check character', () => {
		fc.assert(
			fc.property(residencePermit, (number) => {
				expect(checkIdNumber('residence_permit', number, TODAY).ok).toBe(true);
			})
		);
		expect(checkIdNumber('residence_permit', withCheck('81000019900101001'), TODAY)).toMatchObject({ ok: true, birthDate: '1990-01-01', gender: 'male' });
	});

	it('refuses other prefixes, and a mainland ID card number given as a permit or the other way round', () => {
		expect(checkIdNumber('residence_permit', withCheck('81000119900101001'), TODAY)).toEqual({ ok: false, problem: 'region' });
		expect(checkIdNumber('residence_permit', '11010519491231002X', TODAY)).toEqual({ ok: false, problem: 'region' });
		expect(checkIdNumber('resident_id', withCheck('83000019900101002'), TODAY)).toEqual({ ok: false, problem: 'region' });
	});

	it('checks the birth date and the check character like an ID card', () => {
		expect(checkIdNumber('residence_permit', withCheck('82000020270101001'), TODAY)).toEqual({ ok: false, problem: 'birth_date' });
		const valid = withCheck('82000019900101002');
		expect(checkIdNumber('residence_permit', `${valid.slice(0, 17)}${valid[17] === '1' ? '2' : '1'}`, TODAY)).toEqual({ ok: false, problem: 'checksum' });
	});
});

describe('travel permits and passports', () => {
	it('港澳居民来往内地通行证: H or M and 8 digits (10 on older cards)', () => {
		for (const value of ['H12345678', 'M87654321', 'H1234567801', 'h12345678']) expect(checkIdNumber('hk_macao_permit', value, TODAY).ok, value).toBe(true);
		for (const value of ['X12345678', 'H1234567', 'H123456789', '12345678', 'HM2345678']) expect(checkIdNumber('hk_macao_permit', value, TODAY), value).toEqual({ ok: false, problem: 'format' });
		expect(checkIdNumber('hk_macao_permit', 'h12345678', TODAY)).toEqual({ ok: true, value: 'H12345678', birthDate: null, gender: null });
	});

	it('台湾居民来往大陆通行证: 8 digits', () => {
		expect(checkIdNumber('taiwan_permit', '01234567', TODAY).ok).toBe(true);
		for (const value of ['1234567', '123456789', 'T1234567', '1234567A']) expect(checkIdNumber('taiwan_permit', value, TODAY), value).toEqual({ ok: false, problem: 'format' });
	});

	it('passports: 5 to 17 letters and digits', () => {
		for (const value of ['E12345678', 'EA1234567', 'g1234567', '123456789', 'AB123']) expect(checkIdNumber('passport', value, TODAY).ok, value).toBe(true);
		for (const value of ['E123', 'E-1234567', 'E1234567/8', 'ABCDEFGHIJKLMNOPQR']) expect(checkIdNumber('passport', value, TODAY), value).toEqual({ ok: false, problem: 'format' });
	});
});

describe('masking', () => {
	it('hides the birth date and sequence of an 18-character number: 330523********1234', () => {
		expect(maskIdNumber('330523198503121234')).toBe('330523********1234');
		fc.assert(
			fc.property(residentId, (number) => {
				const masked = maskIdNumber(number);
				expect(masked).toHaveLength(18);
				expect(masked.slice(0, 6)).toBe(number.slice(0, 6));
				expect(masked.slice(6, 14)).toBe('********');
				expect(masked.slice(14)).toBe(number.slice(14));
			})
		);
	});

	it('shows only the first and last characters of shorter numbers', () => {
		expect(maskIdNumber('H12345678')).toBe('H******78');
		expect(maskIdNumber('01234567')).toBe('0*****67');
		expect(maskIdNumber('AB123')).toBe('A***3');
		fc.assert(
			fc.property(fc.stringMatching(/^[A-Z0-9]{5,17}$/), (value) => {
				fc.pre(value.length !== 18);
				const masked = maskIdNumber(value);
				const shown = value.length > 6 ? 2 : 1;
				expect(masked).toHaveLength(value.length);
				expect(masked[0]).toBe(value[0]);
				expect(masked.slice(-shown)).toBe(value.slice(-shown));
				expect(masked.slice(1, -shown)).toMatch(/^\*{3,}$/);
			})
		);
	});

	it('masks a mobile number as 138****5678', () => {
		expect(maskPhone('13812345678')).toBe('138****5678');
		fc.assert(
			fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (phone) => {
				expect(isMainlandMobile(phone)).toBe(true);
				const masked = maskPhone(phone);
				expect(masked).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
			})
		);
		expect(maskPhone('12345')).toBe('*****');
		for (const value of ['12812345678', '1381234567', '138123456789', '23812345678']) expect(isMainlandMobile(value), value).toBe(false);
	});
});
