import type { Db } from '../db/client';
import type { MemberRole } from './actor';
import type { UserRow } from './user-queries';

export interface ApiTokenRow {
	id: string;
	userId: string;
	name: string;
	role: MemberRole;
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
	/** The role the token was made with. */
	tokenRole: MemberRole;
	/** The creator's role in the organisation now; null once they left it. */
	role: MemberRole | null;
}

export async function insertApiToken(
	db: Db,
	input: { organisationId: string; userId: string; name: string; role: MemberRole; tokenHash: string; tokenPrefix: string }
): Promise<string> {
	const [row] = await db<{ id: string }[]>`
		insert into api_token (organisation_id, user_id, name, role, token_hash, token_prefix)
		values (${input.organisationId}, ${input.userId}, ${input.name}, ${input.role}, ${input.tokenHash}, ${input.tokenPrefix})
		returning id`;
	return row!.id;
}

export async function listApiTokens(db: Db, organisationId: string): Promise<ApiTokenRow[]> {
	return db<ApiTokenRow[]>`
		select t.id, t.user_id, t.name, t.role, t.token_prefix, u.display_name as user_display_name, t.created_at, t.last_used_at, t.revoked_at
		from api_token t join app_user u on u.id = t.user_id
		where t.organisation_id = ${organisationId}
		order by t.revoked_at is not null, t.created_at desc`;
}

/** A live token of this organisation, locked for the transaction (revocations are serialised). */
export async function getLiveApiTokenForUpdate(db: Db, organisationId: string, tokenId: string): Promise<ApiTokenRow | undefined> {
	const [row] = await db<ApiTokenRow[]>`
		select t.id, t.user_id, t.name, t.role, t.token_prefix, u.display_name as user_display_name, t.created_at, t.last_used_at, t.revoked_at
		from api_token t join app_user u on u.id = t.user_id
		where t.id = ${tokenId} and t.organisation_id = ${organisationId} and t.revoked_at is null
		for update of t`;
	return row;
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
 * Revokes a member's live tokens in this organisation whose role is not among `keep` (all of them
 * when `keep` is empty), e.g. after a demotion; returns what was revoked.
 */
export async function revokeMemberApiTokens(
	db: Db,
	organisationId: string,
	userId: string,
	keep: MemberRole[],
	now: Date
): Promise<{ id: string; name: string; role: MemberRole }[]> {
	return db<{ id: string; name: string; role: MemberRole }[]>`
		update api_token set revoked_at = ${now}
		where organisation_id = ${organisationId} and user_id = ${userId} and revoked_at is null
			and not (role = any(${keep}::text[]))
		returning id, name, role`;
}

/**
 * The live token with this hash, with its creator and the creator's current role in the token's
 * organisation (null once they left it: the token then acts for nobody).
 */
export async function getApiTokenOwner(db: Db, tokenHash: string): Promise<ApiTokenOwnerRow | undefined> {
	const [row] = await db<ApiTokenOwnerRow[]>`
		select t.id as token_id, t.organisation_id, o.slug as organisation_slug, o.name as organisation_name, t.role as token_role, m.role,
			u.id, u.email, u.phone, u.display_name, u.locale, u.is_platform_admin
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
