import type { Db } from '../db/client';

export interface AppealRow {
	id: string;
	roundId: string;
	entryId: string;
	resultVersionId: string | null;
	filedBy: string | null;
	body: string;
	status: 'open' | 'dismissed' | 'upheld';
	requiresRescore: boolean;
	decisionReason: string | null;
	decidedBy: string | null;
	decidedAt: Date | null;
	rescoredVersionId: string | null;
	createdAt: Date;
	/** The entry's number in the appealed version (else in the round), for people who read numbers. */
	number: number | null;
}

const columns = (db: Db) => db`
	a.id, a.round_id, a.entry_id, a.result_version_id, a.filed_by, a.body, a.status, a.requires_rescore, a.decision_reason, a.decided_by, a.decided_at,
	a.rescored_version_id, a.created_at,
	coalesce((select p.number from result_placing p where p.result_version_id = a.result_version_id and p.entry_id = a.entry_id),
		(select coalesce(re.marking_number, re.number) from round_entry re where re.round_id = a.round_id and re.entry_id = a.entry_id)) as number`;

export async function insertAppeal(db: Db, organisationId: string, row: { roundId: string; entryId: string; resultVersionId: string | null; filedBy: string; body: string }): Promise<string> {
	const [inserted] = await db<{ id: string }[]>`
		insert into appeal (organisation_id, round_id, entry_id, result_version_id, filed_by, body)
		values (${organisationId}, ${row.roundId}, ${row.entryId}, ${row.resultVersionId}, ${row.filedBy}, ${row.body})
		returning id`;
	return inserted!.id;
}

/** Appeals of the given rounds (all of them, or only those one person filed), newest first. */
export function listAppealsOfRounds(db: Db, organisationId: string, roundIds: string[], filedBy: string | null = null): Promise<AppealRow[]> {
	if (roundIds.length === 0) return Promise.resolve([]);
	return db<AppealRow[]>`
		select ${columns(db)} from appeal a
		where a.organisation_id = ${organisationId} and a.round_id = any(${roundIds}::uuid[]) and (${filedBy}::uuid is null or a.filed_by = ${filedBy})
		order by a.created_at desc, a.id`;
}

export async function getAppeal(db: Db, organisationId: string, id: string, forUpdate = false): Promise<AppealRow | undefined> {
	const [row] = forUpdate
		? await db<AppealRow[]>`select ${columns(db)} from appeal a where a.organisation_id = ${organisationId} and a.id = ${id} for update of a`
		: await db<AppealRow[]>`select ${columns(db)} from appeal a where a.organisation_id = ${organisationId} and a.id = ${id}`;
	return row;
}

export async function decideAppealRow(db: Db, organisationId: string, id: string, decision: { status: 'dismissed' | 'upheld'; requiresRescore: boolean; reason: string; decidedBy: string }): Promise<boolean> {
	const rows = await db`
		update appeal set status = ${decision.status}, requires_rescore = ${decision.requiresRescore}, decision_reason = ${decision.reason}, decided_by = ${decision.decidedBy}, decided_at = now()
		where organisation_id = ${organisationId} and id = ${id} and status = 'open'`;
	return rows.count > 0;
}

export async function linkRescoredVersion(db: Db, organisationId: string, id: string, versionId: string): Promise<boolean> {
	const rows = await db`
		update appeal set rescored_version_id = ${versionId}
		where organisation_id = ${organisationId} and id = ${id} and requires_rescore and rescored_version_id is null`;
	return rows.count > 0;
}

/**
 * What still stands between a round and its final results: objections not answered, appeals not
 * decided, and upheld appeals whose re-score has not produced a new version yet.
 */
export async function countOpenObjectionsAndAppeals(db: Db, organisationId: string, roundId: string): Promise<{ objections: number; appeals: number }> {
	const [row] = await db<{ objections: number; appeals: number }[]>`
		select
			(select count(*)::int from objection where organisation_id = ${organisationId} and round_id = ${roundId} and status = 'open') as objections,
			(select count(*)::int from appeal where organisation_id = ${organisationId} and round_id = ${roundId}
				and (status = 'open' or (requires_rescore and rescored_version_id is null))) as appeals`;
	return row!;
}

export interface AppealTargetRow {
	organisationId: string;
	organisationSlug: string;
	competitionId: string;
	competitionTitle: string;
	entryId: string;
	roundId: string;
	roundLabel: string;
	number: number | null;
	scoresLockedAt: Date | null;
	appealWindowMinutes: number;
	publishedVersionId: string | null;
	finalisedAt: Date | null;
}

/**
 * The rounds an entry of this registrant (a contestant, or the leader who registered a team) is in,
 * with what an appeal needs: found through the registrant, whatever the organisation.
 */
export function listOwnEntryRounds(db: Db, registrantId: string, entryId: string): Promise<AppealTargetRow[]> {
	return db<AppealTargetRow[]>`
		select e.organisation_id, o.slug as organisation_slug, c.id as competition_id, c.title as competition_title, e.id as entry_id, r.id as round_id,
			ev.name || ' · ' || r.name as round_label, coalesce(re.marking_number, re.number) as number,
			r.scores_locked_at, r.appeal_window_minutes, r.published_version_id, r.finalised_at
		from entry e join organisation o on o.id = e.organisation_id
			join competition c on c.id = e.competition_id and c.organisation_id = e.organisation_id
			join round_entry re on re.entry_id = e.id and re.organisation_id = e.organisation_id
			join round r on r.id = re.round_id and r.organisation_id = re.organisation_id
			join event ev on ev.id = r.event_id and ev.organisation_id = r.organisation_id
		where e.id = ${entryId} and e.registrant_id = ${registrantId}
		order by ev.position, r.position`;
}

export async function updateAppealWindow(db: Db, organisationId: string, roundId: string, minutes: number): Promise<number | undefined> {
	const [before] = await db<{ minutes: number }[]>`select appeal_window_minutes as minutes from round where organisation_id = ${organisationId} and id = ${roundId} for update`;
	if (!before) return undefined;
	await db`update round set appeal_window_minutes = ${minutes} where organisation_id = ${organisationId} and id = ${roundId}`;
	return before.minutes;
}

/** Each round's appeal window in minutes. */
export function listAppealWindows(db: Db, organisationId: string, roundIds: string[]): Promise<{ id: string; minutes: number }[]> {
	if (roundIds.length === 0) return Promise.resolve([]);
	return db<{ id: string; minutes: number }[]>`select id, appeal_window_minutes as minutes from round where organisation_id = ${organisationId} and id = any(${roundIds}::uuid[])`;
}
