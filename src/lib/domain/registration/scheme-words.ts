import { formatHundredths, type Labels, type Scheme, type TierLimit } from '$lib/domain/scoring';

/**
 * A marking scheme as the public reads it: each part's name and weight, the judged criteria with
 * their marks, and the award tiers. Plain data; the page puts it into sentences in the reader's language.
 */
export interface SchemeInWords {
	components: { label: string; weightPercent: string; source: 'judges' | 'entered' | 'public_vote'; criteria: { label: string; marks: string }[] }[];
	tiers: { label: string; limit: TierLimit; minimumTotal: string | null }[];
}

function labelOf(row: { key: string; label?: Labels }, locale: 'zh-CN' | 'en'): string {
	return row.label?.[locale] || row.label?.['zh-CN'] || row.label?.en || row.key;
}

export function schemeInWords(scheme: Scheme, locale: 'zh-CN' | 'en'): SchemeInWords {
	return {
		components: scheme.components.map((component) => ({
			label: labelOf(component, locale),
			weightPercent: formatHundredths(component.weight).replace(/\.00$/, ''),
			source: component.source,
			criteria: component.source === 'judges' ? component.criteria.map((criterion) => ({ label: labelOf(criterion, locale), marks: formatHundredths(criterion.max).replace(/\.00$/, '') })) : []
		})),
		tiers: (scheme.tiers ?? []).map((tier) => ({
			label: labelOf(tier, locale),
			limit: tier.limit,
			minimumTotal: tier.minimumTotal === undefined ? null : formatHundredths(tier.minimumTotal).replace(/\.00$/, '')
		}))
	};
}
