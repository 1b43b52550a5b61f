import { error, json, type Handle, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { apiErrorResponse } from './api';
import { bodyLimitFor, checkFormBody, checkFormOrigin, limitBody } from './bodies';

// The request-level rules of `handle` (hooks.server.ts sequences them inside the language middleware,
// so every message is in the asker's language).

/** The API's routes answer JSON; /api/v1/docs is a page for people. */
const isApiAnswer = (event: RequestEvent) => event.url.pathname.startsWith('/api/') && event.route.id !== '/api/v1/docs';

/**
 * Form actions (and /language, /logout) take a readable web form from our own pages, or answer 4xx
 * (403 from another site, 415 not a form, 400 unreadable, 413 too large): an enhanced form gets
 * SvelteKit's action result, a plain browser post the error page.
 */
export const guardFormBodies: Handle = async ({ event, resolve }) => {
	if (event.request.method !== 'POST' || isApiAnswer(event)) return resolve(event);
	const problem = checkFormOrigin(event.request, event.url.origin) ?? (await checkFormBody(event.request));
	if (!problem) return resolve(event);
	const body = { message: problem.message, code: problem.code };
	if (event.request.headers.get('x-sveltekit-action') === 'true') return json({ type: 'error', error: body }, { status: problem.status });
	error(problem.status, body);
};

/** Each route's body size (bodies.ts): the entries imports and the registration forms with attachments may be large, everything else 512 KB. */
export const limitBodies: Handle = async ({ event, resolve }) => {
	if (event.request.body) event.request = limitBody(event.request, bodyLimitFor(event.route.id, event.request));
	return resolve(event);
};

/**
 * Every API answer has the API's error shape, including those SvelteKit makes itself: a 405 for a
 * method a route lacks, and a 500 for an unexpected error (already logged by handleError).
 */
export const shapeApiAnswers: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (!isApiAnswer(event)) return response;
	if (response.status === 405) {
		const answer = apiErrorResponse(405, 'method_not_allowed', m.http_method_not_allowed({ method: event.request.method }));
		answer.headers.set('allow', response.headers.get('allow') ?? '');
		return answer;
	}
	if (response.status >= 500 && !(await isApiError(response))) {
		return apiErrorResponse(response.status, 'unexpected', m.errors_unexpected({ requestId: event.locals.requestId }));
	}
	return response;
};

async function isApiError(response: Response): Promise<boolean> {
	if (!response.headers.get('content-type')?.includes('application/json')) return false;
	const body: unknown = await response.clone().json().catch(() => null);
	return typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'object';
}

/**
 * Nothing personal is kept by browsers or proxies: signed-in pages and API answers are `no-store`,
 * unless a route declared a public document cacheable (the OpenAPI document).
 */
export const cacheControl: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const declared = response.headers.get('cache-control') ?? '';
	if ((event.locals.user || isApiAnswer(event)) && !/\bpublic\b/.test(declared)) {
		try {
			response.headers.set('cache-control', 'no-store');
		} catch {
			// Immutable headers (a fetched response passed through): answer with a copy.
			const copy = new Response(response.body, response);
			copy.headers.set('cache-control', 'no-store');
			return copy;
		}
	}
	return response;
};
