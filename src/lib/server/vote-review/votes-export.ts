import { db } from '../db/client';
import type { OrgActor } from '../auth/actor';
import { recordAudit } from '../audit/audit-log';
import { writeWorkbook } from '../workbooks/xlsx';
import { formatShanghaiTime } from '$lib/domain/entered/shanghai-time';
import { m } from '$lib/paraglide/messages.js';
import * as queries from './review-queries';
import { loadReviewRound } from './review-service';
import { roundLabel } from './labels';

export interface VotesWorkbook {
	filename: string;
	bytes: Buffer;
}

const shown = (instant: Date | null) => (instant ? formatShanghaiTime(instant) : '');

/**
 * Every vote of the round as an xlsx for the notice period (公示期): one row per vote with its
 * candidate, Shanghai time as text, the voter key and address/agent as the stored keyed hashes (never
 * a raw address: none is stored), status, flags and the organiser's decision. The export is audited.
 */
export async function exportVotes(actor: OrgActor, roundId: string): Promise<VotesWorkbook> {
	const round = await loadReviewRound(actor, roundId);
	const [votes, candidates] = await Promise.all([queries.listVotesForExport(db(), actor.organisation.id, roundId), queries.listCandidates(db(), actor.organisation.id, roundId)]);
	const byEntry = new Map(candidates.map((candidate) => [candidate.entryId, candidate]));
	const text = { locale: 'zh-CN' as const };
	const bytes = await writeWorkbook({
		sheets: [
			{
				name: m.votereview_export_sheet({}, text),
				columns: [
					{ header: m.votereview_export_vote({}, text), width: 38, text: true },
					{ header: m.votereview_export_number({}, text), width: 8, text: true },
					{ header: m.votereview_export_candidate({}, text), width: 16 },
					{ header: m.votereview_export_cast_at({}, text), width: 20, text: true },
					{ header: m.votereview_export_voting_day({}, text), width: 12, text: true },
					{ header: m.votereview_export_voter_key({}, text), width: 24, text: true },
					{ header: m.votereview_export_address_hash({}, text), width: 24, text: true },
					{ header: m.votereview_export_agent_hash({}, text), width: 24, text: true },
					{ header: m.votereview_export_status({}, text), width: 10 },
					{ header: m.votereview_export_flags({}, text), width: 30 },
					{ header: m.votereview_export_reason_class({}, text), width: 16 },
					{ header: m.votereview_export_reason({}, text), width: 40 },
					{ header: m.votereview_export_decided_at({}, text), width: 20, text: true }
				],
				rows: votes.map((vote) => {
					const candidate = byEntry.get(vote.entryId);
					return [
						vote.id,
						candidate?.number ? String(candidate.number) : '',
						candidate?.name ?? '',
						shown(vote.castAt),
						vote.votingDay,
						vote.voterKey,
						vote.addressPrefixHash,
						vote.userAgentHash,
						vote.status,
						vote.flags.join(', '),
						vote.reasonClass ?? '',
						vote.reason,
						shown(vote.decidedAt)
					];
				})
			}
		]
	});
	await recordAudit(db(), actor, { action: 'vote.exported', subjectType: 'round', subjectId: roundId, subjectLabel: roundLabel(round), after: { votes: votes.length } });
	// eslint-disable-next-line no-control-regex -- control characters are what is removed
	const title = `${round.competitionTitle}-${round.name}`.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 80);
	return { filename: `${title}-${m.votereview_export_file({}, text)}.xlsx`, bytes };
}

export function votesWorkbookResponse(file: VotesWorkbook): Response {
	return new Response(new Uint8Array(file.bytes), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="votes.xlsx"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
			'x-content-type-options': 'nosniff'
		}
	});
}
