import { canChangeStructure, isClosed } from '$lib/domain/competition/lifecycle';
import { DomainError } from '../domain-error';
import type { Db } from '../db/client';
import type { OrgActor } from '../auth/actor';
import { getCompetition, type CompetitionRow } from './competition-queries';
import { getEvent, getRound, type RoundRow } from './structure-queries';

/** The competition of this organisation, or not_found (another organisation's id looks the same as none). */
export async function loadCompetition(db: Db, actor: OrgActor, id: string, forUpdate = false): Promise<CompetitionRow> {
	const competition = await getCompetition(db, actor.organisation.id, id, forUpdate);
	if (!competition) throw new DomainError('not_found');
	return competition;
}

export async function loadRound(db: Db, actor: OrgActor, id: string): Promise<RoundRow> {
	const round = await getRound(db, actor.organisation.id, id);
	if (!round) throw new DomainError('not_found');
	return round;
}

/** A round in words, for the audit log: "数控车工 · 决赛". */
export async function describeRound(db: Db, actor: OrgActor, round: Pick<RoundRow, 'eventId' | 'name'>): Promise<string> {
	const event = await getEvent(db, actor.organisation.id, round.eventId);
	return event ? `${event.name} · ${round.name}` : round.name;
}

export function requireStructureEditable(competition: Pick<CompetitionRow, 'status'>): void {
	if (!canChangeStructure(competition.status)) throw new DomainError('structure_frozen', { status: competition.status });
}

export function requireNotClosed(competition: Pick<CompetitionRow, 'status'>): void {
	if (isClosed(competition.status)) throw new DomainError('competition_closed');
}
