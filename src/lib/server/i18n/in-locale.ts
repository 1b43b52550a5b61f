import { AsyncLocalStorage } from 'node:async_hooks';
import { baseLocale, getServerAsyncLocalStorage, isLocale, overwriteServerAsyncLocalStorage, type Locale } from '$lib/paraglide/runtime.js';

/**
 * Runs `work` with Paraglide's messages in the person's language, outside an HTTP request (socket
 * events have no request for the middleware to read the language from). The locale is the account's
 * (app_user.locale), else the base locale. Uses Paraglide's own per-call store, so every `m.…()` called
 * inside, however deep (describeDomainError…), answers in that language.
 */
export function inLocale<T>(locale: string | null | undefined, work: () => Promise<T>): Promise<T> {
	let storage = getServerAsyncLocalStorage();
	if (!storage) {
		storage = new AsyncLocalStorage();
		overwriteServerAsyncLocalStorage(storage);
	}
	const chosen: Locale = locale && isLocale(locale) ? locale : baseLocale;
	return storage.run({ locale: chosen, messageCalls: new Set<string>() }, work);
}
