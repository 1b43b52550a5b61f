import { db } from '../db/client';
import { DomainError } from '../domain-error';
import { listLatestSchemes } from '../competitions/scheme-queries';
import { listRoundsOfCompetition } from '../competitions/structure-queries';
import { schemeInWords, type SchemeInWords } from '$lib/domain/registration/scheme-words';
import { findPublicCompetitionBySlug, type PublicCompetitionRow } from './public-queries';
import { countEntriesByStatus } from '../screening/entry-list-queries';
import { countPlaces, listExtraFieldDefinitions, listRegistrationEvents, type RegistrationEvent } from './entry-queries';
import { registrationOpenFor } from './entry-checks';
import type { ExtraFieldDefinition } from '$lib/domain/registration/extra-fields';

export interface PublicEvent extends RegistrationEvent {
	placesTaken: number;
	rounds: { id: string; name: string; rules: SchemeInWords | null }[];
}

export interface PublicCompetition {
	competition: PublicCompetitionRow;
	events: PublicEvent[];
	counts: { applied: number; approved: number; waitlisted: number; rejected: number };
	registrationOpen: boolean;
}

/** The competition behind a public address, or not_found (unknown slug, or still a draft). */
export async function findCompetitionForPublic(slug: string): Promise<PublicCompetitionRow> {
	const competition = await findPublicCompetitionBySlug(db(), slug);
	if (!competition) throw new DomainError('not_found');
	return competition;
}

export function isRegistrationOpen(competition: Pick<PublicCompetitionRow, 'id' | 'title' | 'kind' | 'status' | 'registrationClosesAt' | 'allowMultipleEvents' | 'privacyNoticeVersion'>, now = new Date()): boolean {
	return registrationOpenFor(competition, true, now);
}

/** Everything the public page shows: details, events with their rules in words, the funnel. */
export async function loadPublicCompetition(slug: string, locale: 'zh-CN' | 'en'): Promise<PublicCompetition> {
	const competition = await findCompetitionForPublic(slug);
	const { organisationId, id } = competition;
	const [events, rounds, schemes, places, counts] = await Promise.all([
		listRegistrationEvents(db(), organisationId, id),
		listRoundsOfCompetition(db(), organisationId, id),
		listLatestSchemes(db(), organisationId, id),
		countPlaces(db(), organisationId, id),
		countEntriesByStatus(db(), organisationId, id)
	]);
	const schemeOf = new Map(schemes.map((row) => [row.roundId, row.scheme]));
	const takenOf = new Map(places.map((row) => [row.eventId, row.taken]));
	return {
		competition,
		events: events.map((event) => ({
			...event,
			placesTaken: takenOf.get(event.id) ?? 0,
			rounds: rounds
				.filter((round) => round.eventId === event.id)
				.map((round) => {
					const scheme = schemeOf.get(round.id);
					return { id: round.id, name: round.name, rules: scheme ? schemeInWords(scheme, locale) : null };
				})
		})),
		counts: {
			// Everyone who applied and did not withdraw; "passed screening" are the approved ones.
			applied: (counts.submitted ?? 0) + (counts.approved ?? 0) + (counts.rejected ?? 0) + (counts.waitlisted ?? 0),
			approved: counts.approved ?? 0,
			waitlisted: counts.waitlisted ?? 0,
			rejected: counts.rejected ?? 0
		},
		registrationOpen: isRegistrationOpen(competition)
	};
}

/** The registration form's frame: the competition, the event, and the competition's own fields. */
export async function loadRegistrationFrame(slug: string, eventId: string): Promise<{ competition: PublicCompetitionRow; event: RegistrationEvent; fields: (ExtraFieldDefinition & { position?: number })[]; registrationOpen: boolean }> {
	const competition = await findCompetitionForPublic(slug);
	const [events, fields] = await Promise.all([listRegistrationEvents(db(), competition.organisationId, competition.id), listExtraFieldDefinitions(db(), competition.organisationId, competition.id)]);
	const event = events.find((candidate) => candidate.id === eventId);
	if (!event) throw new DomainError('not_found');
	return { competition, event, fields, registrationOpen: isRegistrationOpen(competition) };
}
