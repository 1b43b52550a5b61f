import { randomBytes } from 'node:crypto';
import { assignNumbers, commitmentOf, entriesDigest, sortedIds, verifyDraw } from '$lib/domain/draw/shuffle';
import { db, type Db } from '../db/client';
import { DomainError } from '../domain-error';
import type { OrgActor } from '../auth/actor';
import { MANAGER_ROLES } from '../auth/roles';
import { recordAudit } from '../audit/audit-log';
import { decryptText, encryptText } from '../crypto/personal-data';
import * as queries from './draw-queries';
import type { DrawRoundRow, DrawRow, DrawStage } from './draw-queries';

export type { DrawStage, DrawRoundRow, DecodingRow, RoundNumbersRow } from './draw-queries';

const STAGE_NAMES: Record<DrawStage, string> = { 1: '参赛号', 2: '顺序号和工位号', 3: '评审号' };

/** A stage as anyone allowed to follow the draw sees it: never the seed before it is revealed. */
export interface StageState {
	stage: DrawStage;
	commitment: string;
	entriesDigest: string;
	entryCount: number;
	stationLabels: string[];
	committedAt: Date;
	committedByName: string | null;
	ranAt: Date | null;
	ranByName: string | null;
	revealedAt: Date | null;
	revealedByName: string | null;
	seed: string | null;
}

export function toStageState(row: DrawRow): StageState {
	return {
		stage: row.stage,
		commitment: row.seedHash,
		entriesDigest: row.entriesDigest,
		entryCount: row.entryIds.length,
		stationLabels: row.stationLabels,
		committedAt: row.committedAt,
		committedByName: row.committedByName,
		ranAt: row.ranAt,
		ranByName: row.ranByName,
		revealedAt: row.revealedAt,
		revealedByName: row.revealedByName,
		seed: row.seed
	};
}

async function loadRound(conn: Db, actor: OrgActor, roundId: string, forUpdate = false): Promise<DrawRoundRow> {
	const round = await queries.getDrawRound(conn, actor.organisation.id, roundId, forUpdate);
	if (!round) throw new DomainError('not_found');
	return round;
}

/** Organisers and owners run the draw, and so do the round's encryption judges. */
async function requireDrawOperator(conn: Db, actor: OrgActor, roundId: string): Promise<void> {
	if (MANAGER_ROLES.includes(actor.role)) return;
	if (await queries.isEncryptionJudge(conn, actor.organisation.id, roundId, actor.user.id)) return;
	throw new DomainError('forbidden');
}

/**
 * The decoding table is sealed until the head judge locks the round's scores: until then only owners
 * and the round's encryption judges open it; afterwards organisers too.
 */
async function mayOpenDecodingTable(conn: Db, actor: OrgActor, round: DrawRoundRow): Promise<boolean> {
	if (actor.role === 'owner') return true;
	if (round.scoresLockedAt && MANAGER_ROLES.includes(actor.role)) return true;
	return queries.isEncryptionJudge(conn, actor.organisation.id, round.id, actor.user.id);
}

const roundLabel = (round: DrawRoundRow, stage?: DrawStage) =>
	`${round.competitionTitle} · ${round.eventName} · ${round.name}${stage ? ` · 抽签第${stage}阶段（${STAGE_NAMES[stage]}）` : ''}`;

export interface RoundDraw {
	round: DrawRoundRow;
	stages: StageState[];
	numbers: queries.RoundNumbersRow[];
	/** True while the decoding table is sealed for this person. */
	sealed: boolean;
	canOpenDecodingTable: boolean;
}

export async function getRoundDraw(actor: OrgActor, roundId: string): Promise<RoundDraw> {
	const round = await loadRound(db(), actor, roundId);
	await requireDrawOperator(db(), actor, roundId);
	const [draws, numbers, canOpen] = await Promise.all([
		queries.listDrawsOfRound(db(), actor.organisation.id, roundId),
		queries.listRoundNumbers(db(), actor.organisation.id, roundId),
		mayOpenDecodingTable(db(), actor, round)
	]);
	return { round, stages: draws.map(toStageState), numbers, sealed: round.scoresLockedAt === null, canOpenDecodingTable: canOpen };
}

