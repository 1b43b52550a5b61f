import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { createApiToken } from '../../src/lib/server/auth/api-tokens';
import { enterOrganisation, listMembers, listMyOrganisations } from '../../src/lib/server/organisations/service';
import { acceptInvitation, inviteMember, listInvitations, revokeInvitation } from '../../src/lib/server/organisations/invitations';
import { listOpenInvitations, revokeOpenInvitations } from '../../src/lib/server/organisations/invitation-queries';
import { INVITATION_LIFETIME_MS } from '../../src/lib/domain/membership/invitation';
import { actorFor, joinOrg, newOrg, newUser } from '../fixtures/factories';
import { forgetLoopbackSignIns, get, postForm, sessionCookie } from './http-helpers';

const api = (path: string, token: string, init: RequestInit = {}) =>
	fetch(`${inject('appUrl')}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
const invite = (token: string, body: unknown) => api('/invitations', token, { method: 'POST', body: JSON.stringify(body) });
const tokenOf = (acceptUrl: string) => new URL(acceptUrl).pathname.split('/').pop()!;
/** The shape of a JSON value: keys and value types, not the values. */
const shapeOf = (value: Record<string, unknown>) => Object.fromEntries(Object.entries(value).map(([key, item]) => [key, typeof item]));

describe('membership invitations', () => {
	beforeEach(() => forgetLoopbackSignIns());

	it('never makes another organisation’s owner a member by surprise, and answers alike for known and new addresses', async () => {
		const ownerA = await newOrg();
		const ownerB = await newOrg();
		const { token } = await createApiToken(ownerA, 'hr');
		const known = await invite(token, { email: ownerB.user.email, role: 'owner' });
		const unknown = await invite(token, { email: `nobody-${randomUUID()}@example.test`, role: 'owner' });
		expect(known.status).toBe(201);
		expect(unknown.status).toBe(201);
		const [knownBody, unknownBody] = [await known.json(), await unknown.json()];
		expect(shapeOf(knownBody)).toEqual(shapeOf(unknownBody));
		expect(knownBody.email).toBe(ownerB.user.email);
		// Nothing shared until accepted: B's owner is in B only, and A does not exist for them.
		expect((await listMyOrganisations(ownerB.user.id)).map((row) => row.organisationId)).toEqual([ownerB.organisation.id]);
		await expect(enterOrganisation(actorFor(ownerB.user), ownerA.organisation.slug)).rejects.toMatchObject({ code: 'not_found' });
		expect((await listMembers(ownerA)).map((member) => member.userId)).toEqual([ownerA.user.id]);

		// B's owner opens the link, sees A's name, accepts, and is then an owner of A.
		const cookie = await sessionCookie(ownerB.user.id);
		const page = await get(`/invitations/${tokenOf(knownBody.acceptUrl)}`, cookie);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain(ownerA.organisation.name);
		const accepted = await postForm(`/invitations/${tokenOf(knownBody.acceptUrl)}?/accept`, {}, cookie);
		expect(accepted.status).toBe(303);
		expect(accepted.headers.get('location')).toBe(`/orgs/${ownerA.organisation.slug}`);
		expect((await enterOrganisation(actorFor(ownerB.user), ownerA.organisation.slug)).role).toBe('owner');
		// Used once only.
		expect((await get(`/invitations/${tokenOf(knownBody.acceptUrl)}`, cookie)).status).toBe(404);
	});

	it('lets a person without an account create one with the invited address and join', async () => {
		const owner = await newOrg();
		const email = `new-${randomUUID()}@example.test`;
		const invitation = await inviteMember(owner, { email, role: 'contestant' });
		const response = await postForm(`/invitations/${invitation.token}?/createAccount`, { displayName: '赵选手', password: 'a long passphrase', email: 'someone-else@example.test' });
		expect(response.status).toBe(303);
		expect(response.headers.get('set-cookie')).toContain('jiangxin_session=');
		const member = (await listMembers(owner)).find((row) => row.displayName === '赵选手');
		expect(member).toMatchObject({ email, role: 'contestant' });
	});

	it('refuses the link to an account with another address, and to anyone once revoked or expired', async () => {
		const owner = await newOrg();
		const stranger = await newUser();
		const invited = await newUser();
		const invitation = await inviteMember(owner, { email: invited.email, role: 'organiser' });
		const wrong = await postForm(`/invitations/${invitation.token}?/accept`, {}, await sessionCookie(stranger.id));
		expect(wrong.status).toBe(403);
		expect((await listMyOrganisations(stranger.id)).length).toBe(0);

		await revokeInvitation(owner, invitation.id);
		expect((await get(`/invitations/${invitation.token}`)).status).toBe(404);
		await expect(acceptInvitation(actorFor(invited), invitation.token)).rejects.toMatchObject({ code: 'invitation_invalid' });

		const old = await inviteMember(owner, { email: invited.email, role: 'organiser' }, new Date(Date.now() - INVITATION_LIFETIME_MS - 1000));
		expect((await get(`/invitations/${old.token}`)).status).toBe(404);
		await expect(acceptInvitation(actorFor(invited), old.token)).rejects.toMatchObject({ code: 'invitation_invalid' });
		expect((await listInvitations(owner)).map((row) => row.status)).toEqual(['expired']);
		expect((await listMyOrganisations(invited.id)).length).toBe(0);
	});

	it('replaces an earlier link when the same address is invited again', async () => {
		const owner = await newOrg();
		const person = await newUser();
		const first = await inviteMember(owner, { email: person.email.toUpperCase(), role: 'organiser' });
		const second = await inviteMember(owner, { email: person.email, role: 'contestant' });
		await expect(acceptInvitation(actorFor(person), first.token)).rejects.toMatchObject({ code: 'invitation_invalid' });
		await acceptInvitation(actorFor(person), second.token);
		expect((await listMembers(owner)).find((member) => member.userId === person.id)?.role).toBe('contestant');
		await expect(inviteMember(owner, { email: person.email, role: 'owner' })).rejects.toMatchObject({ code: 'already_member' });
	});

	it('lets only owners invite, list and revoke', async () => {
		const owner = await newOrg();
		const organiser = await joinOrg(owner, 'organiser');
		const { token } = await createApiToken(organiser, 'organiser');
		for (const role of ['owner', 'organiser', 'contestant']) {
			const refused = await invite(token, { email: `x-${role}@example.test`, role });
			expect(refused.status).toBe(403);
			expect((await refused.json()).error.code).toBe('forbidden');
		}
		expect((await api('/invitations', token)).status).toBe(403);
		const invitation = await inviteMember(owner, { email: 'y@example.test', role: 'contestant' });
		expect((await api(`/invitations/${invitation.id}`, token, { method: 'DELETE' })).status).toBe(403);
		const form = await postForm(`/orgs/${owner.organisation.slug}/members?/addMember`, { email: 'z@example.test', role: 'owner' }, await sessionCookie(organiser.user.id));
		expect(form.status).toBe(403);
		expect((await listInvitations(owner)).map((row) => row.email)).toEqual(['y@example.test']);
	});

	it('keeps each organisation’s invitations to itself, in the service and in the queries', async () => {
		const ownerA = await newOrg();
		const ownerB = await newOrg();
		const ofB = await inviteMember(ownerB, { email: 'b-only@example.test', role: 'organiser' });
		await expect(revokeInvitation(ownerA, ofB.id)).rejects.toMatchObject({ code: 'not_found' });
		expect(await listInvitations(ownerA)).toEqual([]);
		expect(await listOpenInvitations(db(), ownerA.organisation.id)).toEqual([]);
		expect(await revokeOpenInvitations(db(), ownerA.organisation.id, { id: ofB.id }, new Date())).toEqual([]);
		expect(await revokeOpenInvitations(db(), ownerA.organisation.id, { email: 'b-only@example.test' }, new Date())).toEqual([]);
		const { token } = await createApiToken(ownerA, 'a');
		expect((await api(`/invitations/${ofB.id}`, token, { method: 'DELETE' })).status).toBe(404);
		expect((await (await api('/invitations', token)).json()).invitations).toEqual([]);
		expect((await listInvitations(ownerB)).map((row) => row.id)).toEqual([ofB.id]);
	});

	it('answers malformed input with a 4xx in the error shape, never a 5xx', async () => {
		const owner = await newOrg();
		const { token } = await createApiToken(owner, 'fuzz');
		const bodies = ['', '{', 'null', '[]', '{}', '{"email": 42, "role": "owner"}', '{"email": "a@b.cn", "role": "king"}', `{"email": "${'x'.repeat(300)}@b.cn", "role": "owner"}`, '{"email": "a\\u0000@b.cn", "role": "owner"}'];
		for (const body of bodies) {
			const response = await api('/invitations', token, { method: 'POST', body });
			expect(response.status, body).toBe(400);
			expect((await response.json()).error.code).toMatch(/^(invalid_json|validation_failed)$/);
		}
		expect((await api('/invitations/not-a-uuid', token, { method: 'DELETE' })).status).toBe(400);
		expect((await api(`/invitations/${randomUUID()}`, token, { method: 'DELETE' })).status).toBe(404);
		expect((await get('/invitations/not-a-token')).status).toBe(404);
		expect((await get(`/invitations/${'a'.repeat(32)}`)).status).toBe(404);
		expect((await postForm(`/invitations/${'a'.repeat(32)}?/createAccount`, { displayName: 'x', password: 'a long passphrase' })).status).toBe(404);
		const cookie = await sessionCookie(owner.user.id);
		expect((await postForm(`/orgs/${owner.organisation.slug}/members?/revokeInvitation`, { invitationId: 'nope' }, cookie)).status).toBe(400);
		expect((await postForm(`/orgs/${owner.organisation.slug}/members?/addMember`, { email: 'nope', role: 'owner' }, cookie)).status).toBe(400);
	});

	it('records every invitation created, accepted and revoked, with its organisation', async () => {
		const owner = await newOrg();
		const person = await newUser();
		const accepted = await inviteMember(owner, { email: person.email, role: 'organiser' });
		await acceptInvitation(actorFor(person), accepted.token);
		const revoked = await inviteMember(owner, { email: 'later@example.test', role: 'contestant' });
		await revokeInvitation(owner, revoked.id);
		const rows = await db()<{ action: string; subjectId: string; before: unknown; after: unknown }[]>`
			select action, subject_id, before, after from audit_log where organisation_id = ${owner.organisation.id} order by id`;
		expect(rows.map((row) => [row.action, row.subjectId])).toEqual([
			['membership.invitation_created', accepted.id],
			['membership.invitation_accepted', accepted.id],
			['membership.invitation_created', revoked.id],
			['membership.invitation_revoked', revoked.id]
		]);
		expect(rows[1]).toMatchObject({ before: { email: person.email, acceptedAt: null }, after: { email: person.email, role: 'organiser', newAccount: false } });
		expect(rows[3]).toMatchObject({ before: { email: 'later@example.test', revokedAt: null }, after: { revokedAt: expect.any(String) } });
	});
});
