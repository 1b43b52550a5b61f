import type { RoundResult, Scheme } from '../scoring';

/**
 * What a result version keeps in `result_version.result` (db/migrations/0026): the engine's whole
 * output with the scheme it ran under, so the review, the public explanation page and an appeal can
 * show every published number and how it arose without reading today's (possibly changed) rows.
 */
export interface StoredResult {
	scheme: Scheme;
	result: RoundResult;
	/** The number each entry was judged under (marking number, else contestant number), by entry id. */
	numbers: Record<string, number | null>;
	/** Special awards given by hand (DESIGN §3) in force when the version was computed. */
	specialAwards: { entryId: string; title: string; reason: string }[];
}
