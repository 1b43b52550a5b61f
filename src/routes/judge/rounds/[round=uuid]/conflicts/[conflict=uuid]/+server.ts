import type { RequestHandler } from './$types';
import { DomainError } from '$lib/server/domain-error';
import { describeDomainError } from '$lib/server/http/errors';
import { apiErrorResponse } from '$lib/server/http/api';
import { withdrawOwnConflict } from '$lib/server/judging/conflicts-service';
import { clientAddress } from '$lib/server/auth/guards';

/**
 * The signed-in judge withdraws a conflict they declared themselves (the judges' JSON interface; their
 * accounts need not be organisation members, so /api/v1 tokens are not theirs). 204 done; 401 signed
 * out; 403 not on the panel or declared by someone else; 404 not a conflict of theirs in the round.
 */
export const DELETE: RequestHandler = async (event) => {
	const user = event.locals.user;
	if (!user) return apiErrorResponse(401, 'unauthenticated', describeDomainError(new DomainError('forbidden')).message);
	try {
		await withdrawOwnConflict({ user, ip: clientAddress(event), requestId: event.locals.requestId }, event.params.round, event.params.conflict);
		return new Response(null, { status: 204 });
	} catch (error) {
		if (!(error instanceof DomainError)) throw error;
		const { status, message } = describeDomainError(error);
		return apiErrorResponse(status, error.code, message);
	}
};
