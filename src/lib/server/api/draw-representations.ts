import type { DecodingRow, RoundDraw, StageState } from '../draw/draw-service';
import type { StageVerification } from '../draw/draw-service';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** A stage for API callers: who acted is in the audit log, not here. */
export function toApiDrawStage(stage: StageState) {
	return {
		stage: stage.stage,
		commitment: stage.commitment,
		entriesDigest: stage.entriesDigest,
		entryCount: stage.entryCount,
		stationLabels: stage.stationLabels,
		committedAt: stage.committedAt.toISOString(),
		ranAt: iso(stage.ranAt),
		revealedAt: iso(stage.revealedAt),
		seed: stage.seed
	};
}

export function toApiRoundDraw(draw: RoundDraw) {
	return {
		roundId: draw.round.id,
		sealed: draw.sealed,
		canOpenDecodingTable: draw.canOpenDecodingTable,
		stages: draw.stages.map(toApiDrawStage),
		numbers: draw.numbers.map(({ entryId, number, runningOrder, station, markingNumber }) => ({ entryId, number, runningOrder, station, markingNumber }))
	};
}

export function toApiVerification(roundId: string, stages: StageVerification[]) {
	return { roundId, matches: stages.every((stage) => stage.matches !== false), stages };
}

export function toApiDecodingTable(roundId: string, sealed: boolean, rows: DecodingRow[]) {
	return {
		roundId,
		sealed,
		rows: rows.map(({ entryId, number, runningOrder, station, markingNumber, unit, teamName, names }) => ({ entryId, number, runningOrder, station, markingNumber, unit, teamName, names }))
	};
}
