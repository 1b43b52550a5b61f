import { m } from '$lib/paraglide/messages.js';

// What a request body may be, decided in one place for forms (the `handle` guard) and the API
// (readJsonBody). Every refusal is a 4xx with a translated message, never a 500 from a parser.

export interface BodyProblem {
	status: 400 | 403 | 413 | 415;
	code: 'cross_site_form' | 'unsupported_media_type' | 'invalid_form' | 'invalid_json' | 'payload_too_large';
	message: string;
}

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * Bodies are capped at 512 KiB, except the forms that carry attachments (registration, uploads), which
 * may bring up to UPLOAD_BODY_LIMIT_BYTES. adapter-node's own cap (BODY_SIZE_LIMIT, set in server.js)
 * is the larger one; these checks hold every other route to the smaller.
 */
export const BODY_LIMIT_BYTES = 512 * 1024;
export const UPLOAD_BODY_LIMIT_BYTES = 26 * 1024 * 1024;


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
export async function checkFormBody(request: Request, limit = BODY_LIMIT_BYTES): Promise<BodyProblem | null> {
	const type = mediaType(request);
	if (!FORM_TYPES.includes(type)) return { status: 415, code: 'unsupported_media_type', message: m.http_form_media_type() };
	try {
		// Read whole (adapter-node caps it at BODY_SIZE_LIMIT) before refusing: answering while the client
		// still sends would reset its connection instead of telling it why.
		if ((await request.clone().arrayBuffer()).byteLength > limit) return tooLarge();
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
	if (Buffer.byteLength(text) > BODY_LIMIT_BYTES) return { ok: false, problem: tooLarge() };
	try {
		return { ok: true, body: JSON.parse(text) };
	} catch {
		return { ok: false, problem: { status: 400, code: 'invalid_json', message: m.http_invalid_json() } };
	}
}
