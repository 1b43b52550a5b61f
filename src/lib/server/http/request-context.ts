import type { RequestEvent } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime.js';
import type { RequestContext } from '../auth/account';
import { clientAddress } from '../auth/guards';

export function requestContext(event: RequestEvent): RequestContext {
	return { ip: clientAddress(event), requestId: event.locals.requestId, now: new Date(), locale: getLocale() };
}
