import type { Scheme } from '$lib/domain/scoring';
import { db } from '../db/client';
import type { OrgActor } from '../auth/actor';
import { recordAudit } from '../audit/audit-log';
import type { Random } from './people';

// What judges, the theory exam and the public would have written over days, at the demo's scale, in
// a few statements each: exactly the rows the judging, entering and voting services store (submitted
// sheets, the panel's deduction counts, entered values, accepted votes). Each step writes one audit
// row in words. Sign-off, results, notice, finalising and certificates then come from the services.

export interface BulkRound {
	roundId: string;
	/** e.g. "数控车工 · 决赛", for the audit rows. */
	label: string;
}

/** One judge's marks for one entry: each criterion as a share of its max around the entry's level, in half points. */
export function judgeMarks(random: Random, criteria: { key: string; max: number }[], level: number, severity: number): Record<string, number> {
	return Object.fromEntries(
		criteria.map((criterion) => {
			const share = Math.min(1, Math.max(0.3, level + severity + (random() - 0.5) * 0.08));
			return [criterion.key, Math.round((criterion.max * share) / 50) * 50];
		})
	);
}

export function judgeCriteria(scheme: Scheme, componentKey: string): { key: string; max: number }[] {
	const component = scheme.components.find((candidate) => candidate.key === componentKey);
	if (!component || component.source !== 'judges') throw new Error(`no judges component ${componentKey}`);
	return component.criteria.map((criterion) => ({ key: criterion.key, max: criterion.max }));
}

export interface SheetRow {
	entryId: string;
	judgeId: string;
	scores: Record<string, number>;
}

/** Submitted sheets, as a judge's tablet leaves them before the head judge signs off. */
export async function insertSubmittedSheets(actor: OrgActor, round: BulkRound, componentKey: string, sheets: SheetRow[], auditLabel: string): Promise<void> {
	await db().begin(async (tx) => {
		await tx`
			insert into score_sheet (organisation_id, round_id, entry_id, judge_id, component_key, scores, status, submitted_at)
			select ${actor.organisation.id}, ${round.roundId}, t."entryId", t."judgeId", ${componentKey}, t.scores, 'submitted', now()
			from json_to_recordset(${JSON.stringify(sheets)}::text::json) as t("entryId" uuid, "judgeId" uuid, scores jsonb)`;
		await recordAudit(tx, actor, { action: 'demo.sheets_imported', subjectType: 'round', subjectId: round.roundId, subjectLabel: auditLabel, after: { sheets: sheets.length, component: componentKey } });
	});
}

/** Entered values (e.g. the theory exam, in hundredths), as the results import stores them. */
export async function insertEnteredValues(actor: OrgActor, round: BulkRound, componentKey: string, values: { entryId: string; value: number }[], auditLabel: string): Promise<void> {
	await db().begin(async (tx) => {
		await tx`
			insert into entered_value (organisation_id, round_id, entry_id, component_key, value, source)
			select ${actor.organisation.id}, ${round.roundId}, t."entryId", ${componentKey}, t.value, 'import'
			from json_to_recordset(${JSON.stringify(values)}::text::json) as t("entryId" uuid, value int)`;
		await recordAudit(tx, actor, { action: 'demo.entered_values_imported', subjectType: 'round', subjectId: round.roundId, subjectLabel: auditLabel, after: { values: values.length, component: componentKey } });
	});
}

/** Deductions the panel counted at the bench (e.g. 2 points per workpiece defect). */
export async function insertDeductionCounts(actor: OrgActor, round: BulkRound, componentKey: string, counts: { entryId: string; itemKey: string; count: number }[], auditLabel: string): Promise<void> {
	if (counts.length === 0) return;
	await db().begin(async (tx) => {
		await tx`
			insert into deduction_count (organisation_id, round_id, entry_id, component_key, item_key, count)
			select ${actor.organisation.id}, ${round.roundId}, t."entryId", ${componentKey}, t."itemKey", t.count
			from json_to_recordset(${JSON.stringify(counts)}::text::json) as t("entryId" uuid, "itemKey" text, count int)`;
		await recordAudit(tx, actor, { action: 'demo.deductions_imported', subjectType: 'round', subjectId: round.roundId, subjectLabel: auditLabel, after: { entries: counts.length, component: componentKey } });
	});
}

/**
 * Accepted public votes: `votes[i]` for `entryIds[i]`, each from its own voter over the last days
 * (one vote per voter and day is what the policy allows; keys are opaque hashes as the ballot box stores).
 */
export async function insertAcceptedVotes(actor: OrgActor, round: BulkRound, tallies: { entryId: string; votes: number }[], auditLabel: string): Promise<number> {
	const total = tallies.reduce((sum, tally) => sum + tally.votes, 0);
	await db().begin(async (tx) => {
		await tx`
			insert into vote (organisation_id, round_id, entry_id, voter_key, cast_at, voting_day, address_prefix_hash, user_agent_hash, proof_id, status)
			select ${actor.organisation.id}, ${round.roundId}, t.entry_id, md5('demo-voter:' || t.ordinal || ':' || v), c.cast_at,
				(c.cast_at at time zone 'Asia/Shanghai')::date, md5('demo-prefix:' || ((v * 31 + t.ordinal) % 997)), md5('demo-agent:' || (v % 23)),
				'demo-proof:' || gen_random_uuid(), 'accepted'
			from unnest(${tallies.map((tally) => tally.entryId)}::uuid[], ${tallies.map((tally) => tally.votes)}::int[]) with ordinality as t(entry_id, votes, ordinal)
				cross join lateral generate_series(1, t.votes) v
				cross join lateral (select now() - make_interval(hours => 24 + ((v * 7 + t.ordinal) % 120)::int) as cast_at) c`;
		await recordAudit(tx, actor, { action: 'demo.votes_imported', subjectType: 'round', subjectId: round.roundId, subjectLabel: auditLabel, after: { votes: total, candidates: tallies.length } });
	});
	return total;
}

/**
 * A burst from one address prefix for one candidate within ten minutes (what a vote-buying cluster
 * looks like), as accepted votes; the organiser's review then voids it through the review service.
 * Answers the cluster's prefix hash.
 */
export async function insertVoteCluster(actor: OrgActor, round: BulkRound, entryId: string, votes: number): Promise<string> {
	const [row] = await db()<{ prefix: string }[]>`
		insert into vote (organisation_id, round_id, entry_id, voter_key, cast_at, voting_day, address_prefix_hash, user_agent_hash, proof_id, status)
		select ${actor.organisation.id}, ${round.roundId}, ${entryId}, md5('demo-cluster-voter:' || v), c.cast_at, (c.cast_at at time zone 'Asia/Shanghai')::date,
			md5('demo-cluster-prefix'), md5('demo-cluster-agent'), 'demo-cluster-proof:' || gen_random_uuid(), 'accepted'
		from generate_series(1, ${votes}) v cross join lateral (select now() - interval '50 hours' + make_interval(secs => v * 15) as cast_at) c
		returning address_prefix_hash as prefix`;
	return row!.prefix;
}
