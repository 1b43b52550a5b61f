import { m } from '$lib/paraglide/messages.js';
import { buildMatrix } from '$lib/domain/round-control/matrix';
import { db, type Tx } from '../db/client';
import { DomainError } from '../domain-error';
import { recordAudit } from '../audit/audit-log';
import { getLatestSchemeVersion } from '../competitions/scheme-queries';
import { listPanel, SCORING_ROLES } from '../judging/panel-queries';
import { listRoundEntries } from '../judging/conflict-queries';
import { recusalsForRound } from '../judging/conflicts';
import { announceRoundChange } from '../realtime/round-changes';
import type { RoundControl } from './access';
import { componentInWords, entryInWords, toSheetState } from './describe';
import * as queries from './queries';

/** How many missing sheets the refusal names before it says "and N more". */
const NAMED_MISSING = 12;

/** Every expected sheet not yet received, in words ("101号：王五（实际操作）"), or an empty list. */
async function listMissingSheets(tx: Tx, control: RoundControl): Promise<string[]> {
	const { organisationId } = control;
	const roundId = control.round.id;
	const [version, panel, entries, recusals, sheets, absences] = await Promise.all([
		getLatestSchemeVersion(tx, organisationId, roundId),
		listPanel(tx, organisationId, roundId),
		listRoundEntries(tx, organisationId, roundId),
		recusalsForRound(tx, organisationId, roundId),
		queries.listRoundSheets(tx, organisationId, roundId),
		queries.listAbsences(tx, organisationId, roundId)
	]);
	if (!version) throw new DomainError('scheme_missing');
	const judges = new Map(panel.filter((seat) => SCORING_ROLES.includes(seat.role)).map((seat) => [seat.judgeId, seat.name]));
	const rows = buildMatrix({
		scheme: version.scheme,
		entries: entries.map((entry) => ({ entryId: entry.entryId, number: entry.markingNumber ?? entry.number })),
		judgeIds: [...judges.keys()],
		sheets,
		standAside: recusals,
		absences,
		deductionCounts: [],
		result: null
	});
	return rows.flatMap((row) =>
		row.missing.map((gap) =>
			m.headjudge_missing_sheet({ entry: entryInWords(row.number), judge: judges.get(gap.judgeId) ?? '', component: componentInWords(version.scheme, gap.componentKey) })
		)
	);
}

/**
 * 裁判长签字: allowed only when every expected sheet is in (scoring judges × entries × judges
 * components, minus those who stand aside and those marked absent); otherwise refused naming what is
 * missing. Locks every sheet of the round and records who signed off and when, in one transaction.
 */
export async function signOffRound(control: RoundControl): Promise<{ lockedSheets: number }> {
	const locked = await db().begin(async (tx) => {
		const round = await queries.getControlledRound(tx, control.organisationId, control.round.id, true);
		if (!round) throw new DomainError('not_found');
		if (round.scoresLockedAt) throw new DomainError('round_signed_off');
		const missing = await listMissingSheets(tx, control);
		if (missing.length > 0) {
			const named = missing.slice(0, NAMED_MISSING).join(m.list_separator());
			const more = missing.length > NAMED_MISSING ? m.headjudge_missing_more({ count: missing.length - NAMED_MISSING }) : '';
			throw new DomainError('sign_off_incomplete', { count: missing.length, missing: named + more });
		}
		const sheets = await queries.lockRoundSheets(tx, control.organisationId, round.id);
		await queries.markRoundSignedOff(tx, control.organisationId, round.id, control.actor.user.id);
		await recordAudit(
			tx,
			control.actor,
			{ action: 'round.signed_off', subjectType: 'round', subjectId: round.id, subjectLabel: `${round.eventName} · ${round.name}`, after: { lockedSheets: sheets.length } },
			control.organisationId
		);
		return sheets;
	});
	const change = { organisationId: control.organisationId, competitionId: control.round.competitionId, roundId: control.round.id };
	for (const sheet of locked) announceRoundChange({ ...change, kind: 'signoff', entryId: sheet.entryId, judgeId: sheet.judgeId, status: sheet.status, version: sheet.version, sheet: toSheetState(change.roundId, sheet) });
	// A round with no sheet at all still tells its viewers that it was signed off.
	if (locked.length === 0) announceRoundChange({ ...change, kind: 'signoff' });
	return { lockedSheets: locked.length };
}