/** The rounds of a competition with their stages, for the draw overview. Managers and encryption judges. */
export async function listCompetitionDraws(actor: OrgActor, competitionId: string): Promise<{ round: DrawRoundRow; stages: StageState[] }[]> {
	const rounds = await queries.listDrawRoundsOfCompetition(db(), actor.organisation.id, competitionId);
	const visible: { round: DrawRoundRow; stages: StageState[] }[] = [];
	for (const round of rounds) {
		if (!MANAGER_ROLES.includes(actor.role) && !(await queries.isEncryptionJudge(db(), actor.organisation.id, round.id, actor.user.id))) continue;
		visible.push({ round, stages: (await queries.listDrawsOfRound(db(), actor.organisation.id, round.id)).map(toStageState) });
	}
	return visible;
}

function stageOf(draws: DrawRow[], stage: DrawStage): DrawRow | undefined {
	return draws.find((draw) => draw.stage === stage);
}

/** Commit: a fresh 32-byte seed, kept encrypted; its SHA-256 and the entries drawn among are published now. */
export async function commitStage(actor: OrgActor, roundId: string, stage: DrawStage, stationLabels: string[] = []): Promise<StageState> {
	return db().begin(async (tx) => {
		const round = await loadRound(tx, actor, roundId, true);
		await requireDrawOperator(tx, actor, roundId);
		const draws = await queries.listDrawsOfRound(tx, actor.organisation.id, roundId);
		if (stageOf(draws, stage)) throw new DomainError('draw_stage_committed', { stage });
		if (stage > 1 && !stageOf(draws, (stage - 1) as DrawStage)?.ranAt) throw new DomainError('draw_previous_stage_not_run', { stage: stage - 1 });
		const entryIds = sortedIds(await queries.listEntriesToDraw(tx, actor.organisation.id, round, stage));
		if (entryIds.length === 0) throw new DomainError('draw_no_entries');
		const labels = stage === 2 ? stationLabels : [];
		if (labels.length > 0 && labels.length < entryIds.length) throw new DomainError('draw_stations_too_few', { needed: entryIds.length, given: labels.length }, 'stationLabels');
		const seed = randomBytes(32).toString('hex');
		const seedHash = commitmentOf(seed);
		const digest = entriesDigest(entryIds);
		await queries.insertDraw(tx, actor.organisation.id, {
			roundId, stage, seedHash, seedCipher: encryptText(seed, 'draw-seed-encryption'), entryIds, entriesDigest: digest, stationLabels: labels, committedBy: actor.user.id
		});
		await recordAudit(tx, actor, {
			action: 'draw.committed',
			subjectType: 'round',
			subjectId: roundId,
			subjectLabel: roundLabel(round, stage),
			after: { stage, commitment: seedHash, entries: entryIds.length, entriesDigest: digest, stationLabels: labels }
		});
		return toStageState(stageOf(await queries.listDrawsOfRound(tx, actor.organisation.id, roundId), stage)!);
	});
}

/** Run: the committed seed decides the places, once; the numbers go into the round's entries. */
export async function runStage(actor: OrgActor, roundId: string, stage: DrawStage): Promise<StageState> {
	return db().begin(async (tx) => {
		const round = await loadRound(tx, actor, roundId, true);
		await requireDrawOperator(tx, actor, roundId);
		const draws = await queries.listDrawsOfRound(tx, actor.organisation.id, roundId);
		const draw = stageOf(draws, stage);
		if (!draw) throw new DomainError('draw_not_committed', { stage });
		if (draw.ranAt) throw new DomainError('draw_already_run', { stage });
		const places = assignNumbers(decryptText(draw.seedCipher, 'draw-seed-encryption'), draw.entryIds, draw.stationLabels);
		await queries.applyDrawResult(tx, actor.organisation.id, roundId, stage, places);
		await queries.markDrawRun(tx, actor.organisation.id, draw.id, places, actor.user.id);
		await recordAudit(tx, actor, {
			action: 'draw.ran',
			subjectType: 'round',
			subjectId: roundId,
			subjectLabel: roundLabel(round, stage),
			after: { stage, commitment: draw.seedHash, entries: places.length }
		});
		return toStageState(stageOf(await queries.listDrawsOfRound(tx, actor.organisation.id, roundId), stage)!);
	});
}

/**
 * Reveal: the seed is published and anyone can recompute the places. Marking numbers (stage 3) stay
 * secret until the round's scores are locked: revealing them earlier would unblind the judging.
 */
