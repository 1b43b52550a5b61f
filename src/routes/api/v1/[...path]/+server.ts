import type { RequestHandler } from './$types';
import { m } from '$lib/paraglide/messages.js';
import { apiErrorResponse } from '$lib/server/http/api';

// Unknown API addresses answer in the API's error shape, not with an HTML page.
export const fallback: RequestHandler = () => apiErrorResponse(404, 'not_found', m.errors_api_not_found());
