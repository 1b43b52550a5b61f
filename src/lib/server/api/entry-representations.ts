import type { MaskedMember } from '../screening/screening-service';
import type { EntryListRow } from '../screening/entry-list-queries';
import type { DecisionRow, EntryDetailRow, AttachmentRow } from '../screening/screening-queries';

// What the API says of entries: ID numbers and phones masked; the full numbers only at /id-number.

export function toApiEntry(row: EntryListRow & { members: MaskedMember[] }, approvalsNeeded: number) {
	return {
		id: row.id,
		eventId: row.eventId,
		eventName: row.eventName,
		teamName: row.teamName,
		unit: row.unit,
		status: row.status,
		statusReason: row.statusReason,
		source: row.source,
		approvals: row.approvals,
		approvalsNeeded,
		extra: row.extra,
		createdAt: row.createdAt.toISOString(),
		members: row.members
	};
}

export function toApiEntryDetail(detail: { entry: EntryDetailRow; members: MaskedMember[]; attachments: AttachmentRow[]; decisions: DecisionRow[]; approvals: number; approvalsNeeded: number }) {
	const { entry } = detail;
	return {
		id: entry.id,
		competitionId: entry.competitionId,
		eventId: entry.eventId,
		eventName: entry.eventName,
		teamName: entry.teamName,
		unit: entry.unit,
		status: entry.status,
		statusReason: entry.statusReason,
		source: entry.source,
		approvals: detail.approvals,
		approvalsNeeded: detail.approvalsNeeded,
		extra: entry.extra,
		consentedAt: entry.consentedAt?.toISOString() ?? null,
		consentVersion: entry.consentVersion,
		createdAt: entry.createdAt.toISOString(),
		members: detail.members,
		attachments: detail.attachments,
		decisions: detail.decisions.map((row) => ({ reviewer: row.reviewerLabel, decision: row.decision, reason: row.reason, counted: row.counted, createdAt: row.createdAt.toISOString() }))
	};
}
