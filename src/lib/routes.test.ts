import { describe, expect, it } from 'vitest';
import { routes, safeRedirectTarget } from './routes';

describe('redirect after sign-in', () => {
	it('follows paths on this site', () => {
		expect(safeRedirectTarget('/orgs/demo/members?x=1')).toBe('/orgs/demo/members?x=1');
	});

	it('refuses anything that could leave the site', () => {
		for (const target of ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '', null, undefined]) {
			expect(safeRedirectTarget(target)).toBe('/');
		}
	});

	it('is carried by the sign-in link, encoded', () => {
		expect(routes.signIn('/orgs/a b/members')).toBe('/login?redirectTo=%2Forgs%2Fa%20b%2Fmembers');
		expect(routes.signIn('/')).toBe('/login');
	});
});
