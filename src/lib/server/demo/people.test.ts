import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkIdNumber } from '$lib/domain/identity/id-number';
import { generatePeople, residentIdNumber } from './people';

describe('the demo’s people', () => {
	it('are the same on every run, with distinct names, valid resident ID numbers matching their sex, and 139 phones', () => {
		const unitOf = (index: number) => `单位${index % 5}`;
		const people = generatePeople(115, 115, unitOf);
		expect(generatePeople(115, 115, unitOf)).toEqual(people);
		expect(new Set(people.map((person) => person.name)).size).toBe(115);
		expect(new Set(people.map((person) => person.idNumber)).size).toBe(115);
		for (const person of people) {
			const check = checkIdNumber('resident_id', person.idNumber, '2026-12-01');
			expect(check).toMatchObject({ ok: true, gender: person.gender });
			expect(person.phone).toMatch(/^139\d{8}$/);
			expect(person.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
		}
	});

	it('give any birth date and sequence a number whose check character verifies', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1950, max: 2005 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.nat(), fc.boolean(), (year, month, day, sequence, male) => {
				const gender = male ? 'male' : 'female';
				expect(checkIdNumber('resident_id', residentIdNumber({ year, month, day }, sequence, gender), '2026-12-01')).toMatchObject({ ok: true, gender });
			})
		);
	});
});
