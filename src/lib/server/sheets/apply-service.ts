import { randomUUID } from 'node:crypto';
import { m } from '$lib/paraglide/messages.js';
import type { SheetState, SheetStatus } from '$lib/realtime/events';
import type { JudgesComponent } from '$lib/domain/scoring/types';
import { checkSheet, storedValues, type SheetIssue } from '$lib/domain/sheets/check-sheet';
import { transactionWithEarlyBegin, type Db } from '../db/client';
import { DomainError, InvalidInputError, type DomainErrorCode } from '../domain-error';
import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit/audit-log';
import { getLatestSchemeVersion, type SchemeVersionRow } from '../competitions/scheme-queries';
import { assertScoringFacts } from '../judging/conflicts';
import { getScoringFacts, type ScoringFactsRow } from '../judging/conflict-queries';
import { announceRoundChange } from '../realtime/round-changes';
import { isSessionLive } from './device-queries';
import * as sheets from './sheet-queries';

// A judge's write to one of their sheets, from a tablet (socket) or another system (API), in one
// transaction of three round trips (BEGIN with every read, the write with its audit row and stored
// outcome, COMMIT):
// replay check, authorisation, the scheme's rules, the write, the audit row, the stored outcome. Only after the commit is the change announced — an ack never runs ahead of the database.

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

function judgesComponent(version: SchemeVersionRow | undefined, request: SheetWriteRequest): JudgesComponent {
	const component = version?.scheme.components.find((candidate) => candidate.key === request.componentKey);
	if (!component || component.source !== 'judges') throw new DomainError('sheet_component_unknown', {}, 'componentKey');
	return component;
}

/** The same operation id again: its stored answer when it is this person's, a refusal otherwise. */
function replay(stored: sheets.OperationRow | undefined, writer: SheetWriter, request: SheetWriteRequest): AppliedWrite | undefined {
	if (!stored) return undefined;
	const same = stored.organisationId === writer.organisationId && stored.actorId === writer.actor.user.id && stored.judgeId === writer.judgeId && stored.roundId === request.roundId;
	if (!same) throw new DomainError('sheet_operation_taken', {}, 'operationId');
	return { ...(stored.outcome as AppliedWrite), replayed: true };
}

function authorise(round: sheets.ScoringRoundRow | undefined, facts: ScoringFactsRow): sheets.ScoringRoundRow {
	if (!round) throw new DomainError('not_found');
	assertScoringFacts(facts);
	if (round.competitionStatus !== 'judging') throw new DomainError('sheet_round_not_judging');
	if (round.scoresLockedAt) throw new DomainError('sheet_round_signed_off');
	return round;
}

function nextStatus(current: SheetStatus | undefined, kind: 'save' | 'submit'): SheetStatus {
	if (kind === 'submit') return 'submitted';
	return current === 'returned' ? 'returned' : 'draft';
}

/**
 * Everything the checks need, in one round trip: the queries are sent together on the transaction's
 * connection and PostgreSQL runs them in order, so the reads after the sheet's lock see every write
 * that committed before it, exactly as when each waited for the one before.
 */
async function readForWrite(tx: Db, writer: SheetWriter, request: SheetWriteRequest, key: sheets.SheetKey) {
	const target = { roundId: request.roundId, judgeId: writer.judgeId, entryId: request.entryId };
	const [sessionLive, , stored, round, facts, version, before, subject, [clock]] = await Promise.all([
		writer.sessionId === undefined ? true : isSessionLive(tx, writer.sessionId, true),
		sheets.lockSheet(tx, key),
		sheets.findOperation(tx, request.operationId),
		sheets.getScoringRound(tx, writer.organisationId, request.roundId, true),
		getScoringFacts(tx, writer.organisationId, target),
		getLatestSchemeVersion(tx, writer.organisationId, request.roundId),
		sheets.getSheet(tx, writer.organisationId, key),
		sheets.describeSheetSubject(tx, writer.organisationId, key),
		tx<{ now: Date }[]>`select now()`
	]);
	return { sessionLive, stored, round, facts, version, before, subject, now: clock!.now };
}

