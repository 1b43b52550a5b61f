export type MemberRole = 'owner' | 'organiser' | 'contestant';

export const MEMBER_ROLES: readonly MemberRole[] = ['owner', 'organiser', 'contestant'];

// Higher means more rights: an owner may do all an organiser may, an organiser all a contestant may.
const RANK: Record<MemberRole, number> = { owner: 3, organiser: 2, contestant: 1 };

export function roleExceeds(role: MemberRole, limit: MemberRole): boolean {
	return RANK[role] > RANK[limit];
}

/** The lesser of two roles: what an API token may do is its own role capped by its creator's role now. */
export function lowerRole(first: MemberRole, second: MemberRole): MemberRole {
	return roleExceeds(first, second) ? second : first;
}

/** The roles at or below a role, e.g. what a demoted member's tokens may still carry. */
export function rolesUpTo(limit: MemberRole): MemberRole[] {
	return MEMBER_ROLES.filter((role) => !roleExceeds(role, limit));
}

/** Who may add whom: owners may invite any role; nobody else may invite (an owner only by an owner). */
export function canInviteWithRole(inviter: MemberRole, role: MemberRole): boolean {
	return inviter === 'owner' && !roleExceeds(role, inviter);
}

/** A token may be revoked by the person who made it, or by an owner of its organisation. */
export function canRevokeApiToken(actor: { userId: string; role: MemberRole }, token: { userId: string }): boolean {
	return actor.role === 'owner' || actor.userId === token.userId;
}
