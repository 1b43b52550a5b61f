import { describe, expect, it } from 'vitest';
import { canInviteWithRole, canRevokeApiToken, lowerRole, roleExceeds, rolesUpTo } from './roles';

describe('member roles', () => {
	it.each([
		['owner', 'organiser', 'organiser'],
		['organiser', 'owner', 'organiser'],
		['contestant', 'owner', 'contestant'],
		['organiser', 'organiser', 'organiser']
	] as const)('caps %s by %s to %s', (first, second, lower) => {
		expect(lowerRole(first, second)).toBe(lower);
	});

	it('orders owner above organiser above contestant', () => {
		expect(roleExceeds('owner', 'organiser')).toBe(true);
		expect(roleExceeds('organiser', 'contestant')).toBe(true);
		expect(roleExceeds('organiser', 'organiser')).toBe(false);
		expect(roleExceeds('contestant', 'owner')).toBe(false);
		expect(rolesUpTo('organiser')).toEqual(['organiser', 'contestant']);
	});

	it('lets only owners invite, owners included', () => {
		expect(canInviteWithRole('owner', 'owner')).toBe(true);
		expect(canInviteWithRole('owner', 'contestant')).toBe(true);
		expect(canInviteWithRole('organiser', 'owner')).toBe(false);
		expect(canInviteWithRole('organiser', 'contestant')).toBe(false);
	});

	it('lets a token be revoked by its creator or an owner only', () => {
		expect(canRevokeApiToken({ userId: 'a', role: 'organiser' }, { userId: 'a' })).toBe(true);
		expect(canRevokeApiToken({ userId: 'b', role: 'organiser' }, { userId: 'a' })).toBe(false);
		expect(canRevokeApiToken({ userId: 'b', role: 'owner' }, { userId: 'a' })).toBe(true);
	});
});
