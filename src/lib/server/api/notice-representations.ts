import type { PublicResults } from '../notice/public-results';
import type { StaffObjection } from '../notice/objections';
import type { AppealView } from '../notice/appeals';

const iso = (value: Date | null) => value?.toISOString() ?? null;

export function toApiPublicResults(results: PublicResults) {
	return {
		competition: results.competition,
		rounds: results.rounds.map((round) => ({
			...round,
			notice: { startsAt: iso(round.notice.startsAt), endsAt: iso(round.notice.endsAt), phase: round.notice.phase },
			objections: round.objections && round.objections.map((objection) => ({ ...objection, createdAt: objection.createdAt.toISOString(), answeredAt: iso(objection.answeredAt) }))
		}))
	};
}

export function toApiObjection(objection: StaffObjection) {
	return {
		id: objection.id,
		roundId: objection.roundId,
		roundLabel: objection.roundLabel,
		resultVersionId: objection.resultVersionId,
		objectorName: objection.objectorName,
		contact: objection.contact,
		body: objection.body,
		attachmentName: objection.attachmentName,
		status: objection.status,
		answer: objection.answer,
		createdAt: objection.createdAt.toISOString(),
		answeredAt: iso(objection.answeredAt)
	};
}

export function toApiAppeal(appeal: AppealView) {
	const side = (placing: AppealView['changes'][number]['before']) => placing && { rank: placing.rank, total: placing.total, tierLabel: placing.tierLabel };
	return {
		id: appeal.id,
		roundId: appeal.roundId,
		roundLabel: appeal.roundLabel,
		entryId: appeal.entryId,
		number: appeal.number,
		body: appeal.body,
		status: appeal.status,
		requiresRescore: appeal.requiresRescore,
		decisionReason: appeal.decisionReason,
		decidedAt: iso(appeal.decidedAt),
		resultVersionId: appeal.resultVersionId,
		rescoredVersionId: appeal.rescoredVersionId,
		createdAt: appeal.createdAt.toISOString(),
		changes: appeal.changes.map((change) => ({ entryId: change.entryId, number: change.number, before: side(change.before), after: side(change.after) }))
	};
}
