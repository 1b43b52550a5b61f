import { m } from '$lib/paraglide/messages.js';
import type { JudgeEntryResult } from '$lib/realtime/events';
import { judgeEntryRequestSchema } from '$lib/schemas/judges';
import { db } from '../db/client';
import { DomainError } from '../domain-error';
import { describeDomainError } from '../http/errors';
import type { UserRow } from '../auth/user-queries';
import { entryForJudge } from './judge-view';
import { inLocale } from '../i18n/in-locale';

async function userById(id: string): Promise<UserRow | undefined> {
	const [user] = await db()<UserRow[]>`select id, email, display_name, locale, is_platform_admin from app_user where id = ${id}`;
	return user;
}

const refusal = (code: string, message: string): JudgeEntryResult => ({ ok: false, error: { code, message } });

/**
 * `judge:entry` over the socket: the same check as over HTTP (entryForJudge → assertJudgeMayScore).
 * Whatever arrives, the answer is an ack; a malformed payload or an unexpected failure never reaches
 * the socket as an exception.
 */
export async function onJudgeEntry(userId: string | null, payload: unknown): Promise<JudgeEntryResult> {
	const user = userId ? await userById(userId).catch(() => undefined) : undefined;
	// Messages in the judge's own language (the account's), as on their pages.
	return inLocale(user?.locale, async () => {
		const parsed = judgeEntryRequestSchema.safeParse(payload);
		if (!parsed.success) return refusal('validation_failed', m.errors_validation());
		try {
			if (!user) return refusal('forbidden', m.errors_forbidden());
			const entry = await entryForJudge({ user, ip: null, requestId: 'socket' }, parsed.data.roundId, parsed.data.entryId);
			return { ok: true, entry };
		} catch (error) {
			if (error instanceof DomainError) return refusal(error.code, describeDomainError(error).message);
			console.error('judge:entry failed', error);
			return refusal('internal_error', m.errors_forbidden());
		}
	});
}
