import type { Scheme } from '$lib/domain/scoring';
import { db, type Tx } from '../db/client';
import { DomainError } from '../domain-error';
import { recordAudit } from '../audit/audit-log';
import { getLatestSchemeVersion } from '../competitions/scheme-queries';
import { listPanel, SCORING_ROLES } from '../judging/panel-queries';
import { listRoundEntries } from '../judging/conflict-queries';
import { announceRoundChange } from '../realtime/round-changes';
import type { RoundControl } from './access';
import { componentInWords, sheetInWords, toSheetState } from './describe';
import * as queries from './queries';

export interface SheetTarget {
	judgeId: string;
	entryId: string;
	componentKey: string;
	reason: string;
}

interface SheetContext {
	round: queries.ControlledRoundRow;
	scheme: Scheme | undefined;
	number: number | null;
	judgeName: string;
}

/** Locks the round for the transaction and finds what an audit row names: the entry's number, the judge, the component. */
async function lockRound(tx: Tx, control: RoundControl, target: { judgeId: string; entryId: string }): Promise<SheetContext> {
	const round = await queries.getControlledRound(tx, control.organisationId, control.round.id, true);
	if (!round) throw new DomainError('not_found');
	const [panel, entries, version] = await Promise.all([
		listPanel(tx, control.organisationId, round.id),
		listRoundEntries(tx, control.organisationId, round.id),
		getLatestSchemeVersion(tx, control.organisationId, round.id)
	]);
	const judge = panel.find((seat) => seat.judgeId === target.judgeId && SCORING_ROLES.includes(seat.role));
	if (!judge) throw new DomainError('not_on_panel', {}, 'judgeId');
	const entry = entries.find((row) => row.entryId === target.entryId);
	if (!entry) throw new DomainError('entry_not_in_round', {}, 'entryId');
	return { round, scheme: version?.scheme, number: entry.markingNumber ?? entry.number, judgeName: judge.name };
}

function announceSheet(control: RoundControl, sheet: queries.RoundSheetRow): void {
	announceRoundChange({
		organisationId: control.organisationId,
		competitionId: control.round.competitionId,
		roundId: control.round.id,
		kind: 'sheet',
		entryId: sheet.entryId,
		judgeId: sheet.judgeId,
		status: sheet.status,
		version: sheet.version,
		sheet: toSheetState(control.round.id, sheet)
	});
}

/**
 * Sends a submitted sheet back to its judge with the head judge's reason: the sheet becomes
 * `returned` (the judge edits and submits again), its version rises, and the judge sees the reason.
 */
export async function returnSheet(control: RoundControl, target: SheetTarget): Promise<queries.RoundSheetRow> {
	const updated = await db().begin(async (tx) => {
		const context = await lockRound(tx, control, target);
		if (context.round.scoresLockedAt) throw new DomainError('round_signed_off');
		const sheet = await queries.getSheetForUpdate(tx, control.organisationId, { roundId: control.round.id, ...target });
		if (!sheet) throw new DomainError('sheet_missing');
		if (sheet.status !== 'submitted') throw new DomainError('sheet_not_submitted', { status: sheet.status });
		const row = (await queries.setSheetStatus(tx, control.organisationId, sheet.id, 'returned', target.reason))!;
		await recordAudit(
			tx,
			control.actor,
			{
				action: 'sheet.returned',
				subjectType: 'score_sheet',
				subjectId: sheet.id,
				subjectLabel: sheetInWords(context.round, { ...context, component: componentInWords(context.scheme, target.componentKey) }),
				before: { status: sheet.status, version: sheet.version },
				after: { status: row.status, version: row.version, reason: target.reason }
			},
			control.organisationId
		);
		return row;
	});
	announceSheet(control, updated);
	return updated;
}

/**
 * Unlocks a locked sheet with a reason: it goes back to `submitted`, where the head judge may return it
 * to the judge. A signed-off round holds only while every sheet is locked, so its sign-off is withdrawn.
 */
