/**
 * Conflicts of interest between judges and entries. A judge stands aside for an entry when they share
 * a unit (单位), compared after normalising the way people type units, or when anyone declared a
 * conflict for the pair. The server enforces the result; this module only decides it.
 */

export const CONFLICT_KINDS = ['same_employer', 'teacher_apprentice', 'relative', 'other'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/** Why a judge stands aside: the automatic same-unit rule, or a declared kind. */
export type RecusalReason = 'same_unit' | ConflictKind;

/**
 * A unit as it is compared: full-width letters, digits and punctuation made half-width (NFKC does this
 * for ＡＢＣ１２３ and the ideographic space), case folded, inner runs of spaces collapsed, ends trimmed.
 */
export function normaliseUnit(unit: string): string {
	return unit.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Two units are the same when their normal forms are equal; an empty unit matches nothing. */
export function sameUnit(a: string, b: string): boolean {
	const left = normaliseUnit(a);
	return left !== '' && left === normaliseUnit(b);
}

export interface JudgeUnit {
	id: string;
	unit: string;
}

export interface EntryUnits {
	id: string;
	/** The entry's unit and, for a team, its members' units: any of them matching makes a conflict. */
	units: string[];
}

export interface DeclaredConflict {
	judgeId: string;
	entryId: string;
	kind: ConflictKind;
}

export interface Recusal {
	judgeId: string;
	entryId: string;
	reason: RecusalReason;
}

/**
 * Every (judge, entry) pair where the judge must stand aside, each with all its reasons: the same-unit
 * rule first, then declared kinds in the order of CONFLICT_KINDS. Pairs of judges or entries outside
 * the lists given are ignored.
 */
export function recusals(judges: JudgeUnit[], entries: EntryUnits[], declared: DeclaredConflict[]): Recusal[] {
	const found = new Map<string, Map<string, Set<RecusalReason>>>();
	const add = (judgeId: string, entryId: string, reason: RecusalReason) => {
		const ofJudge = found.get(judgeId) ?? new Map<string, Set<RecusalReason>>();
		found.set(judgeId, ofJudge);
		const reasons = ofJudge.get(entryId) ?? new Set<RecusalReason>();
		ofJudge.set(entryId, reasons);
		reasons.add(reason);
	};
	// Each unit normalised once (a 1,000-entry round with 7 judges compared 14,000 normal forms).
	const entriesByUnit = new Map<string, string[]>();
	for (const entry of entries) {
		for (const unit of new Set(entry.units.map(normaliseUnit))) {
			if (unit === '') continue;
			const sharing = entriesByUnit.get(unit);
			if (sharing) sharing.push(entry.id);
			else entriesByUnit.set(unit, [entry.id]);
		}
	}
	for (const judge of judges) {
		for (const entryId of entriesByUnit.get(normaliseUnit(judge.unit)) ?? []) add(judge.id, entryId, 'same_unit');
	}
	const judgeIds = new Set(judges.map((judge) => judge.id));
	const entryIds = new Set(entries.map((entry) => entry.id));
	for (const conflict of declared) {
		if (judgeIds.has(conflict.judgeId) && entryIds.has(conflict.entryId)) add(conflict.judgeId, conflict.entryId, conflict.kind);
	}
	const order: RecusalReason[] = ['same_unit', ...CONFLICT_KINDS];
	const result: Recusal[] = [];
	for (const judge of judges) {
		const ofJudge = found.get(judge.id);
		if (!ofJudge) continue;
		for (const entry of entries) {
			const reasons = ofJudge.get(entry.id);
			if (!reasons) continue;
			for (const reason of order) if (reasons.has(reason)) result.push({ judgeId: judge.id, entryId: entry.id, reason });
		}
	}
	return result;
}

/** Whether the judge must stand aside for the entry. */
export function isConflicted(judge: JudgeUnit, entry: EntryUnits, declared: DeclaredConflict[]): boolean {
	return recusals([judge], [entry], declared).length > 0;
}
