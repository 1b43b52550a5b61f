import type { RequestHandler } from './$types';
import { downloadRoundExport } from '$lib/server/exports/export-service';

export const GET: RequestHandler = (event) => downloadRoundExport(event, 'results');
