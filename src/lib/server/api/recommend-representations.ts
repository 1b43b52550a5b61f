import type { QuotaRow, EntryEvidence } from '../recommendation/quota-service';
import type { InvitationRow, RecommendationRow, CandidateRow } from '../recommendation/recommendation-service';

// What the upward-recommendation endpoints answer (issue 17): plain JSON, totals in points.

type Placing = { rank: number; rankedCount: number; total: number; tierLabel: string | null; specialAward: string | null; certificateSerial: string | null };

/** What the placing won, as every answer shows it (the schemas' placingFields). */
const placingOf = (row: Placing) => ({
	rank: row.rank,
	rankedCount: row.rankedCount,
	total: row.total / 100,
	tier: row.tierLabel,
	specialAward: row.specialAward,
	certificateSerial: row.certificateSerial
});

export function toApiQuota(row: QuotaRow) {
	return { id: row.id, competitionId: row.competitionId, eventId: row.eventId, eventName: row.eventName, childOrganisation: { slug: row.childOrganisationSlug, name: row.childOrganisationName }, quota: row.quota, used: row.used };
}

export function toApiEvidence(row: EntryEvidence) {
	return {
		recommendationId: row.recommendationId,
		entryId: row.targetEntryId,
		sourceOrganisation: row.sourceOrganisationName,
		sourceCompetition: row.sourceCompetitionTitle,
		sourceEvent: row.sourceEventName,
		...placingOf(row),
		verifyPath: row.certificateCode ? `/verify/${row.certificateCode}` : null,
		note: row.note,
		status: row.status
	};
}

export function toApiInvitation(row: InvitationRow) {
	return {
		id: row.id,
		parentOrganisation: row.parentOrganisationName,
		competitionTitle: row.competitionTitle,
		open: row.competitionStatus === 'registration' || row.competitionStatus === 'screening',
		eventName: row.eventName,
		participation: row.participation,
		quota: row.quota,
		used: row.used
	};
}

export function toApiRecommendation(row: RecommendationRow) {
	return {
		id: row.id,
		quotaId: row.quotaId,
		entryId: row.sourceEntryId,
		resultVersionId: row.sourceResultVersionId,
		holderName: row.holderName,
		competitionTitle: row.sourceCompetitionTitle,
		eventName: row.sourceEventName,
		...placingOf(row),
		note: row.note,
		status: row.status,
		screening: row.targetStatus
	};
}

export function toApiCandidate(row: CandidateRow & { recommended: boolean }) {
	return {
		resultVersionId: row.resultVersionId,
		entryId: row.entryId,
		holderName: row.holderName,
		unit: row.unit,
		competitionTitle: row.competitionTitle,
		eventName: row.eventName,
		roundName: row.roundName,
		...placingOf(row),
		recommended: row.recommended
	};
}
