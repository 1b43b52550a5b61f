import { db } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { DomainError } from '../domain-error';
import { recordAudit } from '../audit/audit-log';
import { getOrganisationBySlug, insertMembership, insertOrganisation, listMembershipsOfUser } from '../organisations/queries';
import type { Actor } from './actor';
import { hashPassword, verifyPassword } from './password';
import { createSession, invalidateSession, invalidateUserSessions, validateSessionToken, type SessionValidation } from './session';
import { countUsers, getUserPasswordHash, insertUser, updateUserLocale, updateUserPasswordHash, type UserRow } from './user-queries';

export interface RequestContext {
	ip: string | null;
	requestId: string;
	now: Date;
	locale: 'zh-CN' | 'en';
}

export interface SignedIn {
	user: UserRow;
	token: string;
	expiresAt: Date;
}

/** The one session check, shared by the HTTP hook and the socket.io handshake. */
export function authenticateSession(token: string, now: Date): Promise<SessionValidation> {
	return validateSessionToken(db(), token, now);
}

export function signOut(sessionId: string): Promise<void> {
	return invalidateSession(db(), sessionId);
}

// Serialises first-run set-up so two browsers racing on an empty install cannot both become admin.
const SETUP_LOCK_ID = 7_115_087_022;

export async function isSetupNeeded(): Promise<boolean> {
	return (await countUsers(db())) === 0;
}

/**
 * First run: creates the first organisation and its owner, who is also the platform admin.
 * Refused once any account exists, so the set-up page cannot be replayed later.
 */
export async function completeSetup(
	input: { organisationName: string; organisationSlug: string; displayName: string; email: string; password: string },
	context: RequestContext
): Promise<SignedIn> {
	const passwordHash = await hashPassword(input.password);
	return db().begin(async (tx) => {
		await tx`select pg_advisory_xact_lock(${SETUP_LOCK_ID})`;
		if ((await countUsers(tx)) > 0) throw new DomainError('setup_already_done');
		const user = await insertUser(tx, { email: input.email, displayName: input.displayName, passwordHash, locale: context.locale, isPlatformAdmin: true });
		const organisation = await insertOrganisation(tx, { slug: input.organisationSlug, name: input.organisationName, allowSignUp: false });
		await insertMembership(tx, organisation.id, user.id, 'owner');
		const actor: Actor = { user, ip: context.ip, requestId: context.requestId };
		await recordAudit(tx, actor, { action: 'organisation.created', subjectType: 'organisation', subjectId: organisation.id, after: { slug: organisation.slug, name: organisation.name, owner: user.email } }, organisation.id);
		const { token, session } = await createSession(tx, user.id, context.now);
		return { user, token, expiresAt: session.expiresAt };
	});
}

/** A person creates their own account in an organisation that allows it; they join as a contestant. */
export async function signUp(
	organisationSlug: string,
	input: { displayName: string; email: string; password: string },
	context: RequestContext
): Promise<SignedIn> {
	const organisation = await getOrganisationBySlug(db(), organisationSlug);
	if (!organisation) throw new DomainError('not_found');
	if (!organisation.allowSignUp) throw new DomainError('sign_up_closed');
	const passwordHash = await hashPassword(input.password);
	try {
		return await db().begin(async (tx) => {
			const user = await insertUser(tx, { email: input.email, displayName: input.displayName, passwordHash, locale: context.locale, isPlatformAdmin: false });
			await insertMembership(tx, organisation.id, user.id, 'contestant');
			const actor: Actor = { user, ip: context.ip, requestId: context.requestId };
			await recordAudit(tx, actor, { action: 'membership.signed_up', subjectType: 'user', subjectId: user.id, after: { email: user.email, role: 'contestant' } }, organisation.id);
			const { token, session } = await createSession(tx, user.id, context.now);
			return { user, token, expiresAt: session.expiresAt };
		});
	} catch (error) {
		if (isUniqueViolation(error, 'app_user_email_key')) throw new DomainError('email_taken', {}, 'email');
		throw error;
	}
}

/** Changes a password after checking the current one; every other session of the person ends. */
export async function changePassword(
	actor: Actor,
	currentSessionId: string,
	input: { currentPassword: string; newPassword: string }
): Promise<void> {
	const currentHash = await getUserPasswordHash(db(), actor.user.id);
	if (!currentHash || !(await verifyPassword(currentHash, input.currentPassword))) {
		throw new DomainError('wrong_current_password', {}, 'currentPassword');
	}
	const passwordHash = await hashPassword(input.newPassword);
	await db().begin(async (tx) => {
		await updateUserPasswordHash(tx, actor.user.id, passwordHash);
		const endedSessions = await invalidateUserSessions(tx, actor.user.id, currentSessionId);
		// An account belongs to no one organisation: each organisation the person is in sees the change.
		const entry = {
			action: 'account.password_changed',
			subjectType: 'user',
			subjectId: actor.user.id,
			before: { email: actor.user.email, passwordChanged: false },
			after: { email: actor.user.email, passwordChanged: true, otherSessionsEnded: endedSessions }
		};
		const memberships = await listMembershipsOfUser(tx, actor.user.id);
		if (memberships.length === 0) await recordAudit(tx, actor, entry);
		for (const membership of memberships) await recordAudit(tx, actor, entry, membership.organisationId);
	});
}

export function rememberLocale(userId: string, locale: 'zh-CN' | 'en'): Promise<void> {
	return updateUserLocale(db(), userId, locale);
}
