import { m } from '$lib/paraglide/messages.js';
import type { NamedRow } from './editor-model';

// Choices of the editor's selects, in the page's language.

export const sourceOptions = () =>
	[
		{ value: 'judges', label: m.scheme_editor_source_judges() },
		{ value: 'entered', label: m.scheme_editor_source_entered() },
		{ value: 'public_vote', label: m.scheme_editor_source_public_vote() }
	] as const;

export const aggregationOptions = () =>
	[
		{ value: 'mean', label: m.scheme_editor_method_mean() },
		{ value: 'trimmed_mean', label: m.scheme_editor_method_trimmed_mean() },
		{ value: 'median', label: m.scheme_editor_method_median() }
	] as const;

export const levelOptions = () =>
	[
		{ value: 'judge_total', label: m.scheme_editor_level_judge_total() },
		{ value: 'criterion', label: m.scheme_editor_level_criterion() }
	] as const;

export const normalisationOptions = () =>
	[
		{ value: 'top', label: m.scheme_editor_normalisation_top() },
		{ value: 'share', label: m.scheme_editor_normalisation_share() }
	] as const;

export const tierLimitOptions = () =>
	[
		{ value: 'count', label: m.scheme_editor_tier_limit_count() },
		{ value: 'share', label: m.scheme_editor_tier_limit_share() },
		{ value: 'none', label: m.scheme_editor_tier_limit_none() }
	] as const;

export const advancementOptions = () =>
	[
		{ value: 'none', label: m.scheme_editor_advancement_none() },
		{ value: 'top', label: m.scheme_editor_advancement_top() },
		{ value: 'top_share', label: m.scheme_editor_advancement_top_share() },
		{ value: 'minimum_total', label: m.scheme_editor_advancement_minimum_total() }
	] as const;

export const teamMethodOptions = () =>
	[
		{ value: 'sum', label: m.scheme_editor_team_method_sum() },
		{ value: 'mean', label: m.scheme_editor_team_method_mean() }
	] as const;

/** A row's name in the page's language, falling back to the other language, the key, then "(unnamed)". */
export function rowName(row: NamedRow, locale: string): string {
	const [first, second] = locale === 'en' ? [row.en, row.zh] : [row.zh, row.en];
	return first.trim() || second.trim() || row.key.trim() || m.scheme_editor_unnamed();
}
