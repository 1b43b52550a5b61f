/** The evidence kept with a recommendation, which the parent's screening shows beside the entry (issue 17). */
export interface Evidence {
	sourceOrganisationName: string;
	sourceCompetitionTitle: string;
	sourceEventName: string;
	rank: number;
	rankedCount: number;
	/** Hundredths of a point. */
	total: number;
	tierLabel: string | null;
	specialAward: string | null;
	certificateSerial: string | null;
	certificateCode: string | null;
	note: string;
}

/** One line for a list: "推荐自 某县总工会 · 第 3/12 名 · 工匠". */
export function evidenceAward(evidence: Pick<Evidence, 'tierLabel' | 'specialAward'>, separator: string): string {
	return [evidence.tierLabel, evidence.specialAward].filter(Boolean).join(separator);
}
