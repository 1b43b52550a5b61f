import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { changePassword, completeSetup, signUp } from '../../src/lib/server/auth/account';
import { signIn } from '../../src/lib/server/auth/sign-in';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/session';
import { createOrganisation, listMembers, updateOrganisationSettings } from '../../src/lib/server/organisations/service';
import { readAuditLog } from '../../src/lib/server/audit/service';
import { actorFor, newOrg, newUser, TEST_PASSWORD } from '../fixtures/factories';

const context = () => ({ ip: '192.0.2.1', requestId: randomUUID(), now: new Date(), locale: 'zh-CN' as const });

describe('accounts', () => {
	it('refuses first-run setup once any account exists', async () => {
		await newUser();
		await expect(
			completeSetup({ organisationName: '又一个', organisationSlug: `again-${randomUUID().slice(0, 6)}`, displayName: 'x', email: `${randomUUID()}@example.test`, password: 'long enough pw' }, context())
		).rejects.toMatchObject({ code: 'setup_already_done' });
	});

	it('lets people sign up only where the organisation allows it, as contestants', async () => {
		const owner = await newOrg();
		const person = { displayName: '赵选手', email: `${randomUUID()}@example.test`, password: 'long enough pw' };
		await expect(signUp(owner.organisation.slug, person, context())).rejects.toMatchObject({ code: 'sign_up_closed' });
		await updateOrganisationSettings(owner, { name: owner.organisation.name, allowSignUp: true });
		const signedUp = await signUp(owner.organisation.slug, person, context());
		expect((await validateSessionToken(db(), signedUp.token, new Date())).user?.email).toBe(person.email);
		expect((await listMembers(owner)).find((member) => member.email === person.email)?.role).toBe('contestant');
		await expect(signUp(owner.organisation.slug, { ...person, email: person.email.toUpperCase() }, context())).rejects.toMatchObject({ code: 'email_taken', field: 'email' });
	});

	it('changes a password only with the current one, and signs the other devices out', async () => {
		const user = await newUser();
		const here = await createSession(db(), user.id, new Date());
		const elsewhere = await createSession(db(), user.id, new Date());
		const actor = actorFor(user);
		await expect(changePassword(actor, here.session.id, { currentPassword: 'wrong', newPassword: 'brand new passphrase' })).rejects.toMatchObject({ code: 'wrong_current_password', field: 'currentPassword' });
		await changePassword(actor, here.session.id, { currentPassword: TEST_PASSWORD, newPassword: 'brand new passphrase' });
		expect((await validateSessionToken(db(), here.token, new Date())).user?.id).toBe(user.id);
		expect((await validateSessionToken(db(), elsewhere.token, new Date())).user).toBeNull();
		await expect(signIn({ email: user.email, password: TEST_PASSWORD }, { ip: '192.0.2.7', now: new Date() })).rejects.toMatchObject({ code: 'invalid_credentials' });
		expect((await signIn({ email: user.email, password: 'brand new passphrase' }, { ip: '192.0.2.7', now: new Date() })).user.id).toBe(user.id);
	});
});

describe('platform admin', () => {
	it('creates an organisation with a new or an existing owner, audited in that organisation', async () => {
		const admin = actorFor(await newUser({ isPlatformAdmin: true }));
		const slug = `new-${randomUUID().slice(0, 6)}`;
		const organisation = await createOrganisation(admin, { slug, name: '市机械工会', ownerEmail: `${slug}@example.test`, ownerDisplayName: '钱主席', ownerPassword: 'long enough pw' });
		const existing = await newUser();
		const second = await createOrganisation(admin, { slug: `${slug}-2`, name: '市纺织工会', ownerEmail: existing.email, ownerDisplayName: 'ignored' });
		const owner = { ...actorFor(existing), organisation: { id: second.id, slug: second.slug, name: second.name }, role: 'owner' as const };
		expect((await listMembers(owner)).map((member) => member.userId)).toEqual([existing.id]);
		expect((await readAuditLog(owner, {})).rows[0]?.action).toBe('organisation.created');
		await expect(createOrganisation(admin, { slug, name: 'dup', ownerEmail: existing.email, ownerDisplayName: 'x' })).rejects.toMatchObject({ code: 'slug_taken', field: 'slug' });
		await expect(createOrganisation(admin, { slug: `${slug}-3`, name: 'x', ownerEmail: `${randomUUID()}@example.test`, ownerDisplayName: 'x' })).rejects.toMatchObject({ code: 'password_required' });
		expect(organisation.slug).toBe(slug);
	});

	it('is the only one who may create organisations', async () => {
		const owner = await newOrg();
		await expect(createOrganisation(owner, { slug: 'nope', name: 'x', ownerEmail: 'a@b.cn', ownerDisplayName: 'x', ownerPassword: 'long enough pw' })).rejects.toMatchObject({ code: 'forbidden' });
	});
});