async function write(tx: Db, writer: SheetWriter, request: SheetWriteRequest): Promise<{ applied: AppliedWrite; competitionId: string }> {
	const key: sheets.SheetKey = { roundId: request.roundId, entryId: request.entryId, judgeId: writer.judgeId, componentKey: request.componentKey };
	const read = await readForWrite(tx, writer, request, key);
	// The checks in the order they always ran: session, replay, authorisation, the scheme's rules, the sheet's state.
	if (!read.sessionLive) throw new DomainError('session_ended');
	const replayed = replay(read.stored, writer, request);
	if (replayed) return { applied: replayed, competitionId: '' };
	const round = authorise(read.round, read.facts);
	const component = judgesComponent(read.version, request);
	const issues = checkSheet(component, request, request.kind);
	if (issues.length > 0) throw new InvalidInputError('sheet_invalid', m.sheets_invalid(), Object.fromEntries(issues.map((issue) => [issue.field, describeIssue(issue)])));
	const before = read.before;
	if (before?.status === 'locked') throw new SheetRefusedError('sheet_locked', sheets.toSheetState(before));
	if (before?.status === 'submitted') throw new SheetRefusedError('sheet_submitted', sheets.toSheetState(before));
	const values = { ...storedValues(request), note: request.note, status: nextStatus(before?.status, request.kind), source: writer.source, operationId: request.operationId, deviceId: writer.deviceId };
	// The row the write will leave (the lock is held, so nothing else changes it; now() is the
	// transaction's time, which updated_at takes): the audit row and the stored outcome go out with
	// the write in one round trip, and the returned row is checked against it below.
	const expected: sheets.SheetRow = {
		...key,
		id: before?.id ?? randomUUID(),
		scores: values.scores,
		deductions: values.deductions,
		note: values.note,
		status: values.status,
		version: (before?.version ?? 0) + 1,
		statusReason: before?.statusReason ?? '',
		source: values.source,
		lastOperationId: values.operationId,
		updatedAt: read.now
	};
	const superseded = before !== undefined && (request.baseVersion ?? 0) < before.version;
	const applied: AppliedWrite = { ok: true, operationId: request.operationId, sheet: sheets.toSheetState(expected), replayed: false, superseded };
	const componentName = component.label?.['zh-CN'] ?? component.key;
	const [after, , stored] = await Promise.all([
		sheets.writeSheet(tx, writer.organisationId, key, { ...values, newId: expected.id }),
		recordAudit(
			tx,
			writer.actor,
			{
				action: request.kind === 'submit' ? 'sheet.submitted' : 'sheet.saved',
				subjectType: 'score_sheet',
				subjectId: expected.id,
				subjectLabel: `裁判 ${read.subject?.judgeName ?? writer.judgeId} ${request.kind === 'submit' ? '提交' : '保存'}了 ${read.subject?.number ?? '?'} 号的评分（${componentName}）`,
				before: before ? { status: before.status, version: before.version, scores: before.scores, deductions: before.deductions } : null,
				after: { status: expected.status, version: expected.version, scores: expected.scores, deductions: expected.deductions, note: expected.note, source: writer.source, operationId: request.operationId, superseded }
			},
			writer.organisationId
		),
		sheets.insertOperation(tx, writer.organisationId, {
			id: request.operationId,
			roundId: request.roundId,
			judgeId: writer.judgeId,
			actorId: writer.actor.user.id,
			deviceId: writer.deviceId,
			kind: request.kind,
			outcome: applied,
			clientTime: request.clientTime
		})
	]);
	// Another organisation's sheet at this address: nothing of this write may stay.
	if (!after) throw new DomainError('not_found');
	if (after.id !== expected.id || after.version !== expected.version || new Date(after.updatedAt).getTime() !== expected.updatedAt.getTime())
		throw new Error(`score_sheet ${after.id} was not written as expected (version ${after.version}, expected ${expected.version})`);
	// The same id reached another sheet in a transaction that committed first: undo this one.
	if (!stored) throw new DomainError('sheet_operation_taken', {}, 'operationId');
	return { applied, competitionId: round.competitionId };
}

/**
 * Applies one write (see the file's comment). Throws DomainError (SheetRefusedError with the sheet for
 * a submitted or locked one) or InvalidInputError (`sheet_invalid`, a message per field) on refusal.
 */
export async function applySheetWrite(writer: SheetWriter, request: SheetWriteRequest): Promise<AppliedWrite> {
	const { applied, competitionId } = await transactionWithEarlyBegin((tx) => write(tx, writer, request));
	if (!applied.replayed) {
		const sheet = applied.sheet;
		announceRoundChange({ organisationId: writer.organisationId, competitionId, roundId: sheet.roundId, kind: 'sheet', entryId: sheet.entryId, judgeId: sheet.judgeId, status: sheet.status, version: sheet.version, sheet });
	}
	return applied;
}
