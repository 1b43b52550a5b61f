import { db } from '../db/client';
import { DomainError } from '../domain-error';
import type { OrgActor } from '../auth/actor';
import { recordAuditBatch } from '../audit/audit-log';
import { formatShanghaiTime } from '$lib/domain/entered/shanghai-time';
import * as queries from './entered-queries';
import { entryLabel, judgesComponents, loadPanelDeskRound, requireNotSignedOff, roundLabel } from './access';
import { announceEntryChange } from './entered-service';
import type { EnteredRoundRow } from './entered-queries';

/**
 * What the panel records once per entry: how often each deduction item happened (the engine's count,
 * settled from the judges' bench tallies shown beside it) and when the entry finished (the
 * `earlier_finish` tie-break). Saved as a grid: only the cells sent change.
 */

export interface DeductionItemView {
	componentKey: string;
	itemKey: string;
	label: { 'zh-CN': string; en: string } | null;
	points: number;
}

export interface DeductionGrid {
	round: EnteredRoundRow;
	items: DeductionItemView[];
	entries: {
		entryId: string;
		number: number | null;
		counts: { componentKey: string; itemKey: string; count: number | null; tallies: { judgeName: string; count: number }[] }[];
	}[];
}

function deductionItems(round: EnteredRoundRow): DeductionItemView[] {
	return judgesComponents(round).flatMap((component) =>
		(component.deductions ?? []).map((item) => ({ componentKey: component.key, itemKey: item.key, label: item.label ?? null, points: item.points }))
	);
}

export async function getDeductionGrid(actor: OrgActor, roundId: string): Promise<DeductionGrid> {
	const conn = db();
	const round = await loadPanelDeskRound(conn, actor, roundId);
	const [entries, counts, tallies] = await Promise.all([
		queries.listNumberedEntries(conn, actor.organisation.id, roundId),
		queries.listDeductionCounts(conn, actor.organisation.id, roundId),
		queries.listJudgeTallies(conn, actor.organisation.id, roundId)
	]);
	const items = deductionItems(round);
	return {
		round,
		items,
		entries: entries.map((entry) => ({
			entryId: entry.entryId,
			number: entry.number,
			counts: items.map((item) => ({
				componentKey: item.componentKey,
				itemKey: item.itemKey,
				count: counts.find((row) => row.entryId === entry.entryId && row.componentKey === item.componentKey && row.itemKey === item.itemKey)?.count ?? null,
				tallies: tallies
					.filter((row) => row.entryId === entry.entryId && row.componentKey === item.componentKey && row.deductions[item.itemKey] !== undefined)
					.map((row) => ({ judgeName: row.judgeName, count: Number(row.deductions[item.itemKey]) }))
			}))
		}))
	};
}

async function entriesOf(actor: OrgActor, tx: Parameters<typeof queries.listNumberedEntries>[0], roundId: string, entryIds: string[]) {
	const entries = await queries.listNumberedEntries(tx, actor.organisation.id, roundId);
	const missing = entryIds.findIndex((id) => !entries.some((entry) => entry.entryId === id));
	if (missing >= 0) throw new DomainError('entry_not_in_round', {}, `counts.${missing}.entryId`);
	return entries;
}

export async function saveDeductionCounts(actor: OrgActor, roundId: string, cells: queries.DeductionCountRow[]): Promise<void> {
	const organisationId = actor.organisation.id;
	const round = await db().begin(async (tx) => {
		const round = await loadPanelDeskRound(tx, actor, roundId, true);
		requireNotSignedOff(round);
		const items = deductionItems(round);
		cells.forEach((cell, index) => {
			if (!items.some((item) => item.componentKey === cell.componentKey && item.itemKey === cell.itemKey)) throw new DomainError('entered_deduction_item_unknown', { item: cell.itemKey }, `counts.${index}.itemKey`);
		});
		const entries = await entriesOf(actor, tx, roundId, cells.map((cell) => cell.entryId));
		const before = await queries.listDeductionCounts(tx, organisationId, roundId);
		const changed = cells.filter((cell) => before.find((row) => row.entryId === cell.entryId && row.componentKey === cell.componentKey && row.itemKey === cell.itemKey)?.count !== cell.count);
		await queries.upsertDeductionCounts(tx, organisationId, roundId, changed, actor.user.id);
		await recordAuditBatch(
			tx,
			actor,
			changed.map((cell) => {
				const number = entries.find((entry) => entry.entryId === cell.entryId)?.number ?? null;
				const old = before.find((row) => row.entryId === cell.entryId && row.componentKey === cell.componentKey && row.itemKey === cell.itemKey);
				return {
					action: 'deduction_count.set',
					subjectType: 'deduction_count',
					subjectId: `${roundId}:${cell.entryId}:${cell.componentKey}:${cell.itemKey}`,
					subjectLabel: `${roundLabel(round)} · ${entryLabel(number, cell.entryId)} · ${cell.componentKey}/${cell.itemKey}`,
					before: old ? { count: old.count } : undefined,
					after: { count: cell.count }
				};
			})
		);
		return { round, entryIds: [...new Set(changed.map((cell) => cell.entryId))] };
	});
	for (const entryId of round.entryIds) announceEntryChange(actor, round.round, entryId);
}

export interface FinishTimesView {
	round: EnteredRoundRow;
	entries: { entryId: string; number: number | null; finishedAt: Date | null }[];
}

export async function getFinishTimes(actor: OrgActor, roundId: string): Promise<FinishTimesView> {
	const conn = db();
	const round = await loadPanelDeskRound(conn, actor, roundId);
	const [entries, times] = await Promise.all([queries.listNumberedEntries(conn, actor.organisation.id, roundId), queries.listFinishTimes(conn, actor.organisation.id, roundId)]);
	return { round, entries: entries.map((entry) => ({ ...entry, finishedAt: times.find((row) => row.entryId === entry.entryId)?.finishedAt ?? null })) };
}

/** Sets (or with null clears) the given entries' finish times. */
export async function saveFinishTimes(actor: OrgActor, roundId: string, times: { entryId: string; finishedAt: Date | null }[]): Promise<void> {
	const organisationId = actor.organisation.id;
	const outcome = await db().begin(async (tx) => {
		const round = await loadPanelDeskRound(tx, actor, roundId, true);
		requireNotSignedOff(round);
		const entries = await entriesOf(actor, tx, roundId, times.map((time) => time.entryId));
		const before = await queries.listFinishTimes(tx, organisationId, roundId);
		const changed = times.filter((time) => (before.find((row) => row.entryId === time.entryId)?.finishedAt.getTime() ?? null) !== (time.finishedAt?.getTime() ?? null));
		await queries.saveFinishTimes(tx, organisationId, roundId, changed, actor.user.id);
		const shown = (date: Date | null | undefined) => (date ? `${formatShanghaiTime(date)} (Asia/Shanghai)` : null);
		await recordAuditBatch(
			tx,
			actor,
			changed.map((time) => ({
				action: 'finish_time.set',
				subjectType: 'finish_time',
				subjectId: `${roundId}:${time.entryId}`,
				subjectLabel: `${roundLabel(round)} · ${entryLabel(entries.find((entry) => entry.entryId === time.entryId)?.number ?? null, time.entryId)}`,
				before: { finishedAt: shown(before.find((row) => row.entryId === time.entryId)?.finishedAt) },
				after: { finishedAt: shown(time.finishedAt) }
			}))
		);
		return { round, entryIds: changed.map((time) => time.entryId) };
	});
	for (const entryId of outcome.entryIds) announceEntryChange(actor, outcome.round, entryId);
}
