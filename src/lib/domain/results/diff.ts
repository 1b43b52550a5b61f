import type { ComponentBreakdown, EntryResult } from '../scoring';
import { canonicalJson } from './canonical';
import type { StoredResult } from './stored-result';

export interface Change<T> {
	from: T;
	to: T;
}

/** Why an entry's numbers moved, read from the two breakdowns: the rows that differ. */
export interface ChangeReasons {
	/** A judge's sheet for a component that was added, removed or has other marks. */
	sheets: { componentKey: string; judgeId: string; change: 'added' | 'removed' | 'changed' }[];
	deductions: { componentKey: string; itemKey: string; from: number; to: number }[];
	entered: { componentKey: string; from: number | null; to: number | null }[];
	votes: { componentKey: string; from: number; to: number }[];
}

export interface EntryDiff {
	entryId: string;
	number: number | null;
	/** In one version only (an entry added to or withdrawn from the round). */
	presence: 'both' | 'added' | 'removed';
	total: Change<number | null> | null;
	rank: Change<number | null> | null;
	tier: Change<string | null> | null;
	specialAward: Change<string | null> | null;
	advances: Change<boolean> | null;
	components: ({ componentKey: string } & Change<number | null>)[];
	why: ChangeReasons;
}

export interface ResultDiff {
	/** Entries whose published numbers or inputs differ, by their rank in the newer version. */
	entries: EntryDiff[];
	/** Whether the scheme itself differs between the two versions. */
	schemeChanged: boolean;
}

const changed = <T>(from: T, to: T): Change<T> | null => (from === to ? null : { from, to });

function reasons(from: EntryResult | undefined, to: EntryResult | undefined): ChangeReasons {
	const why: ChangeReasons = { sheets: [], deductions: [], entered: [], votes: [] };
	const before = new Map((from?.breakdown.components ?? []).map((component) => [component.key, component]));
	const after = new Map((to?.breakdown.components ?? []).map((component) => [component.key, component]));
	for (const key of new Set([...before.keys(), ...after.keys()])) compareComponent(key, before.get(key), after.get(key), why);
	return why;
}

function compareComponent(key: string, before: ComponentBreakdown | undefined, after: ComponentBreakdown | undefined, why: ChangeReasons): void {
	const source = before?.source ?? after?.source;
	if (source === 'judges') {
		const a = before?.source === 'judges' ? before : undefined;
		const b = after?.source === 'judges' ? after : undefined;
		const sheetsA = new Map((a?.sheets ?? []).map((sheet) => [sheet.judgeId, canonicalJson(sheet.scores)]));
		const sheetsB = new Map((b?.sheets ?? []).map((sheet) => [sheet.judgeId, canonicalJson(sheet.scores)]));
		for (const judgeId of [...new Set([...sheetsA.keys(), ...sheetsB.keys()])].sort()) {
			const x = sheetsA.get(judgeId);
			const y = sheetsB.get(judgeId);
			if (x === y) continue;
			why.sheets.push({ componentKey: key, judgeId, change: x === undefined ? 'added' : y === undefined ? 'removed' : 'changed' });
		}
		const countsA = new Map((a?.deductions ?? []).map((item) => [item.item, item.count]));
		const countsB = new Map((b?.deductions ?? []).map((item) => [item.item, item.count]));
		for (const itemKey of [...new Set([...countsA.keys(), ...countsB.keys()])].sort()) {
			const x = countsA.get(itemKey) ?? 0;
			const y = countsB.get(itemKey) ?? 0;
			if (x !== y) why.deductions.push({ componentKey: key, itemKey, from: x, to: y });
		}
	} else if (source === 'entered') {
		const x = before?.source === 'entered' ? before.entered : null;
		const y = after?.source === 'entered' ? after.entered : null;
		if (x !== y) why.entered.push({ componentKey: key, from: x, to: y });
	} else if (source === 'public_vote') {
		const x = before?.source === 'public_vote' ? before.votes : 0;
		const y = after?.source === 'public_vote' ? after.votes : 0;
		if (x !== y) why.votes.push({ componentKey: key, from: x, to: y });
	}
}

const hasReasons = (why: ChangeReasons) => why.sheets.length + why.deductions.length + why.entered.length + why.votes.length > 0;

/**
 * What differs between two stored results, entry by entry: every published number (total, each
 * component, rank, tier, special award, advancement) and why — which judges' sheets, deduction
 * counts, entered values and vote counts differ in the breakdowns. Entries where nothing differs are left out.
 */
export function diffStoredResults(from: StoredResult, to: StoredResult): ResultDiff {
	const before = new Map(from.result.entries.map((entry) => [entry.entryId, entry]));
	const after = new Map(to.result.entries.map((entry) => [entry.entryId, entry]));
	const awardsA = new Map(from.specialAwards.map((award) => [award.entryId, award.title]));
	const awardsB = new Map(to.specialAwards.map((award) => [award.entryId, award.title]));
	const order = [...to.result.entries.map((entry) => entry.entryId), ...from.result.entries.map((entry) => entry.entryId).filter((id) => !after.has(id))];
	const entries: EntryDiff[] = [];
	for (const entryId of order) {
		const a = before.get(entryId);
		const b = after.get(entryId);
		const componentKeys = [...new Set([...Object.keys(a?.components ?? {}), ...Object.keys(b?.components ?? {})])];
		const diff: EntryDiff = {
			entryId,
			number: to.numbers[entryId] ?? from.numbers[entryId] ?? null,
			presence: a && b ? 'both' : b ? 'added' : 'removed',
			total: changed(a?.total ?? null, b?.total ?? null),
			rank: changed(a?.rank ?? null, b?.rank ?? null),
			tier: changed(a?.tier ?? null, b?.tier ?? null),
			specialAward: changed(awardsA.get(entryId) ?? null, awardsB.get(entryId) ?? null),
			advances: changed(a?.advances ?? false, b?.advances ?? false),
			components: componentKeys
				.map((componentKey) => ({ componentKey, from: a?.components[componentKey] ?? null, to: b?.components[componentKey] ?? null }))
				.filter((change) => change.from !== change.to),
			why: reasons(a, b)
		};
		const numbersMoved = diff.total || diff.rank || diff.tier || diff.specialAward || diff.advances || diff.components.length > 0;
		if (diff.presence !== 'both' || numbersMoved || hasReasons(diff.why)) entries.push(diff);
	}
	return { entries, schemeChanged: canonicalJson(from.scheme) !== canonicalJson(to.scheme) };
}
