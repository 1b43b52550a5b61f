import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiHandler } from '$lib/server/http/api';
import { listSchemeTemplates } from '$lib/server/competitions/template-service';

export const GET: RequestHandler = apiHandler(async () => json({ templates: listSchemeTemplates() }));
