import { describe, expect, inject, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { createApiToken, revokeApiToken } from '../../src/lib/server/auth/api-tokens';
import { changePassword } from '../../src/lib/server/auth/account';
import { createSession } from '../../src/lib/server/auth/session';
import { changeMemberRole, removeMember } from '../../src/lib/server/organisations/service';
import { actorFor, joinOrg, newOrg, TEST_PASSWORD } from '../fixtures/factories';
import { insertMembership } from '../../src/lib/server/organisations/queries';
import { getLiveApiTokenForUpdate, revokeMemberApiTokens } from '../../src/lib/server/auth/api-token-queries';
import { postForm, sessionCookie } from './http-helpers';

const api = (path: string, token: string) => fetch(`${inject('appUrl')}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });

async function auditRows(action: string, subjectId: string) {
	return db()<{ organisationId: string | null; before: unknown; after: unknown }[]>`
		select organisation_id, before, after from audit_log where action = ${action} and subject_id = ${subjectId} order by id`;
}

describe('API token roles', () => {
	it('lets only the token’s creator or an owner revoke it', async () => {
		const owner = await newOrg();
		const organiser = await joinOrg(owner, 'organiser');
		const ownersToken = await createApiToken(owner, '人事系统');
		await expect(revokeApiToken(organiser, ownersToken.id, new Date())).rejects.toMatchObject({ code: 'forbidden' });
		// Through the browser's form as well: refused, and the token still works.
		const refused = await postForm(`/orgs/${owner.organisation.slug}/api-tokens?/revoke`, { tokenId: ownersToken.id }, await sessionCookie(organiser.user.id));
		expect(refused.status).toBe(403);
		expect((await api('/organisation', ownersToken.token)).status).toBe(200);

		const organisersToken = await createApiToken(organiser, '报名对接');
		await revokeApiToken(organiser, organisersToken.id, new Date());
		const another = await createApiToken(organiser, '另一个');
		await revokeApiToken(owner, another.id, new Date());
		expect((await api('/organisation', organisersToken.token)).status).toBe(401);
		expect((await api('/organisation', another.token)).status).toBe(401);
	});

	it('stops a token revoked through the browser at the very next call', async () => {
		const owner = await newOrg();
		const created = await createApiToken(owner, '临时');
		expect((await api('/organisation', created.token)).status).toBe(200);
		const revoked = await postForm(`/orgs/${owner.organisation.slug}/api-tokens?/revoke`, { tokenId: created.id }, await sessionCookie(owner.user.id));
		expect(revoked.status).toBeLessThan(400);
		const refused = await api('/organisation', created.token);
		expect(refused.status).toBe(401);
		expect((await refused.json()).error.code).toBe('invalid_api_token');
	});

	it('acts with the role it was made with, even after its creator is promoted', async () => {
		const owner = await newOrg();
		const organiser = await joinOrg(owner, 'organiser');
		const { token } = await createApiToken(organiser, '组织者令牌');
		expect((await api('/audit-log', token)).status).toBe(403);
		await changeMemberRole(owner, organiser.user.id, 'owner');
		expect((await api('/audit-log', token)).status).toBe(403);
		expect((await api('/organisation', token)).status).toBe(200);
	});

	it('dies with a demotion and stays dead after a promotion back', async () => {
		const owner = await newOrg();
		const second = await joinOrg(owner, 'owner');
		const { id, token } = await createApiToken(second, '所有者令牌');
		const kept = await createApiToken(owner, '另一个所有者的');
		expect((await api('/audit-log', token)).status).toBe(200);
		await changeMemberRole(owner, second.user.id, 'organiser');
		expect((await api('/organisation', token)).status).toBe(401);
		await changeMemberRole(owner, second.user.id, 'owner');
		expect((await api('/audit-log', token)).status).toBe(401);
		expect((await api('/audit-log', kept.token)).status).toBe(200);
		const [row] = await auditRows('api_token.revoked', id);
		expect(row).toMatchObject({
			organisationId: owner.organisation.id,
			before: { name: '所有者令牌', role: 'owner', revokedAt: null },
			after: { name: '所有者令牌', role: 'owner', reason: 'member_role_changed' }
		});
	});

	it('keeps an organiser’s token when the organiser is made an organiser again, and ends it on removal', async () => {
		const owner = await newOrg();
		const organiser = await joinOrg(owner, 'organiser');
		const { id, token } = await createApiToken(organiser, '保留');
		await changeMemberRole(owner, organiser.user.id, 'owner');
		await changeMemberRole(owner, organiser.user.id, 'organiser');
		expect((await api('/organisation', token)).status).toBe(200);
		await removeMember(owner, organiser.user.id);
		// Joining again later does not revive it either.
		await insertMembership(db(), owner.organisation.id, organiser.user.id, 'organiser');
		expect((await api('/organisation', token)).status).toBe(401);
		expect((await auditRows('api_token.revoked', id)).map((row) => (row.after as { reason: string }).reason)).toEqual(['member_removed']);
	});

	it('finds and revokes tokens only within the organisation the query is given', async () => {
		const ownerA = await newOrg();
		const ownerB = await newOrg();
		const ofB = await createApiToken(ownerB, 'B 的令牌');
		expect(await getLiveApiTokenForUpdate(db(), ownerA.organisation.id, ofB.id)).toBeUndefined();
		expect(await revokeMemberApiTokens(db(), ownerA.organisation.id, ownerB.user.id, [], new Date())).toEqual([]);
		await expect(revokeApiToken(ownerA, ofB.id, new Date())).rejects.toMatchObject({ code: 'not_found' });
		expect((await api('/organisation', ofB.token)).status).toBe(200);
	});

	it('records a revocation with its organisation and before and after', async () => {
		const owner = await newOrg();
		const { id } = await createApiToken(owner, '对接');
		await revokeApiToken(owner, id, new Date('2026-11-30T01:00:00Z'));
		expect(await auditRows('api_token.revoked', id)).toEqual([
			{
				organisationId: owner.organisation.id,
				before: { name: '对接', role: 'owner', createdBy: owner.user.displayName, revokedAt: null },
				after: { name: '对接', role: 'owner', createdBy: owner.user.displayName, revokedAt: '2026-11-30T01:00:00.000Z' }
			}
		]);
	});

	it('records a password change in every organisation of the person', async () => {
		const first = await newOrg();
		const second = await newOrg();
		await insertMembership(db(), second.organisation.id, first.user.id, 'contestant');
		const current = await createSession(db(), first.user.id, new Date());
		await createSession(db(), first.user.id, new Date());
		await changePassword(actorFor(first.user), current.session.id, { currentPassword: TEST_PASSWORD, newPassword: 'another long passphrase' });
		const rows = await auditRows('account.password_changed', first.user.id);
		expect(rows.map((row) => row.organisationId).sort()).toEqual([first.organisation.id, second.organisation.id].sort());
		expect(rows[0]).toMatchObject({ before: { passwordChanged: false }, after: { passwordChanged: true, otherSessionsEnded: 1 } });
	});
});

describe('sessions over HTTP', () => {
	const DAY = 86_400_000;

	it('refuses an expired session and sends the person to sign in', async () => {
		const owner = await newOrg();
		const cookie = await sessionCookie(owner.user.id, new Date(Date.now() - 30 * DAY - 60_000));
		const response = await fetch(`${inject('appUrl')}/account`, { redirect: 'manual', headers: { cookie, accept: 'text/html' } });
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/login?redirectTo=%2Faccount');
		expect(response.headers.get('set-cookie')).toMatch(/jiangxin_session=;/);
	});

	it('renews a session past half its life, in the database and in the cookie', async () => {
		const owner = await newOrg();
		const cookie = await sessionCookie(owner.user.id, new Date(Date.now() - 20 * DAY));
		const response = await fetch(`${inject('appUrl')}/account`, { redirect: 'manual', headers: { cookie, accept: 'text/html' } });
		expect(response.status).toBe(200);
		const expires = /Expires=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
		expect(new Date(expires!).getTime()).toBeGreaterThan(Date.now() + 29 * DAY);
		const [row] = await db()<{ expiresAt: Date }[]>`select expires_at from session where user_id = ${owner.user.id}`;
		expect(row!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * DAY);
	});

	it('does not renew a young session', async () => {
		const owner = await newOrg();
		const cookie = await sessionCookie(owner.user.id, new Date(Date.now() - DAY));
		const response = await fetch(`${inject('appUrl')}/account`, { redirect: 'manual', headers: { cookie, accept: 'text/html' } });
		expect(response.status).toBe(200);
		expect(response.headers.get('set-cookie') ?? '').not.toContain('jiangxin_session=');
	});
});
