import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler, readJsonBody } from '$lib/server/http/api';
import { addMember, listMembers } from '$lib/server/organisations/service';
import { addMemberBodySchema } from '$lib/schemas/api/organisation';
import { toApiMember } from '$lib/server/api/representations';

export const GET: RequestHandler = apiHandler(async (actor) => {
	return json({ members: (await listMembers(actor)).map(toApiMember) });
});

export const POST: RequestHandler = apiHandler(async (actor, event) => {
	const body = await readJsonBody(event, addMemberBodySchema);
	await addMember(actor, body);
	const added = (await listMembers(actor)).find((member) => member.email === body.email);
	return json(added && toApiMember(added), { status: 201 });
});
