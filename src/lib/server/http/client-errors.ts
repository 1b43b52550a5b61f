import type { RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';

/**
 * A bad request SvelteKit refused before any of our code ran (a POST to a page without actions is a
 * 405; a 404 is a link to nowhere). The client's mistake, not the server's: one log line, no stack
 * trace, and an answer without the "went wrong on our side" reference.
 */
export function describeClientError(event: RequestEvent, status: number, message: string, requestId: string): App.Error | undefined {
	if (status >= 500) return undefined;
	if (status === 404) return { message: m.errors_not_found(), code: 'not_found', requestId };
	console.warn(`[${requestId}] ${event.request.method} ${event.url.pathname} → ${status} ${message}`);
	return { message: m.errors_bad_request(), code: status === 405 ? 'method_not_allowed' : 'bad_request', requestId };
}
