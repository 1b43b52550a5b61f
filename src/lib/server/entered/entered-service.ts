import { db } from '../db/client';
import { DomainError } from '../domain-error';
import type { OrgActor } from '../auth/actor';
import { recordAudit } from '../audit/audit-log';
import { announceRoundChange } from '../realtime/round-changes';
import { keyingState, settleKeying, type KeyingState } from '$lib/domain/entered/keying';
import { formatHundredths } from '$lib/domain/entered/hundredths';
import * as queries from './entered-queries';
import { enteredComponents, enteredMax, entryLabel, loadPanelDeskRound, requireNotSignedOff, roundLabel } from './access';
import type { EnteredRoundRow } from './entered-queries';

/**
 * Entered values (理论成绩, measured results) typed twice: the first person's keying waits in
 * entered_value_keying; a second person types it blind; when the two agree the value is stored and
 * the keyings cleared, when they differ both wait and the entry is listed to be typed again. Nobody
 * is shown another person's keying — the list says only that they differ.
 */

export interface EnteredCell {
	componentKey: string;
	/** The stored (agreed or imported) value in hundredths, null when none yet. */
	value: number | null;
	source: queries.EnteredValueRow['source'] | null;
	state: KeyingState;
	/** Whether the asking person has a keying waiting (then a second person must type it). */
	keyedByMe: boolean;
}

export interface EnteredBoard {
	round: EnteredRoundRow;
	components: { key: string; label: { 'zh-CN': string; en: string } | null; max: number }[];
	entries: { entryId: string; number: number | null; cells: EnteredCell[] }[];
	/** Keyings that disagree, by entry number and component: what to type again. */
	disagreements: { entryId: string; number: number | null; componentKey: string }[];
}

export const enteredTarget = (componentKey: string) => `entered:${componentKey}`;

export async function getEnteredBoard(actor: OrgActor, roundId: string): Promise<EnteredBoard> {
	const conn = db();
	const round = await loadPanelDeskRound(conn, actor, roundId);
	const [entries, values, keyings] = await Promise.all([
		queries.listNumberedEntries(conn, actor.organisation.id, roundId),
		queries.listEnteredValues(conn, actor.organisation.id, roundId),
		queries.listKeyings(conn, actor.organisation.id, roundId, 'entered:')
	]);
	const components = enteredComponents(round);
	const rows = entries.map((entry) => ({
		entryId: entry.entryId,
		number: entry.number,
		cells: components.map((component): EnteredCell => {
			const stored = values.find((row) => row.entryId === entry.entryId && row.componentKey === component.key);
			const waiting = keyings.filter((row) => row.entryId === entry.entryId && row.target === enteredTarget(component.key));
			return {
				componentKey: component.key,
				value: stored?.value ?? null,
				source: stored?.source ?? null,
				state: keyingState(waiting),
				keyedByMe: waiting.some((row) => row.keyedBy === actor.user.id)
			};
		})
	}));
	return {
		round,
		components: components.map((component) => ({ key: component.key, label: component.label ?? null, max: enteredMax(component) })),
		entries: rows,
		disagreements: rows.flatMap((row) => row.cells.filter((cell) => cell.state === 'disagreement').map((cell) => ({ entryId: row.entryId, number: row.number, componentKey: cell.componentKey })))
	};
}

export interface KeyingInput {
	entryId: string;
	componentKey: string;
	/** Hundredths. */
	value: number;
}

export type KeyingResult = 'awaiting_second' | 'stored' | 'disagreement';

/** One person types one entry's value; see the module's comment for what happens then. */
export async function keyEnteredValue(actor: OrgActor, roundId: string, input: KeyingInput): Promise<KeyingResult> {
	const organisationId = actor.organisation.id;
	const result = await db().begin(async (tx) => {
		const round = await loadPanelDeskRound(tx, actor, roundId, true);
		requireNotSignedOff(round);
		const component = enteredComponents(round).find((item) => item.key === input.componentKey);
		if (!component) throw new DomainError('entered_component_unknown', { key: input.componentKey }, 'componentKey');
		const max = enteredMax(component);
		if (input.value < 0 || input.value > max) throw new DomainError('entered_value_out_of_range', { max: formatHundredths(max) }, 'value');
		const entry = (await queries.listNumberedEntries(tx, organisationId, roundId)).find((row) => row.entryId === input.entryId);
		if (!entry) throw new DomainError('entry_not_in_round', {}, 'entryId');
		const target = enteredTarget(component.key);
		const keyings = await queries.lockKeyingsOf(tx, organisationId, roundId, entry.entryId, target);
		const outcome = settleKeying(keyings, actor.user.id, input.value);
		const subjectLabel = `${roundLabel(round)} · ${entryLabel(entry.number, entry.entryId)} · ${component.key}`;
		const audit = (action: string, after: Record<string, unknown>) =>
			recordAudit(tx, actor, { action, subjectType: 'entered_value', subjectId: `${roundId}:${entry.entryId}:${component.key}`, subjectLabel, after });
		if (outcome.kind === 'same_person') throw new DomainError('entered_keying_needs_second_person', {}, 'value');
		if (outcome.kind === 'match') {
			const [before] = (await queries.listEnteredValues(tx, organisationId, roundId)).filter((row) => row.entryId === entry.entryId && row.componentKey === component.key);
			await queries.upsertEnteredValues(tx, organisationId, roundId, [{ entryId: entry.entryId, componentKey: component.key, value: input.value }], {
				source: 'double_entry',
				recordedBy: outcome.confirmedWith,
				confirmedBy: actor.user.id
			});
			await queries.clearKeyings(tx, organisationId, roundId, entry.entryId, target);
			await recordAudit(tx, actor, {
				action: 'entered_value.confirmed',
				subjectType: 'entered_value',
				subjectId: `${roundId}:${entry.entryId}:${component.key}`,
				subjectLabel,
				before: before ? { value: formatHundredths(before.value) } : undefined,
				after: { value: formatHundredths(input.value), source: 'double_entry' }
			});
			return { result: 'stored' as const, round, entryId: entry.entryId };
		}
		await queries.saveKeying(tx, organisationId, roundId, entry.entryId, target, actor.user.id, input.value);
		// The keyed number stays out of the log until it is agreed: the log must not tell the second person.
		await audit(outcome.kind === 'first' ? 'entered_value.keyed' : 'entered_value.disagreed', { component: component.key });
		return { result: outcome.kind === 'first' ? ('awaiting_second' as const) : ('disagreement' as const), round, entryId: entry.entryId };
	});
	if (result.result === 'stored') announceEntryChange(actor, result.round, result.entryId);
	return result.result;
}

/** Entered values, counts and times are not one judge's sheet: judgeId is empty and the version 0. */
export function announceEntryChange(actor: OrgActor, round: Pick<EnteredRoundRow, 'id' | 'competitionId'>, entryId: string): void {
	announceRoundChange({ organisationId: actor.organisation.id, competitionId: round.competitionId, roundId: round.id, kind: 'entered', entryId });
}
