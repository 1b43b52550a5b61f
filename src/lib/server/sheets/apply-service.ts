import { m } from '$lib/paraglide/messages.js';
import type { SheetState, SheetStatus } from '$lib/realtime/events';
import type { JudgesComponent } from '$lib/domain/scoring/types';
import { checkSheet, storedValues, type SheetIssue } from '$lib/domain/sheets/check-sheet';
import { db, type Db } from '../db/client';
import { DomainError, InvalidInputError, type DomainErrorCode } from '../domain-error';
import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit/audit-log';
import { getLatestSchemeVersion } from '../competitions/scheme-queries';
import { assertJudgeMayScore } from '../judging/conflicts';
import { announceRoundChange } from '../realtime/round-changes';
import { isSessionLive } from './device-queries';
import * as sheets from './sheet-queries';

// A judge's write to one of their sheets, from a tablet (socket) or another system (API), in one
// transaction: replay check, authorisation, the scheme's rules, the write, the audit row, the stored
// outcome. Only after the commit is the change announced — an ack never runs ahead of the database.

/** Who writes, and for which judge: the judge themselves on a tablet, or an organiser through the API. */
export interface SheetWriter {
	actor: Actor;
	organisationId: string;
	judgeId: string;
	source: 'device' | 'api';
	deviceId: string | null;
	/** A tablet's session: checked inside the transaction, so a revoked device cannot write. */
	sessionId?: string;
}

export interface SheetWriteRequest extends Omit<sheets.SheetKey, 'judgeId'> {
	operationId: string;
	kind: 'save' | 'submit';
	scores: Record<string, number | null>;
	deductions: Record<string, number>;
	note: string;
	baseVersion: number | null;
	clientTime: string | null;
}

export interface AppliedWrite {
	ok: true;
	operationId: string;
	sheet: SheetState;
	replayed: boolean;
	superseded: boolean;
}

/** A refusal that carries the sheet as it stands, so the device can show it. */
export class SheetRefusedError extends DomainError {
	constructor(
		code: DomainErrorCode,
		readonly sheet?: SheetState
	) {
		super(code);
	}
}

function describeIssue(issue: SheetIssue): string {
	switch (issue.issue) {
		case 'unknown_criterion':
			return m.sheets_invalid_unknown_criterion();
		case 'above_max':
			return m.sheets_invalid_above_max({ max: (issue.max / 100).toString() });
		case 'missing':
			return m.sheets_invalid_missing();
		case 'unknown_deduction':
			return m.sheets_invalid_unknown_deduction();
	}
}

async function judgesComponent(tx: Db, organisationId: string, request: SheetWriteRequest): Promise<JudgesComponent> {
	const version = await getLatestSchemeVersion(tx, organisationId, request.roundId);
	const component = version?.scheme.components.find((candidate) => candidate.key === request.componentKey);
	if (!component || component.source !== 'judges') throw new DomainError('sheet_component_unknown', {}, 'componentKey');
	return component;
}

/** The same operation id again: its stored answer when it is this person's, a refusal otherwise. */
async function replay(tx: Db, writer: SheetWriter, request: SheetWriteRequest): Promise<AppliedWrite | undefined> {
	const stored = await sheets.findOperation(tx, request.operationId);
	if (!stored) return undefined;
	const same = stored.organisationId === writer.organisationId && stored.actorId === writer.actor.user.id && stored.judgeId === writer.judgeId && stored.roundId === request.roundId;
	if (!same) throw new DomainError('sheet_operation_taken', {}, 'operationId');
	return { ...(stored.outcome as AppliedWrite), replayed: true };
}

async function authorise(tx: Db, writer: SheetWriter, request: SheetWriteRequest): Promise<sheets.ScoringRoundRow> {
	const round = await sheets.getScoringRound(tx, writer.organisationId, request.roundId, true);
	if (!round) throw new DomainError('not_found');
	await assertJudgeMayScore(tx, writer.organisationId, { roundId: request.roundId, judgeId: writer.judgeId, entryId: request.entryId });
	if (round.competitionStatus !== 'judging') throw new DomainError('sheet_round_not_judging');
	if (round.scoresLockedAt) throw new DomainError('sheet_round_signed_off');
	return round;
}

