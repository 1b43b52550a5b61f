import type { CompetitionRow } from '../competitions/competition-service';
import type { EventRow, RoundRow } from '../competitions/structure-service';
import type { SchemeVersionRow } from '../competitions/scheme-service';

export function toApiCompetition(row: CompetitionRow) {
	const { id, kind, title, organiser, startsOn, endsOn, venue, description, slug, status } = row;
	return { id, kind, title, organiser, startsOn, endsOn, venue, description, slug, status, updatedAt: row.updatedAt.toISOString() };
}

export function toApiEvent(row: EventRow) {
	const { id, competitionId, name, participation, capacity, position } = row;
	return { id, competitionId, name, participation, capacity, position };
}

export function toApiRound(row: RoundRow) {
	const { id, eventId, name, position, blind } = row;
	return { id, eventId, name, position, blind };
}

export function toApiSchemeVersion(row: SchemeVersionRow) {
	return { version: row.version, scheme: row.scheme, reason: row.reason, savedBy: row.createdByName, savedAt: row.updatedAt.toISOString() };
}
