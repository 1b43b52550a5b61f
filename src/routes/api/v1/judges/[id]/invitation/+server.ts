import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readParams } from '$lib/server/http/api';
import { inviteJudge } from '$lib/server/judging/access-service';
import { idPathSchema } from '$lib/schemas/competition';
import { routes } from '$lib/routes';

export const POST: RequestHandler = apiHandler(async (actor, event) => {
	const invitation = await inviteJudge(actor, readParams(event.params, idPathSchema).id);
	return json({ judgeId: invitation.judgeId, url: `${event.url.origin}${routes.judgeInvitation(invitation.token)}`, expiresAt: invitation.expiresAt.toISOString() }, { status: 201 });
});
