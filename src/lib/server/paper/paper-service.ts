import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { formatHundredths } from '$lib/domain/entered/hundredths';
import { keyingState, settleKeying, type KeyingState } from '$lib/domain/entered/keying';
import type { JudgesComponent } from '$lib/domain/scoring';
import { db } from '../db/client';
import { DomainError } from '../domain-error';
import type { OrgActor } from '../auth/actor';
import { recordAudit } from '../audit/audit-log';
import { announceRoundChange } from '../realtime/round-changes';
import { assertJudgeMayScore, recusalsForRound } from '../judging/conflicts';
import { listPanel, SCORING_ROLES } from '../judging/panel-queries';
import { entryLabel, judgesComponents, loadPanelDeskRound, requireNotSignedOff, roundLabel } from '../entered/access';
import * as entered from '../entered/entered-queries';
import { lockScoreSheet, savePaperSheet } from './paper-queries';
import { renderPaperSheets } from './sheet-pdf';

/**
 * The paper fallback: blind sheets printed per judge, filled in by hand, then typed in by two clerks
 * independently. A sheet reaches score_sheet (submitted, source 'paper') only when both keyings agree;
 * otherwise both wait and the sheet is listed as a disagreement to type again. The judge must still be
 * allowed to score the entry (panel, conflicts) and the round must not be signed off.
 */

const labelOf = (item: { key: string; label?: { 'zh-CN': string; en: string } }) => item.label?.[getLocale()] ?? item.key;
export const sheetTarget = (judgeId: string, componentKey: string) => `sheet:${judgeId}:${componentKey}`;

async function scoringJudges(conn: Parameters<typeof listPanel>[0], organisationId: string, roundId: string) {
	const seats = await listPanel(conn, organisationId, roundId);
	const judges = new Map<string, string>();
	for (const seat of seats) if (SCORING_ROLES.includes(seat.role)) judges.set(seat.judgeId, seat.name);
	return [...judges].map(([judgeId, name]) => ({ judgeId, name }));
}

export async function paperSheetPdf(actor: OrgActor, roundId: string, judgeId: string): Promise<{ fileName: string; bytes: Buffer }> {
	const conn = db();
	const round = await loadPanelDeskRound(conn, actor, roundId);
	const judge = (await scoringJudges(conn, actor.organisation.id, roundId)).find((item) => item.judgeId === judgeId);
	if (!judge) throw new DomainError('not_on_panel', {}, 'judgeId');
	const [entries, recusals] = await Promise.all([entered.listNumberedEntries(conn, actor.organisation.id, roundId), recusalsForRound(conn, actor.organisation.id, roundId)]);
	const scored = entries.filter((entry) => !recusals.some((recusal) => recusal.judgeId === judgeId && recusal.entryId === entry.entryId));
	const bytes = await renderPaperSheets(
		{
			title: round.competitionTitle,
			subtitle: `${round.eventName} · ${round.name} · ${m.entered_paper_sheet_title()}`,
			judgeLine: m.entered_paper_judge_line({ name: judge.name }),
			componentLine: (component) => m.entered_paper_component_line({ component }),
			numberHeader: m.entered_number(),
			maxLabel: (max) => m.entered_paper_max({ max }),
			deductionLabel: (points) => m.entered_paper_deduction({ points }),
			judgeSignature: m.entered_paper_judge_signature(),
			headSignature: m.entered_paper_head_signature(),
			dateLine: m.entered_paper_date(),
			instructions: m.entered_paper_instructions()
		},
		judgesComponents(round).map((component) => ({
			label: labelOf(component),
			criteria: component.criteria.map((criterion) => ({ label: labelOf(criterion), max: formatHundredths(criterion.max) })),
			deductions: (component.deductions ?? []).map((item) => ({ label: labelOf(item), points: formatHundredths(item.points) })),
			numbers: scored.map((entry) => entry.number)
		}))
	);
	return { fileName: `${round.eventName}-${round.name}-${judge.name}.pdf`, bytes };
}

export interface PaperDesk {
	judges: { judgeId: string; name: string }[];
	components: { key: string; label: string; criteria: { key: string; label: string; max: number }[]; deductions: { key: string; label: string }[] }[];
	entries: { entryId: string; number: number | null }[];
	/** Sheets whose keyings wait: for a second clerk, or because the two differ (never what was typed). */
	pending: { entryId: string; number: number | null; judgeId: string; judgeName: string; componentKey: string; state: KeyingState; keyedByMe: boolean }[];
}

export async function getPaperDesk(actor: OrgActor, roundId: string): Promise<PaperDesk> {
	const conn = db();
	const round = await loadPanelDeskRound(conn, actor, roundId);
	const [judges, entries, keyings] = await Promise.all([
		scoringJudges(conn, actor.organisation.id, roundId),
		entered.listNumberedEntries(conn, actor.organisation.id, roundId),
		entered.listKeyings(conn, actor.organisation.id, roundId, 'sheet:')
	]);
	const groups = new Map<string, entered.KeyingRow[]>();
	for (const keying of keyings) groups.set(`${keying.entryId}|${keying.target}`, [...(groups.get(`${keying.entryId}|${keying.target}`) ?? []), keying]);
	return {
		judges,
		components: judgesComponents(round).map((component) => ({
			key: component.key,
			label: labelOf(component),
			criteria: component.criteria.map((criterion) => ({ key: criterion.key, label: labelOf(criterion), max: criterion.max })),
			deductions: (component.deductions ?? []).map((item) => ({ key: item.key, label: labelOf(item) }))
		})),
		entries,
		pending: [...groups.values()].map((group) => {
			const [, judgeId = '', componentKey = ''] = group[0]!.target.split(':');
			return {
				entryId: group[0]!.entryId,
				number: entries.find((entry) => entry.entryId === group[0]!.entryId)?.number ?? null,
				judgeId,
				judgeName: judges.find((judge) => judge.judgeId === judgeId)?.name ?? '',
				componentKey,
				state: keyingState(group),
				keyedByMe: group.some((keying) => keying.keyedBy === actor.user.id)
			};
		})
	};
}

