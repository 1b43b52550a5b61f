import { db, type Db } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { DomainError } from '../domain-error';
import type { Actor, MemberRole, OrgActor } from '../auth/actor';
import { requireRole } from '../auth/roles';
import { hashPassword } from '../auth/password';
import { createSession } from '../auth/session';
import { generateSecretToken, hashToken } from '../auth/session-token';
import { insertUser } from '../auth/user-queries';
import type { RequestContext, SignedIn } from '../auth/account';
import { recordAudit } from '../audit/audit-log';
import { canInviteWithRole } from '$lib/domain/membership/roles';
import { invitationExpiryFrom, invitationStatus, isInvitedAddress, type InvitationStatus } from '$lib/domain/membership/invitation';
import * as queries from './invitation-queries';
import { getMember, insertMembership } from './queries';

export type { InvitationRow } from './invitation-queries';

export interface CreatedInvitation {
	id: string;
	email: string;
	role: MemberRole;
	expiresAt: Date;
	/** The secret of the link; shown once, to the inviting owner, and stored only as its hash. */
	token: string;
}

/**
 * An owner invites a person by e-mail. Whether the address has an account is never looked at, so
 * the answer is the same for every address; nothing is shared until the person accepts. Inviting
 * the same address again replaces the earlier link.
 */
export async function inviteMember(actor: OrgActor, input: { email: string; role: MemberRole }, now = new Date()): Promise<CreatedInvitation> {
	requireRole(actor, ['owner']);
	if (!canInviteWithRole(actor.role, input.role)) throw new DomainError('forbidden');
	const email = input.email.trim().toLowerCase();
	const token = generateSecretToken();
	const expiresAt = invitationExpiryFrom(now);
	const id = await db().begin(async (tx) => {
		// Invitations of one organisation are made one at a time, so one address never has two open links.
		await tx`select 1 from organisation where id = ${actor.organisation.id} for update`;
		// Only this organisation's own members are looked at, which its owners can see anyway.
		if (await isMemberByEmail(tx, actor.organisation.id, email)) throw new DomainError('already_member', {}, 'email');
		const replaced = await queries.revokeOpenInvitations(tx, actor.organisation.id, { email }, now);
		const invitationId = await queries.insertInvitation(tx, {
			organisationId: actor.organisation.id,
			email,
			role: input.role,
			tokenHash: hashToken(token),
			invitedBy: actor.user.id,
			expiresAt
		});
		await recordAudit(tx, actor, {
			action: 'membership.invitation_created',
			subjectType: 'membership_invitation',
			subjectId: invitationId,
			after: { email, role: input.role, expiresAt: expiresAt.toISOString(), replacesEarlier: replaced.length > 0 }
		});
		return invitationId;
	});
	return { id, email, role: input.role, expiresAt, token };
}

async function isMemberByEmail(tx: Db, organisationId: string, email: string): Promise<boolean> {
	const rows = await tx`
		select 1 from membership m join app_user u on u.id = m.user_id
		where m.organisation_id = ${organisationId} and lower(u.email) = ${email}`;
	return rows.length > 0;
}

export async function listInvitations(actor: OrgActor): Promise<(queries.InvitationRow & { status: InvitationStatus })[]> {
	requireRole(actor, ['owner']);
	const now = new Date();
	return (await queries.listOpenInvitations(db(), actor.organisation.id)).map((row) => ({ ...row, status: invitationStatus(row, now) }));
}

export async function revokeInvitation(actor: OrgActor, invitationId: string, now = new Date()): Promise<void> {
	requireRole(actor, ['owner']);
	await db().begin(async (tx) => {
		const [revoked] = await queries.revokeOpenInvitations(tx, actor.organisation.id, { id: invitationId }, now);
		if (!revoked) throw new DomainError('not_found');
		await recordAudit(tx, actor, {
			action: 'membership.invitation_revoked',
			subjectType: 'membership_invitation',
			subjectId: revoked.id,
			before: { email: revoked.email, role: revoked.role, revokedAt: null },
			after: { email: revoked.email, role: revoked.role, revokedAt: now.toISOString() }
		});
	});
}

/** What the invitation page shows to whoever holds the link; undefined when it no longer works. */
export async function getInvitationForLink(token: string, now = new Date()) {
	const row = await queries.getInvitationByTokenHash(db(), hashToken(token));
	if (!row || invitationStatus(row, now) !== 'pending') return undefined;
	return { email: row.email, role: row.role, organisationName: row.organisationName, invitedByName: row.invitedByName, expiresAt: row.expiresAt };
}

/** The signed-in person accepts an invitation addressed to their e-mail and joins with its role. */
export async function acceptInvitation(actor: Actor, token: string, now = new Date()): Promise<{ organisationSlug: string }> {
	return db().begin(async (tx) => {
		const invitation = await openInvitationForUpdate(tx, token, now);
		if (!actor.user.email || !isInvitedAddress(invitation.email, actor.user.email)) throw new DomainError('invitation_wrong_account');
		await join(tx, actor, invitation, now, false);
		return { organisationSlug: invitation.organisationSlug };
	});
}

/** A person without an account creates one with the invited address and joins in the same step. */
export async function acceptInvitationWithNewAccount(
	token: string,
	input: { displayName: string; password: string },
	context: RequestContext
): Promise<SignedIn & { organisationSlug: string }> {
	const passwordHash = await hashPassword(input.password);
	try {
		return await db().begin(async (tx) => {
			const invitation = await openInvitationForUpdate(tx, token, context.now);
			const user = await insertUser(tx, { email: invitation.email, displayName: input.displayName, passwordHash, locale: context.locale, isPlatformAdmin: false });
			await join(tx, { user, ip: context.ip, requestId: context.requestId }, invitation, context.now, true);
			const { token: sessionToken, session } = await createSession(tx, user.id, context.now);
			return { user, token: sessionToken, expiresAt: session.expiresAt, organisationSlug: invitation.organisationSlug };
		});
	} catch (error) {
		// The link's holder is the address's owner: telling them the address has an account is no leak.
		if (isUniqueViolation(error, 'app_user_email_key')) throw new DomainError('email_taken', {}, 'email');
		throw error;
	}
}

async function openInvitationForUpdate(tx: Db, token: string, now: Date): Promise<queries.InvitationForLinkRow> {
	const invitation = await queries.getInvitationByTokenHash(tx, hashToken(token), true);
	if (!invitation || invitationStatus(invitation, now) !== 'pending') throw new DomainError('invitation_invalid');
	return invitation;
}

async function join(tx: Db, actor: Actor, invitation: queries.InvitationForLinkRow, now: Date, newAccount: boolean): Promise<void> {
	if (await getMember(tx, invitation.organisationId, actor.user.id)) throw new DomainError('already_member');
	await insertMembership(tx, invitation.organisationId, actor.user.id, invitation.role);
	await queries.markInvitationAccepted(tx, invitation.organisationId, invitation.id, actor.user.id, now);
	await recordAudit(
		tx,
		actor,
		{
			action: 'membership.invitation_accepted',
			subjectType: 'membership_invitation',
			subjectId: invitation.id,
			before: { email: invitation.email, role: invitation.role, acceptedAt: null },
			after: { email: invitation.email, role: invitation.role, acceptedAt: now.toISOString(), newAccount }
		},
		invitation.organisationId
	);
}
