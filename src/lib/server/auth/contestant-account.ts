import { db } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { DomainError } from '../domain-error';
import { recordAudit } from '../audit/audit-log';
import { maskPhone } from '$lib/domain/identity/id-number';
import type { Login } from '$lib/domain/identity/login';
import type { Actor } from './actor';
import type { RequestContext, SignedIn } from './account';
import { hashPassword } from './password';
import { createSession } from './session';
import { insertUser } from './user-queries';

/**
 * A contestant creates their own account from a public competition page, with a mainland mobile number
 * or an e-mail address. They join no organisation: their entries tie them to the organiser.
 */
export async function signUpContestant(input: { displayName: string; login: Login; password: string }, context: RequestContext): Promise<SignedIn> {
	const passwordHash = await hashPassword(input.password);
	const phone = 'phone' in input.login ? input.login.phone : null;
	const email = 'email' in input.login ? input.login.email : null;
	try {
		return await db().begin(async (tx) => {
			const user = await insertUser(tx, { email, phone, displayName: input.displayName, passwordHash, locale: context.locale, isPlatformAdmin: false });
			const actor: Actor = { user, ip: context.ip, requestId: context.requestId };
			await recordAudit(tx, actor, { action: 'account.contestant_signed_up', subjectType: 'user', subjectId: user.id, subjectLabel: user.displayName, after: { email, phone: phone && maskPhone(phone) } });
			const { token, session } = await createSession(tx, user.id, context.now);
			return { user, token, expiresAt: session.expiresAt };
		});
	} catch (error) {
		if (isUniqueViolation(error, 'app_user_email_key') || isUniqueViolation(error, 'app_user_phone_key')) throw new DomainError('login_taken', {}, 'login');
		throw error;
	}
}