export interface PaperKeyingInput {
	judgeId: string;
	entryId: string;
	componentKey: string;
	scores: Record<string, number>;
	deductions: Record<string, number>;
}

/** A complete sheet: every criterion within 0..max, only the component's deduction items. */
function checkSheet(component: JudgesComponent, input: PaperKeyingInput): void {
	for (const key of Object.keys(input.scores)) if (!component.criteria.some((criterion) => criterion.key === key)) throw new DomainError('entered_paper_criterion_unknown', { key }, `scores.${key}`);
	for (const criterion of component.criteria) {
		const value = input.scores[criterion.key];
		if (value === undefined) throw new DomainError('entered_paper_incomplete', { key: criterion.key }, `scores.${criterion.key}`);
		if (value > criterion.max) throw new DomainError('entered_value_out_of_range', { max: formatHundredths(criterion.max) }, `scores.${criterion.key}`);
	}
	for (const key of Object.keys(input.deductions)) if (!(component.deductions ?? []).some((item) => item.key === key)) throw new DomainError('entered_deduction_item_unknown', { item: key }, `deductions.${key}`);
}

export type PaperKeyingResult = 'awaiting_second' | 'stored' | 'disagreement';

export async function keyPaperSheet(actor: OrgActor, roundId: string, input: PaperKeyingInput): Promise<PaperKeyingResult> {
	const organisationId = actor.organisation.id;
	const outcome = await db().begin(async (tx) => {
		const round = await loadPanelDeskRound(tx, actor, roundId, true);
		requireNotSignedOff(round);
		const component = judgesComponents(round).find((item) => item.key === input.componentKey);
		if (!component) throw new DomainError('entered_component_unknown', { key: input.componentKey }, 'componentKey');
		await assertJudgeMayScore(tx, organisationId, { roundId, judgeId: input.judgeId, entryId: input.entryId });
		checkSheet(component, input);
		const key = { roundId, entryId: input.entryId, judgeId: input.judgeId, componentKey: component.key };
		const stored = await lockScoreSheet(tx, organisationId, key);
		if (stored?.status === 'locked') throw new DomainError('entered_paper_sheet_locked');
		const target = sheetTarget(input.judgeId, component.key);
		const typed = { scores: input.scores, deductions: input.deductions };
		const settled = settleKeying(await entered.lockKeyingsOf(tx, organisationId, roundId, input.entryId, target), actor.user.id, typed);
		if (settled.kind === 'same_person') throw new DomainError('entered_keying_needs_second_person');
		const number = (await entered.listNumberedEntries(tx, organisationId, roundId)).find((entry) => entry.entryId === input.entryId)?.number ?? null;
		const judgeName = (await scoringJudges(tx, organisationId, roundId)).find((judge) => judge.judgeId === input.judgeId)?.name ?? '';
		const subjectLabel = `${roundLabel(round)} · ${entryLabel(number, input.entryId)} · ${judgeName} · ${component.key}`;
		if (settled.kind !== 'match') {
			await entered.saveKeying(tx, organisationId, roundId, input.entryId, target, actor.user.id, typed);
			// What was typed stays out of the log until agreed, so the second clerk cannot read it there.
			await recordAudit(tx, actor, { action: settled.kind === 'first' ? 'paper_sheet.keyed' : 'paper_sheet.disagreed', subjectType: 'score_sheet', subjectId: stored?.id ?? null, subjectLabel });
			return { result: settled.kind === 'first' ? ('awaiting_second' as const) : ('disagreement' as const) };
		}
		const saved = await savePaperSheet(tx, organisationId, key, typed);
		if (!saved) throw new DomainError('not_found');
		await entered.clearKeyings(tx, organisationId, roundId, input.entryId, target);
		const shown = (scores: Record<string, number>) => Object.fromEntries(Object.entries(scores).map(([criterion, value]) => [criterion, formatHundredths(value)]));
		await recordAudit(tx, actor, {
			action: 'paper_sheet.stored',
			subjectType: 'score_sheet',
			subjectId: saved.id,
			subjectLabel,
			after: { scores: shown(input.scores), deductions: input.deductions, status: 'submitted', source: 'paper', version: saved.version }
		});
		return { result: 'stored' as const, round, version: saved.version };
	});
	if (outcome.result === 'stored') {
		announceRoundChange({ organisationId, competitionId: outcome.round.competitionId, roundId, kind: 'sheet', entryId: input.entryId, judgeId: input.judgeId, status: 'submitted', version: outcome.version });
	}
	return outcome.result;
}