export async function revealStage(actor: OrgActor, roundId: string, stage: DrawStage): Promise<StageState> {
	return db().begin(async (tx) => {
		const round = await loadRound(tx, actor, roundId, true);
		await requireDrawOperator(tx, actor, roundId);
		const draw = stageOf(await queries.listDrawsOfRound(tx, actor.organisation.id, roundId), stage);
		if (!draw) throw new DomainError('draw_not_committed', { stage });
		if (!draw.ranAt) throw new DomainError('draw_not_run', { stage });
		if (draw.revealedAt) throw new DomainError('draw_already_revealed', { stage });
		if (stage === 3 && !round.scoresLockedAt) throw new DomainError('draw_reveal_before_lock');
		const seed = decryptText(draw.seedCipher, 'draw-seed-encryption');
		await queries.markDrawRevealed(tx, actor.organisation.id, draw.id, seed, actor.user.id);
		await recordAudit(tx, actor, {
			action: 'draw.revealed',
			subjectType: 'round',
			subjectId: roundId,
			subjectLabel: roundLabel(round, stage),
			after: { stage, commitment: draw.seedHash, seed }
		});
		return toStageState(stageOf(await queries.listDrawsOfRound(tx, actor.organisation.id, roundId), stage)!);
	});
}

export interface StageVerification {
	stage: DrawStage;
	revealed: boolean;
	/** Null until the seed is revealed (nothing to check yet). */
	seedMatchesCommitment: boolean | null;
	resultMatches: boolean | null;
	/** The places recorded in the round's entries are still the ones the draw gave. */
	recordedMatches: boolean | null;
	matches: boolean | null;
}

/** Recomputes every revealed stage from its seed and compares with what was published and recorded. */
export async function verifyRoundDraw(actor: OrgActor, roundId: string): Promise<StageVerification[]> {
	await loadRound(db(), actor, roundId);
	await requireDrawOperator(db(), actor, roundId);
	const [draws, numbers] = await Promise.all([queries.listDrawsOfRound(db(), actor.organisation.id, roundId), queries.listRoundNumbers(db(), actor.organisation.id, roundId)]);
	return draws.map((draw) => verifyStage(draw, numbers));
}

export function verifyStage(draw: Pick<DrawRow, 'stage' | 'seed' | 'seedHash' | 'entryIds' | 'stationLabels' | 'result'>, numbers: queries.RoundNumbersRow[]): StageVerification {
	if (!draw.seed || !draw.result) return { stage: draw.stage, revealed: false, seedMatchesCommitment: null, resultMatches: null, recordedMatches: null, matches: null };
	const check = verifyDraw({ seed: draw.seed, commitment: draw.seedHash, entryIds: draw.entryIds, stationLabels: draw.stationLabels, result: draw.result });
	const byEntry = new Map(numbers.map((row) => [row.entryId, row]));
	const recordedMatches = draw.result.every((place) => {
		const row = byEntry.get(place.entryId);
		if (!row) return false;
		if (draw.stage === 1) return row.number === place.value;
		if (draw.stage === 2) return row.runningOrder === place.value && (row.station ?? undefined) === (place.station ?? undefined);
		return row.markingNumber === place.value;
	});
	return { stage: draw.stage, revealed: true, ...check, recordedMatches, matches: check.seedMatchesCommitment && check.resultMatches && recordedMatches };
}

/** Opens the sealed decoding table (number → person); every opening is written to the audit log. */
export async function openDecodingTable(actor: OrgActor, roundId: string, purpose: 'decoding_table' | 'sign_in_sheet' = 'decoding_table'): Promise<{ round: DrawRoundRow; rows: queries.DecodingRow[] }> {
	return db().begin(async (tx) => {
		const round = await loadRound(tx, actor, roundId);
		if (!(await mayOpenDecodingTable(tx, actor, round))) throw new DomainError('draw_sealed');
		const rows = await queries.listDecodingRows(tx, actor.organisation.id, roundId);
		await recordAudit(tx, actor, {
			action: 'draw.decoding_table_opened',
			subjectType: 'round',
			subjectId: roundId,
			subjectLabel: roundLabel(round),
			after: { purpose, entries: rows.length, sealed: round.scoresLockedAt === null }
		});
		return { round, rows };
	});
}
