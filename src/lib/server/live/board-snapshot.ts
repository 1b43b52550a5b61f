import { db, type Tx } from '../db/client';
import { listLatestSchemes } from '../competitions/scheme-queries';
import { recusalsForRound } from '../judging/conflicts';
import { roundProgress } from '$lib/domain/live/progress';
import type { BoardSnapshot } from '$lib/realtime/events';
import { getBoardCompetition, listAbsences, listBoardEntries, listBoardRounds, listReceivedSheets, listScoringSeats } from './board-queries';
import { provisionalStandings } from './standings';

/** Rounds appear on the board while the competition is being judged and reviewed; the reveal is later. */
const BOARD_STATUSES = new Set(['judging', 'review']);

/**
 * The board's whole state for one competition, read in one repeatable-read transaction so progress and
 * standings agree. `sequence` is the database's clock (µs) when that snapshot was taken: every process
 * shares it, so a viewer can drop a snapshot older than the one it shows, whichever process sent it.
 */
export async function buildBoardSnapshot(organisationId: string, competitionId: string): Promise<BoardSnapshot> {
	return db().begin('isolation level repeatable read read only', async (tx) => {
		const [clock] = await tx<{ sequence: string; generatedAt: Date }[]>`
			select (extract(epoch from clock_timestamp()) * 1000000)::bigint::text as sequence, clock_timestamp() as generated_at`;
		const snapshot: BoardSnapshot = { competitionId, sequence: Number(clock!.sequence), generatedAt: clock!.generatedAt.toISOString(), rounds: [] };
		const competition = await getBoardCompetition(tx, organisationId, competitionId);
		if (!competition || !BOARD_STATUSES.has(competition.status)) return snapshot;
		snapshot.rounds = await boardRounds(tx, organisationId, competitionId);
		return snapshot;
	}) as Promise<BoardSnapshot>;
}

async function boardRounds(tx: Tx, organisationId: string, competitionId: string): Promise<BoardSnapshot['rounds']> {
	const rounds = await listBoardRounds(tx, organisationId, competitionId);
	if (rounds.length === 0) return [];
	const roundIds = rounds.map((round) => round.roundId);
	const [entries, seats, received, absences, schemes] = await Promise.all([
		listBoardEntries(tx, organisationId, roundIds),
		listScoringSeats(tx, organisationId, roundIds),
		listReceivedSheets(tx, organisationId, roundIds),
		listAbsences(tx, organisationId, roundIds),
		listLatestSchemes(tx, organisationId, competitionId)
	]);
	const ofRound = <T extends { roundId: string }>(rows: T[], roundId: string) => rows.filter((row) => row.roundId === roundId);
	const result: BoardSnapshot['rounds'] = [];
	for (const round of rounds) {
		const scheme = schemes.find((row) => row.roundId === round.roundId)?.scheme;
		const roundEntries = ofRound(entries, round.roundId);
		const recusals = await recusalsForRound(tx, organisationId, round.roundId);
		const progress = roundProgress({
			entries: roundEntries,
			scoringJudgeIds: ofRound(seats, round.roundId).map((seat) => seat.judgeId),
			componentKeys: (scheme?.components ?? []).filter((component) => component.source === 'judges').map((component) => component.key),
			excused: [...recusals, ...ofRound(absences, round.roundId)],
			received: ofRound(received, round.roundId)
		});
		const shown: BoardSnapshot['rounds'][number] = {
			roundId: round.roundId,
			eventId: round.eventId,
			eventName: round.eventName,
			roundName: round.roundName,
			lockedAt: round.lockedAt?.toISOString() ?? null,
			progress
		};
		if (round.showsStandings) {
			const numberOf = new Map(roundEntries.map((entry) => [entry.entryId, entry.number]));
			shown.standings = (await provisionalStandings(tx, organisationId, round.roundId)).map((place) => ({ rank: place.rank, number: numberOf.get(place.entryId) ?? null, total: place.total }));
		}
		result.push(shown);
	}
	return result;
}
