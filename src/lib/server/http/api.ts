import { json, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { DomainError, InvalidInputError } from '../domain-error';
import type { Actor, OrgActor } from '../auth/actor';
import { authenticateApiToken } from '../auth/api-tokens';
import { clientAddress, requireUser } from '../auth/guards';
import { describeDomainError } from './errors';
import { fieldErrors } from './forms';
import { readJson } from './bodies';

/** A failure the API reports as `{error: {code, message, fields}}` with its status. */
export class ApiProblem extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly fields?: Record<string, string>
	) {
		super(message);
	}
}

export function apiErrorResponse(status: number, code: string, message: string, fields?: Record<string, string>): Response {
	return json({ error: { code, message, ...(fields ? { fields } : {}) } }, { status });
}

function validationProblem(error: z.ZodError): ApiProblem {
	return new ApiProblem(400, 'validation_failed', m.errors_validation(), fieldErrors(error));
}

/** Like `json()`, but exact values too large for a JavaScript number travel as decimal strings. */
export function jsonWithBigInts(data: unknown, init: ResponseInit = {}): Response {
	const body = JSON.stringify(data, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
	return new Response(body, { ...init, headers: { 'content-type': 'application/json', ...init.headers } });
}

export async function readJsonBody<S extends z.ZodType>(event: RequestEvent, schema: S): Promise<z.output<S>> {
	const read = await readJson(event.request);
	if (!read.ok) throw new ApiProblem(read.problem.status, read.problem.code, read.problem.message);
	const result = schema.safeParse(read.body);
	if (!result.success) throw validationProblem(result.error);
	return result.data;
}

export function readParams<S extends z.ZodType>(values: Record<string, string>, schema: S): z.output<S> {
	const result = schema.safeParse(values);
	if (!result.success) throw validationProblem(result.error);
	return result.data;
}

async function authenticate(event: RequestEvent): Promise<OrgActor> {
	const header = event.request.headers.get('authorization') ?? '';
	const match = /^Bearer\s+(\S+)$/i.exec(header);
	if (!match) throw new DomainError('invalid_api_token');
	return authenticateApiToken(match[1]!, { ip: clientAddress(event), requestId: event.locals.requestId, now: new Date() });
}

/** Every expected failure in the API's error shape; anything else is rethrown for handleError. */
function toErrorResponse(error: unknown): Response {
	if (error instanceof ApiProblem) return apiErrorResponse(error.status, error.code, error.message, error.fields);
	if (error instanceof InvalidInputError) return apiErrorResponse(400, error.code, error.summary, error.fields);
	if (error instanceof DomainError) {
		const { status, message } = describeDomainError(error);
		return apiErrorResponse(status, error.code, message, error.field ? { [error.field]: message } : undefined);
	}
	throw error;
}

/**
 * Wraps an API handler: authenticates the bearer token (one organisation per token) and turns every
 * expected failure into the API's error shape. Unexpected errors still reach handleError.
 */
export function apiHandler(handle: (actor: OrgActor, event: RequestEvent) => Promise<Response>) {
	return async (event: RequestEvent): Promise<Response> => {
		try {
			return await handle(await authenticate(event), event);
		} catch (error) {
			return toErrorResponse(error);
		}
	};
}

/**
 * For calls that touch no organisation's data (e.g. evaluating a scheme): an API token or a
 * signed-in browser session will do, so the scheme editor can call it too.
 */
export function statelessApiHandler(handle: (event: RequestEvent) => Promise<Response>) {
	return async (event: RequestEvent): Promise<Response> => {
		try {
			if (!event.locals.user) await authenticate(event);
			return await handle(event);
		} catch (error) {
			return toErrorResponse(error);
		}
	};
}

/** For public reads (a certificate's verification): no token, the same error shape. */
export function publicApiHandler(handle: (event: RequestEvent) => Promise<Response>) {
	return async (event: RequestEvent): Promise<Response> => {
		try {
			return await handle(event);
		} catch (error) {
			return toErrorResponse(error);
		}
	};
}

/** Who calls a round's desk operations: an organisation's API token, or a signed-in browser session. */
export type ApiCaller = { token: OrgActor } | { session: Actor };

/**
 * For the operations the head judge (裁判长) runs at the desk (matrix, returns, unlocks, absences,
 * sign-off, devices, entered values…): an API token as everywhere, or — without an Authorization
 * header — the signed-in session, because tokens are managers' only and a head judge need not be one.
 * A session may change things only from this site's own pages (same origin), like a form.
 */
export function deskApiHandler(handle: (caller: ApiCaller, event: RequestEvent) => Promise<Response>) {
	return async (event: RequestEvent): Promise<Response> => {
		try {
			if (event.request.headers.has('authorization') || !event.locals.user) return await handle({ token: await authenticate(event) }, event);
			if (event.request.method !== 'GET' && event.request.headers.get('origin') !== event.url.origin) throw new DomainError('forbidden');
			return await handle({ session: requireUser(event) }, event);
		} catch (error) {
			return toErrorResponse(error);
		}
	};
}
