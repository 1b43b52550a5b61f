import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isConflicted, normaliseUnit, recusals, sameUnit, CONFLICT_KINDS, type DeclaredConflict } from './conflicts';

describe('normaliseUnit and sameUnit', () => {
	it('treats full-width and half-width letters, digits and spaces alike, ignoring case and outer spaces', () => {
		expect(normaliseUnit('  ＡＢＣ机械厂　１号车间 ')).toBe('abc机械厂 1号车间');
		expect(sameUnit('县第一机械厂', ' 县第一机械厂　')).toBe(true);
		expect(sameUnit('Acme Works', 'ＡＣＭＥ　works')).toBe(true);
		expect(sameUnit('县第一机械厂', '县第二机械厂')).toBe(false);
	});

	it('never matches an empty unit', () => {
		expect(sameUnit('', '')).toBe(false);
		expect(sameUnit('   ', '　')).toBe(false);
	});
});

describe('recusals', () => {
	const judges = [
		{ id: 'j1', unit: '县第一机械厂' },
		{ id: 'j2', unit: '县职业技术学校' }
	];
	const entries = [
		{ id: 'e1', units: ['县第一机械厂'] },
		{ id: 'e2', units: ['县电力公司'] },
		{ id: 'e3', units: ['县纺织厂', '县职业技术学校'] }
	];

	it('makes a judge stand aside for entries of their own unit, a team member’s unit included', () => {
		expect(recusals(judges, entries, [])).toEqual([
			{ judgeId: 'j1', entryId: 'e1', reason: 'same_unit' },
			{ judgeId: 'j2', entryId: 'e3', reason: 'same_unit' }
		]);
	});

	it('adds declared conflicts, each reason once, and ignores pairs outside the round', () => {
		const declared = [
			{ judgeId: 'j2', entryId: 'e2', kind: 'relative' as const },
			{ judgeId: 'j1', entryId: 'e1', kind: 'teacher_apprentice' as const },
			{ judgeId: 'j1', entryId: 'e1', kind: 'teacher_apprentice' as const },
			{ judgeId: 'j9', entryId: 'e1', kind: 'other' as const }
		];
		expect(recusals(judges, entries, declared)).toEqual([
			{ judgeId: 'j1', entryId: 'e1', reason: 'same_unit' },
			{ judgeId: 'j1', entryId: 'e1', reason: 'teacher_apprentice' },
			{ judgeId: 'j2', entryId: 'e2', reason: 'relative' },
			{ judgeId: 'j2', entryId: 'e3', reason: 'same_unit' }
		]);
		expect(isConflicted(judges[1]!, entries[1]!, declared)).toBe(true);
		expect(isConflicted(judges[1]!, entries[0]!, declared)).toBe(false);
	});
});

describe('recusals, properties', () => {
	const unit = fc.constantFrom('一厂', '二厂', 'Ａ厂', 'a厂', ' 一厂 ', '');
	const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, index) => `${prefix}${index}`);
	const world = fc.record({ judgeUnits: fc.array(unit, { maxLength: 5 }), entryUnits: fc.array(fc.array(unit, { minLength: 1, maxLength: 3 }), { maxLength: 6 }) }).chain(({ judgeUnits, entryUnits }) => {
		const judges = ids('j', judgeUnits.length).map((id, index) => ({ id, unit: judgeUnits[index]! }));
		const entries = ids('e', entryUnits.length).map((id, index) => ({ id, units: entryUnits[index]! }));
		const declared: fc.Arbitrary<DeclaredConflict[]> = judges.length && entries.length
			? fc.array(fc.record({ judgeId: fc.constantFrom(...judges.map((j) => j.id)), entryId: fc.constantFrom(...entries.map((e) => e.id)), kind: fc.constantFrom(...CONFLICT_KINDS) }), { maxLength: 8 })
			: fc.constant<DeclaredConflict[]>([]);
		return fc.record({ judges: fc.constant(judges), entries: fc.constant(entries), declared });
	});

	it('a pair stands aside exactly when a unit matches or a conflict was declared for it', () => {
		fc.assert(
			fc.property(world, ({ judges, entries, declared }) => {
				const found = recusals(judges, entries, declared);
				for (const judge of judges) {
					for (const entry of entries) {
						const expected = entry.units.some((u) => sameUnit(judge.unit, u)) || declared.some((d) => d.judgeId === judge.id && d.entryId === entry.id);
						expect(found.some((r) => r.judgeId === judge.id && r.entryId === entry.id)).toBe(expected);
						expect(isConflicted(judge, entry, declared)).toBe(expected);
					}
				}
			})
		);
	});

	it('never lists a reason twice for a pair, and is unchanged by the order of declarations', () => {
		fc.assert(
			fc.property(world, ({ judges, entries, declared }) => {
				const found = recusals(judges, entries, declared);
				const keys = found.map((r) => `${r.judgeId}/${r.entryId}/${r.reason}`);
				expect(new Set(keys).size).toBe(keys.length);
				expect(recusals(judges, entries, [...declared].reverse())).toEqual(found);
			})
		);
	});

	it('normalising is idempotent and sameUnit is symmetric', () => {
		fc.assert(
			fc.property(fc.string(), fc.string(), (a, b) => {
				expect(normaliseUnit(normaliseUnit(a))).toBe(normaliseUnit(a));
				expect(sameUnit(a, b)).toBe(sameUnit(b, a));
			})
		);
	});
});
