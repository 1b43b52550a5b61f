import type { Db } from '../db/client';
import type { EntryStatus } from '$lib/domain/registration/places';
import type { ExtraValue } from '$lib/domain/registration/extra-fields';

/** What the organisers' list narrows by; every part optional. */
export interface EntryFilter {
	/** Name, unit, phone, team name, or digits visible in the masked ID number. */
	search?: string;
	eventId?: string;
	unit?: string;
	status?: EntryStatus;
	/** One of the competition's own fields and the value (or part of it) to look for. */
	fieldKey?: string;
	fieldValue?: string;
}

export interface EntryListRow {
	id: string;
	eventId: string;
	eventName: string;
	teamName: string | null;
	unit: string;
	status: EntryStatus;
	statusReason: string;
	source: string;
	extra: Record<string, ExtraValue>;
	createdAt: Date;
	/** Counted approvals so far (the two-person rule shows "1 of 2"). */
	approvals: number;
}

export interface MemberRow {
	entryId: string;
	position: number;
	name: string;
	gender: 'female' | 'male';
	idType: string;
	idNumberMasked: string;
	phone: string;
	unit: string;
	trade: string;
	level: string | null;
	birthDate: string | null;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

function matching(db: Db, organisationId: string, competitionId: string, filter: EntryFilter) {
	const search = filter.search?.trim() ? `%${escapeLike(filter.search.trim())}%` : null;
	const fieldValue = filter.fieldValue?.trim() ?? '';
	return db`
		e.organisation_id = ${organisationId} and e.competition_id = ${competitionId}
		${filter.eventId ? db`and e.event_id = ${filter.eventId}` : db``}
		${filter.status ? db`and e.status = ${filter.status}` : db``}
		${filter.unit ? db`and e.unit = ${filter.unit}` : db``}
		${filter.fieldKey && fieldValue
			? db`and (e.extra ->> ${filter.fieldKey} ilike ${`%${escapeLike(fieldValue)}%`} or jsonb_exists(e.extra -> ${filter.fieldKey}, ${fieldValue}))`
			: db``}
		${search
			? db`and (e.unit ilike ${search} or e.team_name ilike ${search} or exists (
				select 1 from entry_member m where m.organisation_id = ${organisationId} and m.entry_id = e.id
				and (m.name ilike ${search} or m.phone like ${search} or m.id_number_masked like ${search} or m.unit ilike ${search})))`
			: db``}`;
}

/** One page of the competition's entries in order of arrival. */
export function listEntriesPage(db: Db, organisationId: string, competitionId: string, filter: EntryFilter, page: { limit: number; offset: number }): Promise<EntryListRow[]> {
	return db<EntryListRow[]>`
		select e.id, e.event_id, ev.name as event_name, e.team_name, e.unit, e.status, e.status_reason, e.source, e.extra, e.created_at,
			(select count(*)::int from screening_decision d where d.organisation_id = ${organisationId} and d.entry_id = e.id and d.counted and d.decision = 'approve') as approvals
		from entry e join event ev on ev.organisation_id = e.organisation_id and ev.id = e.event_id
		where ${matching(db, organisationId, competitionId, filter)}
		order by e.arrival limit ${page.limit} offset ${page.offset}`;
}

export async function countMatchingEntries(db: Db, organisationId: string, competitionId: string, filter: EntryFilter): Promise<number> {
	const [row] = await db<{ count: number }[]>`select count(*)::int as count from entry e where ${matching(db, organisationId, competitionId, filter)}`;
	return row!.count;
}

/** Every matching entry's id ("all matching the filter" in a bulk decision). */
export async function listMatchingEntryIds(db: Db, organisationId: string, competitionId: string, filter: EntryFilter): Promise<string[]> {
	const rows = await db<{ id: string }[]>`select e.id from entry e where ${matching(db, organisationId, competitionId, filter)} order by e.arrival`;
	return rows.map((row) => row.id);
}

/** The people of these entries, leader first; ID numbers masked (the cipher is never read here). */
export function listMembersOfEntries(db: Db, organisationId: string, entryIds: string[]): Promise<MemberRow[]> {
	if (entryIds.length === 0) return Promise.resolve([]);
	return db<MemberRow[]>`
		select entry_id, position, name, gender, id_type, id_number_masked, phone, unit, trade, level, birth_date::text
		from entry_member where organisation_id = ${organisationId} and entry_id = any(${entryIds}::uuid[]) order by entry_id, position`;
}

/** The units that have entries, for the filter's choices. */
export async function listEntryUnits(db: Db, organisationId: string, competitionId: string): Promise<string[]> {
	const rows = await db<{ unit: string }[]>`
		select distinct unit from entry where organisation_id = ${organisationId} and competition_id = ${competitionId} order by unit limit 500`;
	return rows.map((row) => row.unit);
}

/** How many entries are in each status (statuses without entries are absent). */
export async function countEntriesByStatus(conn: Db, organisationId: string, competitionId: string): Promise<Partial<Record<EntryStatus, number>>> {
	const rows = await conn<{ status: EntryStatus; count: number }[]>`
		select status, count(*)::int as count from entry
		where organisation_id = ${organisationId} and competition_id = ${competitionId} group by status`;
	return Object.fromEntries(rows.map((row) => [row.status, row.count]));
}

/** Approved entries: the competition's readiness for judging counts these. */
export async function competitionEntryCount(conn: Db, organisationId: string, competitionId: string): Promise<number> {
	const [row] = await conn<{ count: number }[]>`
		select count(*)::int as count from entry
		where organisation_id = ${organisationId} and competition_id = ${competitionId} and status = 'approved'`;
	return row!.count;
}
