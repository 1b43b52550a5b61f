import { db } from '../db/client';
import { DomainError } from '../domain-error';
import { recordAudit } from '../audit/audit-log';
import type { OrgActor } from './actor';
import { MANAGER_ROLES, requireRole } from './roles';
import { canRevokeApiToken, lowerRole } from '$lib/domain/membership/roles';
import { generateSecretToken, hashToken } from './session-token';
import * as queries from './api-token-queries';

export type { ApiTokenRow } from './api-token-queries';

// Recognisable in logs and secret scanners; the rest is the same 160-bit secret as a session token.
const TOKEN_PREFIX = 'jx_';

/**
 * Creates a token acting for the caller in this organisation, with the caller's role now (and never
 * more than their role later). The secret is shown once, here.
 */
export async function createApiToken(actor: OrgActor, name: string): Promise<{ id: string; token: string }> {
	requireRole(actor, MANAGER_ROLES);
	const token = TOKEN_PREFIX + generateSecretToken();
	const id = await db().begin(async (tx) => {
		const tokenId = await queries.insertApiToken(tx, {
			organisationId: actor.organisation.id,
			userId: actor.user.id,
			name,
			role: actor.role,
			tokenHash: hashToken(token),
			tokenPrefix: token.slice(0, TOKEN_PREFIX.length + 6)
		});
		await recordAudit(tx, actor, { action: 'api_token.created', subjectType: 'api_token', subjectId: tokenId, after: { name, role: actor.role } });
		return tokenId;
	});
	return { id, token };
}

export async function listApiTokens(actor: OrgActor): Promise<queries.ApiTokenRow[]> {
	requireRole(actor, MANAGER_ROLES);
	return queries.listApiTokens(db(), actor.organisation.id);
}

/** Revokes a token: its creator may, and so may an owner; to others it is forbidden. */
export async function revokeApiToken(actor: OrgActor, tokenId: string, now: Date): Promise<void> {
	requireRole(actor, MANAGER_ROLES);
	await db().begin(async (tx) => {
		const token = await queries.getLiveApiTokenForUpdate(tx, actor.organisation.id, tokenId);
		if (!token) throw new DomainError('not_found');
		if (!canRevokeApiToken({ userId: actor.user.id, role: actor.role }, token)) throw new DomainError('forbidden');
		await queries.revokeApiToken(tx, actor.organisation.id, tokenId, now);
		await recordAudit(tx, actor, {
			action: 'api_token.revoked',
			subjectType: 'api_token',
			subjectId: tokenId,
			before: { name: token.name, role: token.role, createdBy: token.userDisplayName, revokedAt: null },
			after: { name: token.name, role: token.role, createdBy: token.userDisplayName, revokedAt: now.toISOString() }
		});
	});
}

/** The organisation actor a bearer token stands for; refused when unknown, revoked or orphaned. */
export async function authenticateApiToken(token: string, context: { ip: string | null; requestId: string; now: Date }): Promise<OrgActor> {
	const row = await queries.getApiTokenOwner(db(), hashToken(token));
	// The token's own role, capped by what its creator may do today (nothing once they left).
	const role = row?.role ? lowerRole(row.tokenRole, row.role) : null;
	if (!row || !role || !MANAGER_ROLES.includes(role)) throw new DomainError('invalid_api_token');
	await queries.touchApiToken(db(), row.tokenId, context.now);
	const { id, email, phone, displayName, locale, isPlatformAdmin } = row;
	return {
		user: { id, email, phone, displayName, locale, isPlatformAdmin },
		ip: context.ip,
		requestId: context.requestId,
		organisation: { id: row.organisationId, slug: row.organisationSlug, name: row.organisationName },
		role
	};
}
