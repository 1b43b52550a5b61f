import type { Cookies } from '@sveltejs/kit';
import { cookieMaxAge, cookieName, isLocale, type Locale } from '$lib/paraglide/runtime.js';

/** Paraglide reads this cookie on both sides, so it is deliberately not httpOnly. */
export function setLocaleCookie(cookies: Cookies, locale: Locale): void {
	cookies.set(cookieName, locale, { path: '/', httpOnly: false, sameSite: 'lax', maxAge: cookieMaxAge });
}

export function readLocale(value: string | null | undefined): Locale | undefined {
	return value && isLocale(value) ? value : undefined;
}
