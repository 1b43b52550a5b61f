import type { Db } from '../db/client';
import type { EntryStatus } from '$lib/domain/registration/places';
import type { ExtraValue } from '$lib/domain/registration/extra-fields';

export interface StoredMember {
	name: string;
	gender: 'female' | 'male';
	idType: string;
	idNumberHash: string;
	phone: string;
	unit: string;
	trade: string;
	level: string | null;
}

export interface StoredEntry {
	id: string;
	eventId: string;
	status: EntryStatus;
	source: string;
	teamName: string | null;
	unit: string;
	extra: Record<string, ExtraValue>;
	/** Leader first. */
	members: StoredMember[];
}

/** Entries with their people (hashes, never numbers), to tell what a re-imported list changes. */
export function listEntriesForComparison(db: Db, organisationId: string, competitionId: string, entryIds: string[]): Promise<StoredEntry[]> {
	if (entryIds.length === 0) return Promise.resolve([]);
	return db<StoredEntry[]>`
		select e.id, e.event_id, e.status, e.source, e.team_name, e.unit, e.extra,
			json_agg(json_build_object('name', m.name, 'gender', m.gender, 'idType', m.id_type, 'idNumberHash', m.id_number_hash,
				'phone', m.phone, 'unit', m.unit, 'trade', m.trade, 'level', m.level) order by m.position) as members
		from entry e join entry_member m on m.organisation_id = e.organisation_id and m.entry_id = e.id
		where e.organisation_id = ${organisationId} and e.competition_id = ${competitionId} and e.id = any(${entryIds}::uuid[])
		group by e.id`;
}

export interface ExportRow {
	entryId: string;
	eventName: string;
	status: EntryStatus;
	teamName: string | null;
	extra: Record<string, ExtraValue>;
	createdAt: Date;
	position: number;
	name: string;
	gender: 'female' | 'male';
	idType: string;
	/** Only in the full export; the masked export never reads it. */
	idNumberCipher: string | null;
	idNumberMasked: string;
	phone: string;
	unit: string;
	trade: string;
	level: string | null;
}

/** Every person of every entry of the competition, event by event in order of arrival. */
export function listEntriesForExport(db: Db, organisationId: string, competitionId: string, options: { masked: boolean }): Promise<ExportRow[]> {
	return db<ExportRow[]>`
		select e.id as entry_id, ev.name as event_name, e.status, e.team_name, e.extra, e.created_at, m.position, m.name, m.gender, m.id_type,
			${options.masked ? db`null` : db`m.id_number_cipher`} as id_number_cipher, m.id_number_masked, m.phone, m.unit, m.trade, m.level
		from entry e
		join event ev on ev.organisation_id = e.organisation_id and ev.id = e.event_id
		join entry_member m on m.organisation_id = e.organisation_id and m.entry_id = e.id
		where e.organisation_id = ${organisationId} and e.competition_id = ${competitionId}
		order by ev.position, e.arrival, m.position`;
}

