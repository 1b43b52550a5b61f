import { describe, expect, inject, it } from 'vitest';
import { createApiToken, revokeApiToken } from '../../src/lib/server/auth/api-tokens';
import { acceptInvitation } from '../../src/lib/server/organisations/invitations';
import { actorFor, joinOrg, newOrg, newUser } from '../fixtures/factories';

const api = (path: string, token: string | null, init: RequestInit = {}) =>
	fetch(`${inject('appUrl')}/api/v1${path}`, {
		...init,
		headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json', ...init.headers }
	});

describe('API v1 over HTTP', () => {
	it('answers for the token’s own organisation only', async () => {
		const ownerA = await newOrg();
		const ownerB = await newOrg();
		const { token } = await createApiToken(ownerA, 'A 的人事系统');
		const organisation = await (await api('/organisation', token)).json();
		expect(organisation).toMatchObject({ id: ownerA.organisation.id, slug: ownerA.organisation.slug });
		const { members } = await (await api('/members', token)).json();
		expect(members.map((member: { userId: string }) => member.userId)).toEqual([ownerA.user.id]);
		// B's owner, addressed through A's token, does not exist.
		const patch = await api(`/members/${ownerB.user.id}`, token, { method: 'PATCH', body: JSON.stringify({ role: 'organiser' }) });
		expect(patch.status).toBe(404);
		expect((await patch.json()).error.code).toBe('not_found');
		const remove = await api(`/members/${ownerB.user.id}`, token, { method: 'DELETE' });
		expect(remove.status).toBe(404);
	});

	it('stops a token the moment it is revoked', async () => {
		const owner = await newOrg();
		const created = await createApiToken(owner, 'temporary');
		expect((await api('/organisation', created.token)).status).toBe(200);
		await revokeApiToken(owner, created.id, new Date());
		const refused = await api('/organisation', created.token);
		expect(refused.status).toBe(401);
		expect((await refused.json()).error).toMatchObject({ code: 'invalid_api_token', message: 'API 令牌无效或已吊销' });
	});

	it('answers unknown addresses and unsupported methods in its own error shape', async () => {
		const owner = await newOrg();
		const { token } = await createApiToken(owner, 'probe');
		const unknown = await api('/no-such-thing', token);
		expect(unknown.status).toBe(404);
		expect((await unknown.json()).error.code).toBe('not_found');
	});

	it('refuses requests without a token or with a made-up one', async () => {
		expect((await api('/members', null)).status).toBe(401);
		expect((await api('/members', 'jx_made_up')).status).toBe(401);
	});

	it('validates bodies field by field and never answers bad input with a 500', async () => {
		const owner = await newOrg();
		const { token } = await createApiToken(owner, 'import');
		const response = await api('/invitations', token, { method: 'POST', body: JSON.stringify({ email: 'not-an-email', role: 'king' }) });
		expect(response.status).toBe(400);
		const { error } = await response.json();
		expect(error.code).toBe('validation_failed');
		expect(Object.keys(error.fields).sort()).toEqual(['email', 'role']);
		const broken = await api('/members', token, { method: 'POST', body: '{"email":' });
		expect(broken.status).toBe(400);
		expect((await broken.json()).error.code).toBe('invalid_json');
		expect((await api('/members/not-a-uuid', token, { method: 'DELETE' })).status).toBe(400);
		expect((await api('/audit-log?from=yesterday', token)).status).toBe(400);
	});

	it('invites by e-mail, changes the role once accepted, and the audit log shows each step', async () => {
		const owner = await newOrg();
		const { token } = await createApiToken(owner, 'hr');
		const person = await newUser({ displayName: '王师傅' });
		const created = await api('/members', token, { method: 'POST', body: JSON.stringify({ email: person.email, role: 'organiser' }) });
		expect(created.status).toBe(202);
		const invitation = await created.json();
		expect(invitation).toMatchObject({ email: person.email, role: 'organiser', acceptUrl: expect.stringContaining('/invitations/') });
		// Not a member until they accept.
		expect((await (await api('/members', token)).json()).members).toHaveLength(1);
		await acceptInvitation(actorFor(person), new URL(invitation.acceptUrl).pathname.split('/').pop()!);
		const changed = await api(`/members/${person.id}`, token, { method: 'PATCH', body: JSON.stringify({ role: 'owner' }) });
		expect(await changed.json()).toEqual({ userId: person.id, role: 'owner' });
		const { entries } = await (await api('/audit-log', token)).json();
		expect(entries.map((entry: { action: string }) => entry.action).slice(0, 4)).toEqual([
			'membership.role_changed',
			'membership.invitation_accepted',
			'membership.invitation_created',
			'api_token.created'
		]);
	});

	it('gives an organiser’s token the organiser’s rights, not more', async () => {
		const owner = await newOrg();
		const organiser = await joinOrg(owner, 'organiser');
		const { token } = await createApiToken(organiser, 'read only');
		expect((await api('/members', token)).status).toBe(200);
		const refused = await api('/audit-log', token);
		expect(refused.status).toBe(403);
		expect((await refused.json()).error.code).toBe('forbidden');
	});

	it('describes itself in OpenAPI 3.1, generated from the schemas', async () => {
		const document = await (await fetch(`${inject('appUrl')}/api/v1/openapi.json`)).json();
		expect(document.openapi).toBe('3.1.0');
		expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/organisation', '/members', '/members/{userId}', '/invitations', '/invitations/{id}', '/audit-log']));
		expect(document.components.schemas.InviteMember.required).toEqual(expect.arrayContaining(['email', 'role']));
		expect(document.components.schemas.ApiError.properties.error.properties.code.type).toBe('string');
		const page = await fetch(`${inject('appUrl')}/api/v1/docs`);
		expect(await page.text()).toContain('/api/v1/members/{userId}');
	});
});
