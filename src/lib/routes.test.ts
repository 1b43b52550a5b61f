import { describe, expect, it } from 'vitest';
import { routes, safeRedirectTarget } from './routes';

describe('redirect after sign-in', () => {
	it.each([
		['/orgs/demo/members?x=1', '/orgs/demo/members?x=1'],
		['/orgs/demo/audit?action=a#top', '/orgs/demo/audit?action=a#top'],
		['/orgs/demo/../demo/members', '/orgs/demo/members'],
		['/orgs/示范/members', '/orgs/%E7%A4%BA%E8%8C%83/members'],
		['/orgs/demo%2F%2Fx', '/orgs/demo%2F%2Fx']
	])('follows the path %j on this site as %j', (value, target) => {
		expect(safeRedirectTarget(value)).toBe(target);
	});

	it.each([
		'https://evil.test',
		'//evil.test',
		'///evil.test',
		'/\\evil.test',
		'\\/evil.test',
		'/\t/evil.test',
		'/\n/evil.test',
		'/\r\n/evil.test',
		'/\t\\evil.test',
		'/ /\u0000evil.test',
		'/\u0085/evil.test',
		'/..//evil.test',
		'/.//evil.test',
		'/%2e%2e//evil.test',
		'http:/evil.test',
		'javascript:alert(1)',
		' /x',
		'evil.test',
		'',
		null,
		undefined
	])('refuses %j, which could leave the site or break the answer', (value) => {
		expect(safeRedirectTarget(value)).toBe('/');
	});

	it('falls back to the given path', () => {
		expect(safeRedirectTarget('//evil.test', '/account')).toBe('/account');
	});

	it('is carried by the sign-in link, encoded', () => {
		expect(routes.signIn('/orgs/a b/members')).toBe('/login?redirectTo=%2Forgs%2Fa%20b%2Fmembers');
		expect(routes.signIn('/')).toBe('/login');
	});
});