function nextStatus(current: SheetStatus | undefined, kind: 'save' | 'submit'): SheetStatus {
	if (kind === 'submit') return 'submitted';
	return current === 'returned' ? 'returned' : 'draft';
}

async function write(tx: Db, writer: SheetWriter, request: SheetWriteRequest): Promise<{ applied: AppliedWrite; competitionId: string }> {
	if (writer.sessionId !== undefined && !(await isSessionLive(tx, writer.sessionId, true))) throw new DomainError('session_ended');
	const key: sheets.SheetKey = { roundId: request.roundId, entryId: request.entryId, judgeId: writer.judgeId, componentKey: request.componentKey };
	await sheets.lockSheet(tx, key);
	const replayed = await replay(tx, writer, request);
	if (replayed) return { applied: replayed, competitionId: '' };
	const round = await authorise(tx, writer, request);
	const component = await judgesComponent(tx, writer.organisationId, request);
	const issues = checkSheet(component, request, request.kind);
	if (issues.length > 0) throw new InvalidInputError('sheet_invalid', m.sheets_invalid(), Object.fromEntries(issues.map((issue) => [issue.field, describeIssue(issue)])));
	const before = await sheets.getSheet(tx, writer.organisationId, key);
	if (before?.status === 'locked') throw new SheetRefusedError('sheet_locked', sheets.toSheetState(before));
	if (before?.status === 'submitted') throw new SheetRefusedError('sheet_submitted', sheets.toSheetState(before));
	const values = storedValues(request);
	const after = await sheets.writeSheet(tx, writer.organisationId, key, {
		...values,
		note: request.note,
		status: nextStatus(before?.status, request.kind),
		source: writer.source,
		operationId: request.operationId,
		deviceId: writer.deviceId
	});
	if (!after) throw new DomainError('not_found');
	const superseded = before !== undefined && (request.baseVersion ?? 0) < before.version;
	const applied: AppliedWrite = { ok: true, operationId: request.operationId, sheet: sheets.toSheetState(after), replayed: false, superseded };
	const subject = await sheets.describeSheetSubject(tx, writer.organisationId, key);
	const componentName = component.label?.['zh-CN'] ?? component.key;
	await recordAudit(
		tx,
		writer.actor,
		{
			action: request.kind === 'submit' ? 'sheet.submitted' : 'sheet.saved',
			subjectType: 'score_sheet',
			subjectId: after.id,
			subjectLabel: `裁判 ${subject?.judgeName ?? writer.judgeId} ${request.kind === 'submit' ? '提交' : '保存'}了 ${subject?.number ?? '?'} 号的评分（${componentName}）`,
			before: before ? { status: before.status, version: before.version, scores: before.scores, deductions: before.deductions } : null,
			after: { status: after.status, version: after.version, scores: after.scores, deductions: after.deductions, note: after.note, source: writer.source, operationId: request.operationId, superseded }
		},
		writer.organisationId
	);
	const stored = await sheets.insertOperation(tx, writer.organisationId, {
		id: request.operationId,
		roundId: request.roundId,
		judgeId: writer.judgeId,
		actorId: writer.actor.user.id,
		deviceId: writer.deviceId,
		kind: request.kind,
		outcome: applied,
		clientTime: request.clientTime
	});
	// The same id reached another sheet in a transaction that committed first: undo this one.
	if (!stored) throw new DomainError('sheet_operation_taken', {}, 'operationId');
	return { applied, competitionId: round.competitionId };
}

/**
 * Applies one write (see the file's comment). Throws DomainError (SheetRefusedError with the sheet for
 * a submitted or locked one) or InvalidInputError (`sheet_invalid`, a message per field) on refusal.
 */
export async function applySheetWrite(writer: SheetWriter, request: SheetWriteRequest): Promise<AppliedWrite> {
	const { applied, competitionId } = await db().begin((tx) => write(tx, writer, request));
	if (!applied.replayed) {
		const sheet = applied.sheet;
		announceRoundChange({ organisationId: writer.organisationId, competitionId, roundId: sheet.roundId, kind: 'sheet', entryId: sheet.entryId, judgeId: sheet.judgeId, status: sheet.status, version: sheet.version, sheet });
	}
	return applied;
}
