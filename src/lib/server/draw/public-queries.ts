import type { Db } from '../db/client';
import type { DrawnPlace } from '$lib/domain/draw/shuffle';
import type { DrawStage } from './draw-queries';

// What anyone may see of a competition's draw, found by its public address: numbers and entry ids,
// never a person. No organisation id here: the slug is unique across the platform.

export interface PublicCompetition {
	organisationId: string;
	id: string;
	slug: string;
	title: string;
}

/** A competition the public may see (anything past its draft). */
export async function findPublicCompetition(db: Db, slug: string): Promise<PublicCompetition | undefined> {
	const [row] = await db<PublicCompetition[]>`
		select organisation_id, id, slug, title from competition where slug = ${slug} and status <> 'draft'`;
	return row;
}

export interface PublicDrawRow {
	roundId: string;
	eventName: string;
	roundName: string;
	stage: DrawStage;
	seedHash: string;
	entriesDigest: string;
	entryIds: string[];
	stationLabels: string[];
	committedAt: Date;
	ranAt: Date | null;
	result: DrawnPlace[] | null;
	revealedAt: Date | null;
	seed: string | null;
}

export function listPublicDraws(db: Db, competition: PublicCompetition): Promise<PublicDrawRow[]> {
	return db<PublicDrawRow[]>`
		select d.round_id, e.name as event_name, r.name as round_name, d.stage, d.seed_hash, d.entries_digest, d.entry_ids,
			d.station_labels, d.committed_at, d.ran_at, d.result, d.revealed_at, d.seed
		from draw d join round r on r.id = d.round_id join event e on e.id = r.event_id
		where d.organisation_id = ${competition.organisationId} and e.competition_id = ${competition.id}
		order by e.position, r.position, d.stage`;
}
