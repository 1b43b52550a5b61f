import { toSheetState as sheetStateOf } from '../sheets/sheet-queries';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import type { Scheme } from '$lib/domain/scoring';
import type { RoundSheetRow } from './queries';
import type { ControlledRoundRow } from './queries';
import type { SheetState } from '$lib/realtime/events';

/** An entry as the head judge names it: by number only (a blind round never names anyone). */
export function entryInWords(number: number | null): string {
	return number === null ? m.headjudge_entry_unnumbered() : m.headjudge_entry_number({ number });
}

export function componentInWords(scheme: Scheme | undefined, key: string): string {
	const component = scheme?.components.find((candidate) => candidate.key === key);
	return component?.label?.[getLocale()] ?? key;
}

/** "数控车工 · 决赛 · 101号 · 王五 · 实际操作": what an audit row about one sheet is about. */
export function sheetInWords(round: Pick<ControlledRoundRow, 'eventName' | 'name'>, parts: { number: number | null; judgeName: string; component?: string }): string {
	return [round.eventName, round.name, entryInWords(parts.number), parts.judgeName, parts.component].filter(Boolean).join(' · ');
}

export function toSheetState(roundId: string, row: RoundSheetRow): SheetState {
	return sheetStateOf({ ...row, roundId });
}
