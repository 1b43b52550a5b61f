import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody, readParams } from '$lib/server/http/api';
import { changeMemberRole, removeMember } from '$lib/server/organisations/service';
import { changeRoleBodySchema, memberPathSchema } from '$lib/schemas/api/organisation';

export const PATCH: RequestHandler = apiHandler(async (actor, event) => {
	const { userId } = readParams(event.params, memberPathSchema);
	const { role } = await readJsonBody(event, changeRoleBodySchema);
	await changeMemberRole(actor, userId, role);
	return json({ userId, role });
});

export const DELETE: RequestHandler = apiHandler(async (actor, event) => {
	const { userId } = readParams(event.params, memberPathSchema);
	await removeMember(actor, userId);
	return new Response(null, { status: 204 });
});
