import { error } from '@sveltejs/kit';
import { DomainError } from '../domain-error';
import { describeDomainError } from './errors';

/** An expected failure becomes SvelteKit's error page with its status; anything else stays a 500. */
export function throwAsPageError(caught: unknown): never {
	if (caught instanceof DomainError) {
		const { status, message } = describeDomainError(caught);
		error(status, { message, code: caught.code });
	}
	throw caught;
}

/**
 * Wraps a page's load: a competition or round that is unknown, or another organisation's, is a 404
 * page (the service says `not_found`), not a 500.
 */
export function pageLoad<Event, Data>(load: (event: Event) => Promise<Data>): (event: Event) => Promise<Data> {
	return async (event) => {
		try {
			return await load(event);
		} catch (caught) {
			return throwAsPageError(caught);
		}
	};
}
