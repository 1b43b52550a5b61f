import { m } from '$lib/paraglide/messages.js';
import { formatHundredths } from '$lib/domain/entered/hundredths';

export const numberLabel = (number: number | null): string => (number === null ? m.entered_no_number() : m.entered_entry_number({ number }));

export const points = (value: number): string => formatHundredths(value);

export function sourceLabel(source: 'double_entry' | 'import' | 'api'): string {
	return { double_entry: m.entered_source_double_entry, import: m.entered_source_import, api: m.entered_source_api }[source]();
}

export function keyingStateLabel(state: 'none' | 'awaiting_second' | 'disagreement'): string {
	return state === 'awaiting_second' ? m.entered_state_awaiting_second() : state === 'disagreement' ? m.entered_state_disagreement() : '';
}

export function keyingResultMessage(result: 'awaiting_second' | 'stored' | 'disagreement'): string {
	return { awaiting_second: m.entered_result_awaiting_second, stored: m.entered_result_stored, disagreement: m.entered_result_disagreement }[result]();
}
