import { beforeEach, describe, expect, inject, it } from 'vitest';
import { newUser, TEST_PASSWORD } from '../fixtures/factories';
import { forgetLoopbackSignIns, get, postForm, sessionCookie } from './http-helpers';

// [redirectTo as sent, where the answer may send the browser]
const CASES: [string, string][] = [
	['/%09/evil.test', '/'],
	['/\t/evil.test', '/'],
	['/%0a/x', '/'],
	['/%0d%0aSet-Cookie:%20x=1', '/'],
	['//evil.test', '/'],
	['/\\evil.test', '/'],
	['/%5Cevil.test', '/'],
	['/..//evil.test', '/'],
	['https://evil.test/', '/'],
	['/account?tab=1', '/account?tab=1'],
	['/orgs/示范/members', '/orgs/%E7%A4%BA%E8%8C%83/members']
];

/** Where a browser would go: Location resolved against the site, as browsers do. */
function resolvedLocation(response: Response): URL {
	return new URL(response.headers.get('location') ?? '', inject('appUrl'));
}

describe('redirect targets over HTTP', () => {
	beforeEach(() => forgetLoopbackSignIns());

	it.each(CASES)('GET /login?redirectTo=%s for a signed-in person stays on the site (%s)', async (value, expected) => {
		const user = await newUser();
		const encoded = /%/.test(value) ? value : encodeURIComponent(value);
		const response = await get(`/login?redirectTo=${encoded}`, await sessionCookie(user.id));
		expect(response.status).toBe(303);
		expect(resolvedLocation(response).origin).toBe(new URL(inject('appUrl')).origin);
		expect(response.headers.get('location')).toBe(expected);
	});

	it.each(CASES)('POST /login with redirectTo %s stays on the site (%s)', async (value, expected) => {
		const user = await newUser();
		const response = await postForm('/login', { email: user.email, password: TEST_PASSWORD, redirectTo: decodeURIComponentSafe(value) });
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe(expected);
	});

	it.each(CASES)('POST /language with redirectTo %s stays on the site (%s)', async (value, expected) => {
		const user = await newUser();
		const response = await postForm('/language', { locale: 'en', redirectTo: decodeURIComponentSafe(value) }, await sessionCookie(user.id));
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe(expected);
	});
});

function decodeURIComponentSafe(value: string): string {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}
