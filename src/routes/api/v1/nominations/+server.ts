import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler } from '$lib/server/http/api';
import { listInvitations } from '$lib/server/recommendation/recommendation-service';
import { toApiInvitation } from '$lib/server/api/recommend-representations';

export const GET: RequestHandler = apiHandler(async (actor) => json({ invitations: (await listInvitations(actor)).map(toApiInvitation) }));
