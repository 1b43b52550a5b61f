import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { DomainError } from '$lib/server/domain-error';
import { describeDomainError } from '$lib/server/http/errors';
import { apiErrorResponse } from '$lib/server/http/api';
import { entryForJudge } from '$lib/server/judging/judge-view';
import { clientAddress } from '$lib/server/auth/guards';

/**
 * One entry for the signed-in scoring judge, as JSON: numbers only in a blind round. 401 signed out,
 * 403 not on the panel or standing aside, 404 not in the round.
 */
export const GET: RequestHandler = async (event) => {
	const user = event.locals.user;
	if (!user) return apiErrorResponse(401, 'unauthenticated', describeDomainError(new DomainError('forbidden')).message);
	try {
		const entry = await entryForJudge({ user, ip: clientAddress(event), requestId: event.locals.requestId }, event.params.round, event.params.entry);
		return json({ entry });
	} catch (error) {
		if (!(error instanceof DomainError)) throw error;
		const { status, message } = describeDomainError(error);
		return apiErrorResponse(status, error.code, message);
	}
};
