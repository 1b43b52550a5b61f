import type { Db } from '../db/client';
import type { ExtraFieldKind } from '$lib/domain/registration/extra-fields';

export interface RegistrationSettingsRow {
	registrationClosesAt: Date | null;
	allowMultipleEvents: boolean;
	privacyNotice: string;
	privacyNoticeVersion: number;
	screeningTwoPerson: boolean;
}

export interface TeamSizeRow {
	eventId: string;
	name: string;
	participation: 'individual' | 'team';
	teamMinMembers: number;
	teamMaxMembers: number;
}

export interface RegistrationFieldRow {
	id: string;
	key: string;
	label: string;
	kind: ExtraFieldKind;
	options: string[];
	required: boolean;
	position: number;
}

export async function getRegistrationSettings(db: Db, organisationId: string, competitionId: string, forUpdate = false): Promise<RegistrationSettingsRow | undefined> {
	const [row] = await db<RegistrationSettingsRow[]>`
		select registration_closes_at, allow_multiple_events, privacy_notice, privacy_notice_version, screening_two_person
		from competition where organisation_id = ${organisationId} and id = ${competitionId} ${forUpdate ? db`for update` : db``}`;
	return row;
}

export async function updateRegistrationSettings(db: Db, organisationId: string, competitionId: string, settings: RegistrationSettingsRow): Promise<void> {
	await db`
		update competition set registration_closes_at = ${settings.registrationClosesAt}, allow_multiple_events = ${settings.allowMultipleEvents},
			privacy_notice = ${settings.privacyNotice}, privacy_notice_version = ${settings.privacyNoticeVersion},
			screening_two_person = ${settings.screeningTwoPerson}, updated_at = now()
		where organisation_id = ${organisationId} and id = ${competitionId}`;
}

export function listTeamSizes(db: Db, organisationId: string, competitionId: string): Promise<TeamSizeRow[]> {
	return db<TeamSizeRow[]>`
		select id as event_id, name, participation, team_min_members, team_max_members from event
		where organisation_id = ${organisationId} and competition_id = ${competitionId} order by position`;
}

export async function updateTeamSize(db: Db, organisationId: string, competitionId: string, size: { eventId: string; min: number; max: number }): Promise<void> {
	await db`
		update event set team_min_members = ${size.min}, team_max_members = ${size.max}
		where organisation_id = ${organisationId} and competition_id = ${competitionId} and id = ${size.eventId}`;
}

export function listRegistrationFields(db: Db, organisationId: string, competitionId: string): Promise<RegistrationFieldRow[]> {
	return db<RegistrationFieldRow[]>`
		select id, key, label, kind, options, required, position from registration_field
		where organisation_id = ${organisationId} and competition_id = ${competitionId} order by position`;
}

/** The competition's fields become exactly these, in this order (kept by key, so answers keep their meaning). */
export async function replaceRegistrationFields(
	db: Db,
	organisationId: string,
	competitionId: string,
	fields: { key: string; label: string; kind: ExtraFieldKind; options: string[]; required: boolean }[]
): Promise<void> {
	const keys = fields.map((field) => field.key);
	await db`delete from registration_field where organisation_id = ${organisationId} and competition_id = ${competitionId} and not (key = any(${keys}::text[]))`;
	for (const [position, field] of fields.entries()) {
		await db`
			insert into registration_field (organisation_id, competition_id, key, label, kind, options, required, position)
			values (${organisationId}, ${competitionId}, ${field.key}, ${field.label}, ${field.kind}, ${db.json(field.options)}, ${field.required}, ${position})
			on conflict (competition_id, key) do update set label = excluded.label, kind = excluded.kind, options = excluded.options,
				required = excluded.required, position = excluded.position
			where registration_field.organisation_id = ${organisationId}`;
	}
}
