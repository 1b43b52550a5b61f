import type { Db } from '../db/client';
import type { EntryStatus } from '$lib/domain/registration/places';
import type { CompetitionStatus } from '$lib/domain/competition/lifecycle';
import type { ExtraValue } from '$lib/domain/registration/extra-fields';

// A contestant's own entries, found by their account (registrant), whatever the organisation: the
// registrant is the filter here, as the organisation is elsewhere.

export interface MyEntryRow {
	id: string;
	organisationId: string;
	competitionId: string;
	competitionTitle: string;
	competitionSlug: string;
	competitionStatus: CompetitionStatus;
	eventId: string;
	eventName: string;
	participation: 'individual' | 'team';
	status: EntryStatus;
	statusReason: string;
	teamName: string | null;
	unit: string;
	personName: string;
	/** The contestant number (参赛号) in the event's first round, once drawn. */
	number: number | null;
	createdAt: Date;
}

const MY_ENTRY_SELECT = `
	e.id, e.organisation_id, e.competition_id, c.title as competition_title, c.slug as competition_slug, c.status as competition_status,
	e.event_id, ev.name as event_name, ev.participation, e.status, e.status_reason, e.team_name, e.unit, e.created_at,
	(select m.name from entry_member m where m.entry_id = e.id order by m.position limit 1) as person_name,
	(select re.number from round r left join round_entry re on re.round_id = r.id and re.entry_id = e.id
		where r.event_id = e.event_id order by r.position limit 1) as number`;

export function listEntriesOfRegistrant(db: Db, registrantId: string): Promise<MyEntryRow[]> {
	return db<MyEntryRow[]>`
		select ${db.unsafe(MY_ENTRY_SELECT)}
		from entry e
		join competition c on c.organisation_id = e.organisation_id and c.id = e.competition_id
		join event ev on ev.organisation_id = e.organisation_id and ev.id = e.event_id
		where e.registrant_id = ${registrantId}
		order by e.created_at desc`;
}

export async function getEntryOfRegistrant(db: Db, entryId: string, registrantId: string): Promise<(MyEntryRow & { extra: Record<string, ExtraValue> }) | undefined> {
	const [row] = await db<(MyEntryRow & { extra: Record<string, ExtraValue> })[]>`
		select ${db.unsafe(MY_ENTRY_SELECT)}, e.extra
		from entry e
		join competition c on c.organisation_id = e.organisation_id and c.id = e.competition_id
		join event ev on ev.organisation_id = e.organisation_id and ev.id = e.event_id
		where e.id = ${entryId} and e.registrant_id = ${registrantId}`;
	return row;
}

export interface StoredMember {
	position: number;
	name: string;
	gender: 'female' | 'male';
	idType: string;
	idNumberCipher: string;
	phone: string;
	unit: string;
	trade: string;
	level: string | null;
}

/** The people of the registrant's own entry, with the encrypted number (decrypted only for them). */
export function listMembersOfRegistrantEntry(db: Db, entryId: string, registrantId: string): Promise<StoredMember[]> {
	return db<StoredMember[]>`
		select m.position, m.name, m.gender, m.id_type, m.id_number_cipher, m.phone, m.unit, m.trade, m.level
		from entry_member m join entry e on e.organisation_id = m.organisation_id and e.id = m.entry_id
		where m.entry_id = ${entryId} and e.registrant_id = ${registrantId} order by m.position`;
}
