import type { JudgeComponentView, JudgeRoundState } from '$lib/realtime/events';
import { db } from '../db/client';
import type { Actor } from '../auth/actor';
import { getLatestSchemeVersion } from '../competitions/scheme-queries';
import { roundForJudge } from '../judging/judge-view';
import { listSeatsOfUserInRound } from '../judging/seat-queries';
import { DomainError } from '../domain-error';
import * as sheets from './sheet-queries';

/**
 * Everything a judge's tablet needs for one round (its queue, the judged components' criteria and
 * deduction items, the judge's absences and their own sheets), and what it reloads on every reconnect.
 * Entries come from judge-view.ts, so a blind round carries numbers only. Refused (`not_on_panel`)
 * unless the person sits on the round's panel.
 */
export async function judgeRoundState(actor: Actor, roundId: string): Promise<JudgeRoundState> {
	const { round: summary, entries } = await roundForJudge(actor, roundId);
	const [seat] = await listSeatsOfUserInRound(db(), actor.user.id, roundId);
	if (!seat) throw new DomainError('not_on_panel');
	const { organisationId, judgeId } = seat;
	const [round, scheme, absent, own] = await Promise.all([
		sheets.getScoringRound(db(), organisationId, roundId),
		getLatestSchemeVersion(db(), organisationId, roundId),
		sheets.listAbsentEntriesOfJudge(db(), organisationId, roundId, judgeId),
		sheets.listSheetsOfRound(db(), organisationId, roundId, { judgeId })
	]);
	if (!round) throw new DomainError('not_found');
	const components: JudgeComponentView[] = (scheme?.scheme.components ?? []).flatMap((component) =>
		component.source === 'judges'
			? [
					{
						key: component.key,
						label: component.label,
						criteria: component.criteria.map((criterion) => ({ key: criterion.key, label: criterion.label, max: criterion.max })),
						deductions: (component.deductions ?? []).map((item) => ({ key: item.key, label: item.label, points: item.points }))
					}
				]
			: []
	);
	const absentFor = new Set(absent);
	return {
		round: {
			roundId,
			competitionTitle: summary.competitionTitle,
			eventName: summary.eventName,
			roundName: summary.roundName,
			blind: summary.blind,
			lockedAt: round.scoresLockedAt ? new Date(round.scoresLockedAt).toISOString() : null
		},
		judgeId,
		components,
		entries: entries.map((entry) => ({ ...entry, absent: absentFor.has(entry.entryId) })),
		sheets: own.map(sheets.toSheetState),
		serverTime: new Date().toISOString()
	};
}
