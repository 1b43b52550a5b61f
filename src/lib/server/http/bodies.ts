import { m } from '$lib/paraglide/messages.js';

// What a request body may be, decided in one place for forms (the `handle` guard) and the API
// (readJsonBody). Every refusal is a 4xx with a translated message, never a 500 from a parser.

export interface BodyProblem {
	status: 400 | 403 | 413 | 415;
	code: 'cross_site_form' | 'unsupported_media_type' | 'invalid_form' | 'invalid_json' | 'payload_too_large';
	message: string;
}

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];


export function mediaType(request: Request): string {
	return (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

/** adapter-node's body reader fails with a 413 error once BODY_SIZE_LIMIT is passed. */
export function isPayloadTooLarge(error: unknown): boolean {
	for (let cause = error; cause instanceof Object; cause = (cause as { cause?: unknown }).cause) {
		if ((cause as { status?: unknown }).status === 413) return true;
	}
	return false;
}

const tooLarge = (): BodyProblem => ({ status: 413, code: 'payload_too_large', message: m.http_body_too_large() });

/**
 * A form post (any POST outside the API) comes from our own pages: its Origin is ours, as SvelteKit's
 * own CSRF check demanded (turned off in svelte.config.js for the API's sake; see there).
 */
export function checkFormOrigin(request: Request, origin: string): BodyProblem | null {
	if (request.headers.get('origin') === origin) return null;
	return { status: 403, code: 'cross_site_form', message: m.http_cross_site_form() };
}

/**
 * A form action's body must be a readable web form. SvelteKit lets `text/plain` through (HTML forms may
 * use it) and then fails with a 500 on `formData()`; so do multipart bodies without a boundary or broken.
 * Reads a copy, so the action still reads the original.
 */
export async function checkFormBody(request: Request): Promise<BodyProblem | null> {
	const type = mediaType(request);
	if (!FORM_TYPES.includes(type)) return { status: 415, code: 'unsupported_media_type', message: m.http_form_media_type() };
	try {
		// The body is already held to its route's limit (limitBody), which fails with a 413.
		await request.clone().formData();
		return null;
	} catch (error) {
		return isPayloadTooLarge(error) ? tooLarge() : { status: 400, code: 'invalid_form', message: m.http_form_unreadable() };
	}
}

/** The API takes JSON only, declared as such (`application/json` or a `+json` type). */
export async function readJson(request: Request): Promise<{ ok: true; body: unknown } | { ok: false; problem: BodyProblem }> {
	const type = mediaType(request);
	if (type !== 'application/json' && !type.endsWith('+json')) {
		return { ok: false, problem: { status: 415, code: 'unsupported_media_type', message: m.http_api_media_type() } };
	}
	let text: string;
	try {
		text = await request.text();
	} catch (error) {
		if (isPayloadTooLarge(error)) return { ok: false, problem: tooLarge() };
		throw error;
	}
	try {
		return { ok: true, body: JSON.parse(text) };
	} catch {
		return { ok: false, problem: { status: 400, code: 'invalid_json', message: m.http_invalid_json() } };
	}
}

// Body sizes. adapter-node's BODY_SIZE_LIMIT (server.js sets 32M unless the operator chose) is the
// ceiling; every route keeps the 512 KB it always had except: the entries imports (a union's list of
// 10,000 rows is about 1 MB as xlsx and 3 MB as JSON rows) and the registration forms, which carry
// attachments (10 MB each, a few per entry).
export const DEFAULT_BODY_LIMIT_BYTES = 512 * 1024;
export const IMPORT_BODY_LIMIT_BYTES = 32 * 1024 * 1024;
// The API's import takes JSON rows or the workbook; the organiser's page sends its upload (or pasted
// rows) as multipart. Other bodies to these routes keep the default.
const LARGE_BODY_ROUTES: Record<string, string[]> = {
	'/api/v1/competitions/[id]/entries/import': ['application/json', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
	'/(app)/orgs/[org=slug]/competitions/[competition=uuid]/entries/import': ['multipart/form-data'],
	'/(public)/c/[slug=slug]/register/[event=uuid]': ['multipart/form-data'],
	'/(public)/my/entries/[entry=uuid]/edit': ['multipart/form-data']
};

export function bodyLimitFor(routeId: string | null, request: Request): number {
	const types = routeId === null ? undefined : LARGE_BODY_ROUTES[routeId];
	return types?.includes(mediaType(request)) ? IMPORT_BODY_LIMIT_BYTES : DEFAULT_BODY_LIMIT_BYTES;
}

/**
 * The request with a body that fails as adapter-node's does (an error with status 413) past `limit`
 * bytes. The rest of an oversized body is still read and thrown away: cancelling it would destroy the
 * socket, and the client would see a reset instead of the 413.
 */
export function limitBody(request: Request, limit: number): Request {
	if (!request.body) return request;
	const source = request.body.getReader();
	const declared = Number(request.headers.get('content-length') ?? '0');
	let seen = 0;
	const refuse = (controller: ReadableStreamDefaultController<Uint8Array>) => {
		controller.error(Object.assign(new Error('Payload Too Large'), { status: 413 }));
		void (async () => {
			try {
				while (!(await source.read()).done) {
					// Discarded.
				}
			} catch {
				// The client went away, or adapter-node's own ceiling was passed: nothing left to drain.
			}
		})();
	};
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			if (declared > limit) refuse(controller);
		},
		async pull(controller) {
			let chunk: ReadableStreamReadResult<Uint8Array>;
			try {
				chunk = await source.read();
			} catch (error) {
				return controller.error(error);
			}
			if (chunk.done) return controller.close();
			seen += chunk.value.byteLength;
			if (seen > limit) return refuse(controller);
			controller.enqueue(chunk.value);
		},
		cancel(reason) {
			return source.cancel(reason);
		}
	});
	return new Request(request, { body, duplex: 'half' } as RequestInit);
}
