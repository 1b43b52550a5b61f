import { db } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { DomainError } from '../domain-error';
import type { Actor, MemberRole, OrgActor } from '../auth/actor';
import { requireRole, MANAGER_ROLES } from '../auth/roles';
import { hashPassword } from '../auth/password';
import { getUserByEmail, insertUser } from '../auth/user-queries';
import { recordAudit } from '../audit/audit-log';
import type { Db } from '../db/client';
import { revokeMemberApiTokens } from '../auth/api-token-queries';
import { rolesUpTo } from '$lib/domain/membership/roles';
import * as queries from './queries';

export type { MembershipRow, MemberRow, OrganisationRow } from './queries';

/** The organisations a person belongs to, for the switcher. */
export function listMyOrganisations(userId: string): Promise<queries.MembershipRow[]> {
	return queries.listMembershipsOfUser(db(), userId);
}

/** Enters an organisation as its member; to anyone else it does not exist (404, not 403). */
export async function enterOrganisation(actor: Actor, slug: string): Promise<OrgActor> {
	const membership = await queries.getMembership(db(), actor.user.id, slug);
	if (!membership) throw new DomainError('not_found');
	return {
		...actor,
		organisation: { id: membership.organisationId, slug: membership.slug, name: membership.name },
		role: membership.role
	};
}

export function getOrganisationForSignUp(slug: string): Promise<queries.OrganisationRow | undefined> {
	return queries.getOrganisationBySlug(db(), slug);
}

export async function getOrganisationSettings(actor: OrgActor): Promise<queries.OrganisationRow> {
	requireRole(actor, MANAGER_ROLES);
	const row = await queries.getOrganisationById(db(), actor.organisation.id);
	if (!row) throw new DomainError('not_found');
	return row;
}

export async function updateOrganisationSettings(
	actor: OrgActor,
	input: { name: string; allowSignUp: boolean }
): Promise<queries.OrganisationRow> {
	requireRole(actor, ['owner']);
	return db().begin(async (tx) => {
		const before = await queries.getOrganisationById(tx, actor.organisation.id);
		const after = await queries.updateOrganisation(tx, actor.organisation.id, input);
		await recordAudit(tx, actor, {
			action: 'organisation.updated',
			subjectType: 'organisation',
			subjectId: after.id,
			before: before && { name: before.name, allowSignUp: before.allowSignUp },
			after: { name: after.name, allowSignUp: after.allowSignUp }
		});
		return after;
	});
}

export interface NewOrganisationInput {
	slug: string;
	name: string;
	ownerEmail: string;
	ownerDisplayName: string;
	/** Needed only when the owner has no account yet. */
	ownerPassword?: string;
}

/** A platform admin opens a new organisation and names its first owner. */
export async function createOrganisation(actor: Actor, input: NewOrganisationInput): Promise<queries.OrganisationRow> {
	if (!actor.user.isPlatformAdmin) throw new DomainError('forbidden');
	const passwordHash = input.ownerPassword ? await hashPassword(input.ownerPassword) : undefined;
	try {
		return await db().begin(async (tx) => {
			const organisation = await queries.insertOrganisation(tx, { slug: input.slug, name: input.name, allowSignUp: false });
			const owner = await findOrCreateUser(tx, input.ownerEmail, input.ownerDisplayName, passwordHash);
			await queries.insertMembership(tx, organisation.id, owner.id, 'owner');
			await recordAudit(
				tx,
				actor,
				{ action: 'organisation.created', subjectType: 'organisation', subjectId: organisation.id, after: { slug: organisation.slug, name: organisation.name, owner: owner.email } },
				organisation.id
			);
			return organisation;
		});
	} catch (error) {
		if (isUniqueViolation(error, 'organisation_slug_key')) throw new DomainError('slug_taken', {}, 'slug');
		throw error;
	}
}

async function findOrCreateUser(tx: Parameters<typeof insertUser>[0], email: string, displayName: string, passwordHash?: string) {
	const existing = await getUserByEmail(tx, email);
	if (existing) return existing;
	if (!passwordHash) throw new DomainError('password_required', {}, 'password');
	return insertUser(tx, { email, displayName, passwordHash, locale: null, isPlatformAdmin: false });
}

export async function listMembers(actor: OrgActor): Promise<queries.MemberRow[]> {
	requireRole(actor, MANAGER_ROLES);
	return queries.listMembers(db(), actor.organisation.id);
}

export async function changeMemberRole(actor: OrgActor, userId: string, role: MemberRole): Promise<void> {
	requireRole(actor, ['owner']);
	await db().begin(async (tx) => {
		const member = await queries.getMember(tx, actor.organisation.id, userId);
		if (!member) throw new DomainError('not_found');
		if (member.role === role) return;
		if (member.role === 'owner' && (await queries.countOwnersForUpdate(tx, actor.organisation.id)) <= 1) {
			throw new DomainError('last_owner');
		}
		await queries.updateMemberRole(tx, actor.organisation.id, userId, role);
		await recordAudit(tx, actor, { action: 'membership.role_changed', subjectType: 'user', subjectId: userId, before: { role: member.role }, after: { role } });
		// Tokens die with a demotion: a later promotion must not bring them back.
		await revokeTokensBeyond(tx, actor, userId, rolesUpTo(role), 'member_role_changed');
	});
}

async function revokeTokensBeyond(tx: Db, actor: OrgActor, userId: string, keep: MemberRole[], reason: string): Promise<void> {
	const now = new Date();
	for (const token of await revokeMemberApiTokens(tx, actor.organisation.id, userId, keep, now)) {
		await recordAudit(tx, actor, {
			action: 'api_token.revoked',
			subjectType: 'api_token',
			subjectId: token.id,
			before: { name: token.name, role: token.role, revokedAt: null },
			after: { name: token.name, role: token.role, revokedAt: now.toISOString(), reason }
		});
	}
}

export async function removeMember(actor: OrgActor, userId: string): Promise<void> {
	requireRole(actor, ['owner']);
	await db().begin(async (tx) => {
		const member = await queries.getMember(tx, actor.organisation.id, userId);
		if (!member) throw new DomainError('not_found');
		if (member.role === 'owner' && (await queries.countOwnersForUpdate(tx, actor.organisation.id)) <= 1) {
			throw new DomainError('last_owner');
		}
		await queries.deleteMembership(tx, actor.organisation.id, userId);
		await recordAudit(tx, actor, { action: 'membership.removed', subjectType: 'user', subjectId: userId, before: { email: member.email, role: member.role } });
		await revokeTokensBeyond(tx, actor, userId, [], 'member_removed');
	});
}

export async function listAllOrganisations(actor: Actor) {
	if (!actor.user.isPlatformAdmin) throw new DomainError('forbidden');
	return queries.listOrganisations(db());
}

/** Whether a person belongs to an organisation (any role); used to admit sockets to its room. */
export function isMemberOf(userId: string, organisationId: string): Promise<boolean> {
	return queries.hasMembership(db(), userId, organisationId);
}
