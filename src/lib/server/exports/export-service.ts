import { db } from '../db/client';
import { DomainError } from '../domain-error';
import { controlAsMember, type RoundControl } from '../round-control/access';
import { requireMembershipOnRound } from '../auth/guards';
import { throwAsPageError } from '../http/pages';
import { getLatestSchemeVersion } from '../competitions/scheme-queries';
import { talliesOf } from '../vote-review/review-service';
import { writeReport, type ReportSheetSpec } from '../workbooks/xlsx';
import { m } from '$lib/paraglide/messages.js';
import type { ExportKind } from '$lib/schemas/exports';
import { getExportRound, listCountedSheets, listHeadJudgeNames, type ExportRoundRow } from './export-queries';
import { listVersionPlacings, type VersionPlacing } from '../results/placing-queries';
import { judgeSheets, resultsSheet, signOffSheet, tallySheet } from './workbooks';

export type { ExportKind } from '$lib/schemas/exports';

export interface ExportFile {
	filename: string;
	bytes: Buffer;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Builds one of a round's workbooks in the request's language. Owners and organisers get every kind;
 * the round's head judge (裁判长) gets the sign-off sheet only. Results come from the final version,
 * else the published one, else the latest computed. Names appear in 成绩单 only once the round's
 * results are revealed, and in the judges' sheets only when the round is not blind or is revealed.
 */
export async function buildRoundExport(control: RoundControl, kind: ExportKind): Promise<ExportFile> {
	if (kind !== 'sign-off' && control.as !== 'manager') throw new DomainError('forbidden');
	const { organisationId } = control;
	const round = await getExportRound(db(), organisationId, control.round.id);
	if (!round) throw new DomainError('not_found');
	const revealed = round.resultsRevealedAt !== null;
	const sheets = await sheetsOf(kind, organisationId, round, revealed);
	return { filename: fileName(round, kind), bytes: await writeReport(sheets) };
}

async function placingsOf(organisationId: string, round: ExportRoundRow): Promise<VersionPlacing[]> {
	return round.resultVersionId ? listVersionPlacings(db(), organisationId, [round.resultVersionId], true) : [];
}

async function sheetsOf(kind: ExportKind, organisationId: string, round: ExportRoundRow, revealed: boolean): Promise<ReportSheetSpec[]> {
	if (kind === 'results') {
		const [scheme, placings] = await Promise.all([getLatestSchemeVersion(db(), organisationId, round.id), placingsOf(organisationId, round)]);
		return [resultsSheet(round, scheme?.scheme ?? null, placings, revealed)];
	}
	if (kind === 'judge-sheets') {
		const [scheme, sheets] = await Promise.all([getLatestSchemeVersion(db(), organisationId, round.id), listCountedSheets(db(), organisationId, round.id)]);
		return judgeSheets(scheme?.scheme ?? null, sheets, revealed || !round.blind);
	}
	if (kind === 'sign-off') {
		const [placings, headJudges] = await Promise.all([placingsOf(organisationId, round), listHeadJudgeNames(db(), organisationId, round.id)]);
		return [signOffSheet(round, placings, headJudges)];
	}
	// Candidates of a public vote are shown by name on the voting page already.
	return [tallySheet(await talliesOf(organisationId, round.id), true)];
}

function fileName(round: ExportRoundRow, kind: ExportKind): string {
	const label = { results: m.exports_results_file(), 'judge-sheets': m.exports_judges_file(), 'sign-off': m.exports_signoff_file(), votes: m.exports_votes_file() }[kind];
	// eslint-disable-next-line no-control-regex -- control characters are what is removed
	const title = `${round.competitionTitle}-${round.eventName}-${round.name}`.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 100);
	return `${title}-${label}.xlsx`;
}

export function exportResponse(file: ExportFile, kind: ExportKind): Response {
	return new Response(new Uint8Array(file.bytes), {
		headers: {
			'content-type': XLSX_TYPE,
			'content-disposition': `attachment; filename="${kind}.xlsx"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
			'cache-control': 'no-store',
			'x-content-type-options': 'nosniff'
		}
	});
}

/** An organisation page's download: the round must be the path's competition's (404), then as buildRoundExport. */
export async function downloadRoundExport(event: Parameters<typeof requireMembershipOnRound>[0], kind: ExportKind): Promise<Response> {
	const actor = await requireMembershipOnRound(event);
	try {
		return exportResponse(await buildRoundExport(await controlAsMember(actor, event.params.round), kind), kind);
	} catch (caught) {
		throwAsPageError(caught);
	}
}
