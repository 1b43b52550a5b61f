import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { formatHundredths, type EntryFlag, type Labels } from '$lib/domain/scoring';
import type { CellState } from '$lib/domain/round-control/matrix';

export const localLabel = (labels: Labels | null | undefined, fallback: string): string => labels?.[getLocale()] ?? fallback;

export const entryLabel = (number: number | null): string => (number === null ? m.headjudge_entry_unnumbered() : m.headjudge_entry_number({ number }));

export const points = (value: number | null | undefined): string => (value === null || value === undefined ? '—' : formatHundredths(value));

export const cellStateLabel = (state: CellState): string =>
	({
		not_started: m.headjudge_state_not_started,
		draft: m.headjudge_state_draft,
		submitted: m.headjudge_state_submitted,
		returned: m.headjudge_state_returned,
		locked: m.headjudge_state_locked,
		stood_aside: m.headjudge_state_stood_aside,
		absent: m.headjudge_state_absent
	})[state]();

/** Colours that read on white at AA contrast; the words carry the meaning, the colour only helps. */
export const cellStateClass = (state: CellState): string =>
	({
		not_started: 'bg-stone-100 text-stone-700',
		draft: 'bg-amber-50 text-amber-900',
		submitted: 'bg-emerald-50 text-emerald-900',
		returned: 'bg-red-50 text-red-800',
		locked: 'bg-sky-50 text-sky-900',
		stood_aside: 'bg-stone-50 text-stone-600',
		absent: 'bg-stone-50 text-stone-600'
	})[state];

export function flagText(flag: EntryFlag, componentName: (key: string) => string, judgeName: (id: string) => string): string {
	switch (flag.code) {
		case 'spread_over_threshold':
			return flag.criterion ? m.headjudge_flag_spread_criterion({ component: componentName(flag.component), criterion: flag.criterion }) : m.headjudge_flag_spread({ component: componentName(flag.component) });
		case 'incomplete_sheet':
			return m.headjudge_flag_incomplete({ judge: judgeName(flag.judgeId) });
		case 'no_complete_sheet':
			return m.headjudge_flag_no_complete({ component: componentName(flag.component) });
		case 'missing_entered_value':
			return m.headjudge_flag_missing_entered({ component: componentName(flag.component) });
		case 'invalid_entered_value':
			return m.headjudge_flag_invalid_entered({ component: componentName(flag.component) });
		case 'tier_over_count':
			return m.headjudge_flag_tier_over();
	}
}

/** A matrix cell the head judge clicked: the return and absence forms choose its entry, judge and component. */
export interface CellPick {
	entryId: string;
	judgeId: string;
	componentKey: string;
}
