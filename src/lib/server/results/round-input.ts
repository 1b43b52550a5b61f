import { evaluateRound, type RoundInput, type RoundResult, type Scheme } from '$lib/domain/scoring';
import { assembleRoundInput } from '$lib/domain/round-control/round-input';
import type { Db } from '../db/client';
import { getLatestSchemeVersion } from '../competitions/scheme-queries';
import { listRoundEntries } from '../judging/conflict-queries';
import { recusalsForRound } from '../judging/conflicts';
import { listStoredScoringRows } from './round-input-queries';
import { acceptedVotesOfRound } from '../voting/tally';

export interface StoredRoundInput {
	scheme: Scheme;
	schemeVersion: number;
	input: RoundInput;
	/** The number each entry is shown under (marking number, else contestant number); null before the draw. */
	displayNumbers: Map<string, number | null>;
}

/**
 * The engine's input for a round from the stored rows only: the scheme version in force (frozen once
 * judging started), the round's entries, submitted and locked sheets (drafts and returned sheets do not
 * count), recusals and the head judge's absences (those judges are simply not in the entry's panel),
 * the panel's deduction counts, entered values, finish times and the accepted public votes. Undefined when the round is not this
 * organisation's or has no scheme.
 */
export async function loadRoundInput(conn: Db, organisationId: string, roundId: string): Promise<StoredRoundInput | undefined> {
	const [version, entries, recusals, rows, votes] = await Promise.all([
		getLatestSchemeVersion(conn, organisationId, roundId),
		listRoundEntries(conn, organisationId, roundId),
		recusalsForRound(conn, organisationId, roundId),
		listStoredScoringRows(conn, organisationId, roundId),
		acceptedVotesOfRound(conn, organisationId, roundId)
	]);
	if (!version) return undefined;
	const numbered = entries.map((entry) => ({ entryId: entry.entryId, number: entry.markingNumber ?? entry.number }));
	// The entry's own unit (the first of listRoundEntries' units) groups team scores.
	const withUnits = entries.map((entry, index) => ({ ...numbered[index]!, unit: entry.units[0] ?? null }));
	const input = assembleRoundInput(version.scheme, { entries: withUnits, standAside: recusals, ...rows, votes });
	return { scheme: version.scheme, schemeVersion: version.version, input, displayNumbers: new Map(numbered.map((entry) => [entry.entryId, entry.number])) };
}

/** The engine's results for a round from its stored rows (see loadRoundInput). */
export async function evaluateStoredRound(conn: Db, organisationId: string, roundId: string): Promise<(StoredRoundInput & { result: RoundResult }) | undefined> {
	const loaded = await loadRoundInput(conn, organisationId, roundId);
	return loaded && { ...loaded, result: evaluateRound(loaded.scheme, loaded.input) };
}
