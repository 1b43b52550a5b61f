import type { Db } from '../db/client';
import type { MemberRole } from './actor';
import type { UserRow } from './user-queries';

export interface ApiTokenRow {
	id: string;
	name: string;
	tokenPrefix: string;
	userDisplayName: string;
	createdAt: Date;
	lastUsedAt: Date | null;
	revokedAt: Date | null;
}

export interface ApiTokenOwnerRow extends UserRow {
	tokenId: string;
	organisationId: string;
	organisationSlug: string;
	organisationName: string;
	role: MemberRole | null;
}

export async function insertApiToken(
	db: Db,
	input: { organisationId: string; userId: string; name: string; tokenHash: string; tokenPrefix: string }
): Promise<string> {
	const [row] = await db<{ id: string }[]>`
		insert into api_token (organisation_id, user_id, name, token_hash, token_prefix)
		values (${input.organisationId}, ${input.userId}, ${input.name}, ${input.tokenHash}, ${input.tokenPrefix})
		returning id`;
	return row!.id;
}

export async function listApiTokens(db: Db, organisationId: string): Promise<ApiTokenRow[]> {
	return db<ApiTokenRow[]>`
		select t.id, t.name, t.token_prefix, u.display_name as user_display_name, t.created_at, t.last_used_at, t.revoked_at
		from api_token t join app_user u on u.id = t.user_id
		where t.organisation_id = ${organisationId}
		order by t.revoked_at is not null, t.created_at desc`;
}

/** Revokes a token of this organisation; returns false when there is no such live token. */
export async function revokeApiToken(db: Db, organisationId: string, tokenId: string, now: Date): Promise<boolean> {
	const rows = await db`
		update api_token set revoked_at = ${now}
		where id = ${tokenId} and organisation_id = ${organisationId} and revoked_at is null
		returning id`;
	return rows.length === 1;
}

/**
 * The live token with this hash, with its creator and the creator's current role in the token's
 * organisation (null once they left it: the token then acts for nobody).
 */
export async function getApiTokenOwner(db: Db, tokenHash: string): Promise<ApiTokenOwnerRow | undefined> {
	const [row] = await db<ApiTokenOwnerRow[]>`
		select t.id as token_id, t.organisation_id, o.slug as organisation_slug, o.name as organisation_name, m.role,
			u.id, u.email, u.display_name, u.locale, u.is_platform_admin
		from api_token t
		join organisation o on o.id = t.organisation_id
		join app_user u on u.id = t.user_id
		left join membership m on m.organisation_id = t.organisation_id and m.user_id = t.user_id
		where t.token_hash = ${tokenHash} and t.revoked_at is null`;
	return row;
}

export async function touchApiToken(db: Db, tokenId: string, now: Date): Promise<void> {
	// Once a minute is enough to show "last used" and keeps writes off every API call.
	await db`update api_token set last_used_at = ${now}
		where id = ${tokenId} and (last_used_at is null or last_used_at < ${now}::timestamptz - interval '1 minute')`;
}
