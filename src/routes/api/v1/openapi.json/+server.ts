import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getOpenApiDocument } from '$lib/server/api/openapi';

export const GET: RequestHandler = () => json(getOpenApiDocument(), { headers: { 'cache-control': 'public, max-age=300' } });