export async function unlockSheet(control: RoundControl, target: SheetTarget): Promise<queries.RoundSheetRow> {
	const updated = await db().begin(async (tx) => {
		const context = await lockRound(tx, control, target);
		const sheet = await queries.getSheetForUpdate(tx, control.organisationId, { roundId: control.round.id, ...target });
		if (!sheet) throw new DomainError('sheet_missing');
		if (sheet.status !== 'locked') throw new DomainError('sheet_not_locked', { status: sheet.status });
		const row = (await queries.setSheetStatus(tx, control.organisationId, sheet.id, 'submitted', target.reason))!;
		const signOffWithdrawn = await queries.withdrawRoundSignOff(tx, control.organisationId, control.round.id);
		await recordAudit(
			tx,
			control.actor,
			{
				action: 'sheet.unlocked',
				subjectType: 'score_sheet',
				subjectId: sheet.id,
				subjectLabel: sheetInWords(context.round, { ...context, component: componentInWords(context.scheme, target.componentKey) }),
				before: { status: sheet.status, version: sheet.version },
				after: { status: row.status, version: row.version, reason: target.reason, signOffWithdrawn }
			},
			control.organisationId
		);
		return row;
	});
	announceSheet(control, updated);
	return updated;
}

/** Announces a change that is about a judge and an entry but not one sheet's values (an absence). */
function announcePair(control: RoundControl, sheets: queries.RoundSheetRow[], target: { judgeId: string; entryId: string }): void {
	const sheet = sheets.find((row) => row.judgeId === target.judgeId && row.entryId === target.entryId);
	announceRoundChange({
		organisationId: control.organisationId,
		competitionId: control.round.competitionId,
		roundId: control.round.id,
		kind: 'absence',
		entryId: target.entryId,
		judgeId: target.judgeId,
		status: sheet?.status ?? 'draft',
		version: sheet?.version ?? 0
	});
}

/** Records that a judge will not score an entry (with a reason), so sign-off does not wait for that sheet. */
export async function markJudgeAbsent(control: RoundControl, target: { judgeId: string; entryId: string; reason: string }): Promise<void> {
	await db().begin(async (tx) => {
		const context = await lockRound(tx, control, target);
		if (context.round.scoresLockedAt) throw new DomainError('round_signed_off');
		const added = await queries.insertAbsence(tx, control.organisationId, { roundId: control.round.id, ...target, recordedBy: control.actor.user.id });
		if (!added) throw new DomainError('absence_exists');
		await recordAudit(
			tx,
			control.actor,
			{ action: 'judge.marked_absent', subjectType: 'round', subjectId: control.round.id, subjectLabel: sheetInWords(context.round, context), after: { judgeId: target.judgeId, entryId: target.entryId, reason: target.reason } },
			control.organisationId
		);
	});
	announcePair(control, await queries.listRoundSheets(db(), control.organisationId, control.round.id), target);
}

/** Withdraws an absence: the judge's sheet for the entry is expected again. */
export async function clearJudgeAbsence(control: RoundControl, target: { judgeId: string; entryId: string }): Promise<void> {
	await db().begin(async (tx) => {
		const context = await lockRound(tx, control, target);
		if (context.round.scoresLockedAt) throw new DomainError('round_signed_off');
		const reason = await queries.deleteAbsence(tx, control.organisationId, { roundId: control.round.id, ...target });
		if (reason === undefined) throw new DomainError('not_found');
		await recordAudit(
			tx,
			control.actor,
			{ action: 'judge.absence_cleared', subjectType: 'round', subjectId: control.round.id, subjectLabel: sheetInWords(context.round, context), before: { judgeId: target.judgeId, entryId: target.entryId, reason } },
			control.organisationId
		);
	});
	announcePair(control, await queries.listRoundSheets(db(), control.organisationId, control.round.id), target);
}
