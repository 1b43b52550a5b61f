import type { Db } from '../db/client';
import type { MemberRole } from '../auth/actor';

export interface InvitationRow {
	id: string;
	organisationId: string;
	email: string;
	role: MemberRole;
	invitedByName: string | null;
	createdAt: Date;
	expiresAt: Date;
	acceptedAt: Date | null;
	revokedAt: Date | null;
}

/** An invitation found by its link, with what its page may show before anyone signs in. */
export interface InvitationForLinkRow extends InvitationRow {
	organisationSlug: string;
	organisationName: string;
}

export async function insertInvitation(
	db: Db,
	input: { organisationId: string; email: string; role: MemberRole; tokenHash: string; invitedBy: string; expiresAt: Date }
): Promise<string> {
	const [row] = await db<{ id: string }[]>`
		insert into membership_invitation (organisation_id, email, role, token_hash, invited_by, expires_at)
		values (${input.organisationId}, ${input.email}, ${input.role}, ${input.tokenHash}, ${input.invitedBy}, ${input.expiresAt})
		returning id`;
	return row!.id;
}

/** Open (not accepted, not revoked) invitations of the organisation, expired ones included, newest first. */
export async function listOpenInvitations(db: Db, organisationId: string): Promise<InvitationRow[]> {
	return db<InvitationRow[]>`
		select i.id, i.organisation_id, i.email, i.role, u.display_name as invited_by_name, i.created_at, i.expires_at, i.accepted_at, i.revoked_at
		from membership_invitation i left join app_user u on u.id = i.invited_by
		where i.organisation_id = ${organisationId} and i.accepted_at is null and i.revoked_at is null
		order by i.created_at desc`;
}

/** Revokes the open invitation(s) of the organisation matching id or address; returns what was revoked. */
export async function revokeOpenInvitations(
	db: Db,
	organisationId: string,
	match: { id: string } | { email: string },
	now: Date
): Promise<{ id: string; email: string; role: MemberRole }[]> {
	const condition = 'id' in match ? db`id = ${match.id}` : db`email = ${match.email}`;
	return db<{ id: string; email: string; role: MemberRole }[]>`
		update membership_invitation set revoked_at = ${now}
		where organisation_id = ${organisationId} and accepted_at is null and revoked_at is null and ${condition}
		returning id, email, role`;
}

/** The invitation behind a link, locked when asked for inside a transaction that will accept it. */
export async function getInvitationByTokenHash(db: Db, tokenHash: string, forUpdate = false): Promise<InvitationForLinkRow | undefined> {
	const [row] = await db<InvitationForLinkRow[]>`
		select i.id, i.organisation_id, o.slug as organisation_slug, o.name as organisation_name, i.email, i.role,
			u.display_name as invited_by_name, i.created_at, i.expires_at, i.accepted_at, i.revoked_at
		from membership_invitation i
		join organisation o on o.id = i.organisation_id
		left join app_user u on u.id = i.invited_by
		where i.token_hash = ${tokenHash}
		${forUpdate ? db`for update of i` : db``}`;
	return row;
}

export async function markInvitationAccepted(db: Db, organisationId: string, invitationId: string, userId: string, now: Date): Promise<void> {
	await db`
		update membership_invitation set accepted_at = ${now}, accepted_by = ${userId}
		where id = ${invitationId} and organisation_id = ${organisationId}`;
}
