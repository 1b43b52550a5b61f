import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readParams } from '$lib/server/http/api';
import { issueSignInCode, signInLink } from '$lib/server/judging/access-service';
import { idPathSchema } from '$lib/schemas/competition';

export const POST: RequestHandler = apiHandler(async (actor, event) => {
	const issued = await issueSignInCode(actor, readParams(event.params, idPathSchema).id, event.url.origin);
	return json({ judgeId: issued.judgeId, code: issued.code, expiresAt: issued.expiresAt.toISOString(), signInUrl: signInLink(event.url.origin, issued.code) }, { status: 201 });
});
