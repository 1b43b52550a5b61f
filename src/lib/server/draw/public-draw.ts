import type { DrawnPlace } from '$lib/domain/draw/shuffle';
import { db } from '../db/client';
import { DomainError } from '../domain-error';
import type { DrawStage } from './draw-queries';
import { findPublicCompetition, listPublicDraws, type PublicDrawRow } from './public-queries';

export interface PublicDrawStage {
	stage: DrawStage;
	commitment: string;
	entriesDigest: string;
	entryIds: string[];
	stationLabels: string[];
	committedAt: string;
	ranAt: string | null;
	revealedAt: string | null;
	seed: string | null;
	/** The places drawn, by entry id (numbers only); marking numbers only once revealed. */
	result: DrawnPlace[] | null;
}

export interface PublicDraw {
	competition: { slug: string; title: string };
	algorithm: 'jiangxin-draw-v1';
	rounds: { roundId: string; event: string; round: string; stages: PublicDrawStage[] }[];
}

function toPublicStage(row: PublicDrawRow): PublicDrawStage {
	// Marking numbers (stage 3) unblind the judging: published with the seed, after the scores are locked.
	const result = row.stage === 3 && !row.revealedAt ? null : row.result;
	return {
		stage: row.stage,
		commitment: row.seedHash,
		entriesDigest: row.entriesDigest,
		entryIds: row.entryIds,
		stationLabels: row.stationLabels,
		committedAt: row.committedAt.toISOString(),
		ranAt: row.ranAt?.toISOString() ?? null,
		revealedAt: row.revealedAt?.toISOString() ?? null,
		seed: row.seed,
		result: result && result.map(({ entryId, value, station }) => ({ entryId, value, ...(station ? { station } : {}) }))
	};
}

/** Everything public about a competition's draw: commitments, times, revealed seeds, numbers by entry id. */
export async function getPublicDraw(slug: string): Promise<PublicDraw> {
	const competition = await findPublicCompetition(db(), slug);
	if (!competition) throw new DomainError('not_found');
	const rounds: PublicDraw['rounds'] = [];
	for (const row of await listPublicDraws(db(), competition)) {
		let round = rounds.find((item) => item.roundId === row.roundId);
		if (!round) rounds.push((round = { roundId: row.roundId, event: row.eventName, round: row.roundName, stages: [] }));
		round.stages.push(toPublicStage(row));
	}
	return { competition: { slug: competition.slug, title: competition.title }, algorithm: 'jiangxin-draw-v1', rounds };
}
