import { createHash, randomUUID } from 'node:crypto';
import { canonicalDigestInput } from '$lib/domain/results/canonical';
import { diffStoredResults, type ResultDiff } from '$lib/domain/results/diff';
import { buildPlacings } from '$lib/domain/results/placings';
import type { StoredResult } from '$lib/domain/results/stored-result';
import { ENGINE_VERSION } from '$lib/domain/scoring';
import { db, type Db } from '../db/client';
import { DomainError } from '../domain-error';
import type { Actor, OrgActor } from '../auth/actor';
import { recordAudit } from '../audit/audit-log';
import { evaluateStoredRound } from './round-input';
import { encodeStoredResult } from './stored-result-codec';
import { resultsControl, type RoundControl } from './access';
import * as queries from './version-queries';

export type { ResultVersionSummary } from './version-queries';

/** A stored version as the services hand it out. */
export interface ResultVersion extends queries.ResultVersionSummary {
	roundId: string;
	result: StoredResult;
}

export interface ComputedVersion {
	id: string;
	version: number;
	inputsDigest: string;
	schemeVersion: number;
	engineVersion: string;
	entries: number;
}

/** SHA-256 (hex) of the canonical engine input, scheme and scheme version. */
export function inputsDigest(canonical: string): string {
	return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** Today's result of a round from its stored rows, with today's special awards, and what its digest covers. */
async function evaluateNow(conn: Db, organisationId: string, roundId: string) {
	const [evaluated, awards] = await Promise.all([evaluateStoredRound(conn, organisationId, roundId), queries.listSpecialAwards(conn, organisationId, roundId)]);
	if (!evaluated) throw new DomainError('scheme_missing');
	const stored: StoredResult = {
		scheme: evaluated.scheme,
		result: evaluated.result,
		numbers: Object.fromEntries(evaluated.displayNumbers),
		specialAwards: awards.map((award) => ({ entryId: award.entryId, title: award.title, reason: award.reason }))
	};
	return { stored, schemeVersion: evaluated.schemeVersion, digest: () => inputsDigest(canonicalDigestInput(evaluated.input, evaluated.scheme, evaluated.schemeVersion)) };
}

async function computeNow(conn: Db, organisationId: string, roundId: string): Promise<{ stored: StoredResult; digest: string; schemeVersion: number }> {
	const now = await evaluateNow(conn, organisationId, roundId);
	return { stored: now.stored, schemeVersion: now.schemeVersion, digest: now.digest() };
}

/**
 * Computes the round's results from its stored rows only and stores them as the next immutable
 * version (placings and audit in the same transaction), under the round's row lock so two
 * computations get consecutive numbers. No role check: for callers that checked their own (the
 * arbitration group's re-score after an appeal); everyone else calls computeResultVersion.
 * Refused before the head judge's sign-off and once the round's results are final.
 */
export async function recordResultVersion(actor: Actor | OrgActor, organisationId: string, roundId: string, options: { reason: string }): Promise<ComputedVersion> {
	return db().begin(async (tx) => {
		const round = await queries.getRoundResultsState(tx, organisationId, roundId, true);
		if (!round) throw new DomainError('not_found');
		if (round.finalVersionId) throw new DomainError('results_final');
		if (!round.scoresLockedAt) throw new DomainError('round_not_signed_off');
		const { stored, schemeVersion, digest: digestNow } = await evaluateNow(tx, organisationId, roundId);
		// Compressing runs in the thread pool while this thread works out the digest.
		const compressed = encodeStoredResult(stored);
		const digest = digestNow();
		const id = randomUUID();
		// Sent together: the placings follow the version in the same pipeline (its id is chosen here).
		const [version] = await Promise.all([
			queries.insertResultVersion(tx, organisationId, { id, roundId, schemeVersion, engineVersion: ENGINE_VERSION, inputsDigest: digest, reason: options.reason, result: await compressed, createdBy: actor.user.id }),
			queries.insertPlacings(tx, organisationId, id, buildPlacings(stored))
		]);
		await recordAudit(
			tx,
			actor,
			{
				action: 'results.computed',
				subjectType: 'result_version',
				subjectId: version.id,
				subjectLabel: `${round.eventName} · ${round.name} · v${version.version}`,
				after: { version: version.version, reason: options.reason, inputsDigest: digest, schemeVersion, engineVersion: ENGINE_VERSION, entries: stored.result.entries.length, specialAwards: stored.specialAwards.length }
			},
			organisationId
		);
		return { id: version.id, version: version.version, inputsDigest: digest, schemeVersion, engineVersion: ENGINE_VERSION, entries: stored.result.entries.length };
	});
}

/** computeResultVersion for a checked caller (the round's head judge, or an owner or organiser). */
export function computeVersion(control: RoundControl, options: { reason: string }): Promise<ComputedVersion> {
	return recordResultVersion(control.actor, control.organisationId, control.round.id, options);
}

/** The round's head judge, an owner or an organiser computes and stores the next result version. */
export async function computeResultVersion(actor: OrgActor, roundId: string, options: { reason: string }): Promise<ComputedVersion> {
	return computeVersion(await resultsControl(actor, roundId), options);
}

export function listVersions(control: RoundControl): Promise<queries.ResultVersionSummary[]> {
	return queries.listResultVersions(db(), control.organisationId, control.round.id);
}

/** One version of the round (the latest when no id is given); not found otherwise. */
export async function getVersion(control: RoundControl, versionId?: string): Promise<ResultVersion> {
	const row = await queries.getResultVersion(db(), control.organisationId, control.round.id, versionId);
	if (!row) throw new DomainError(versionId ? 'not_found' : 'results_not_computed');
	return row;
}

/**
 * A version as the API hands it out: a blind round's results are numbers only until they are
 * revealed, so the entries' units and the teams (named by unit) are left out until then.
 */
export async function getVersionView(control: RoundControl, versionId?: string): Promise<ResultVersion> {
	const [version, state] = await Promise.all([getVersion(control, versionId), queries.getRoundResultsState(db(), control.organisationId, control.round.id)]);
	if (!state?.blind || state.resultsRevealedAt) return version;
	const result = version.result.result;
	return { ...version, result: { ...version.result, result: { ...result, entries: result.entries.map((entry) => ({ ...entry, unit: null })), teams: [] } } };
}

export interface Verification {
	versionId: string;
	version: number;
	storedDigest: string;
	currentDigest: string;
	/** The stored rows the version was computed from are the rows today (same digest). */
	inputsMatch: boolean;
	/** Every published number and special award is what the version holds. */
	numbersMatch: boolean;
	/** What today's rows would publish against the version: which entries, numbers, and why. */
	diff: ResultDiff;
}

/** "Recompute and verify": today's rows against a stored version (the latest when none is named); nothing is stored. */
export async function verifyVersion(control: RoundControl, versionId?: string): Promise<Verification> {
	const version = await getVersion(control, versionId);
	const now = await computeNow(db(), control.organisationId, control.round.id);
	const diff = diffStoredResults(version.result, now.stored);
	return {
		versionId: version.id,
		version: version.version,
		storedDigest: version.inputsDigest,
		currentDigest: now.digest,
		inputsMatch: version.inputsDigest === now.digest,
		numbersMatch: diff.entries.length === 0 && !diff.schemeChanged,
		diff
	};
}

/** Recomputes a round's results from today's rows and compares them with a stored version (the latest when none is named). */
export async function verifyResultVersion(actor: OrgActor, roundId: string, versionId?: string): Promise<Verification> {
	return verifyVersion(await resultsControl(actor, roundId), versionId);
}

/** Two versions of the round side by side: what changed between them and why. */
export async function diffVersions(control: RoundControl, fromId: string, toId: string): Promise<{ from: queries.ResultVersionSummary; to: queries.ResultVersionSummary; diff: ResultDiff }> {
	const [from, to] = await Promise.all([getVersion(control, fromId), getVersion(control, toId)]);
	const { result: fromResult, ...fromSummary } = from;
	const { result: toResult, ...toSummary } = to;
	return { from: fromSummary, to: toSummary, diff: diffStoredResults(fromResult, toResult) };
}
