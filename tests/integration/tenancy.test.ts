import { describe, expect, it } from 'vitest';
import { db } from '../../src/lib/server/db/client';
import { recordAudit, readAuditLog } from '../../src/lib/server/audit/service';
import { acceptInvitation, inviteMember } from '../../src/lib/server/organisations/invitations';
import {
	changeMemberRole,
	enterOrganisation,
	getOrganisationSettings,
	listMembers,
	removeMember,
	updateOrganisationSettings
} from '../../src/lib/server/organisations/service';
import { createApiToken, listApiTokens, revokeApiToken } from '../../src/lib/server/auth/api-tokens';
import { actorFor, joinOrg, newOrg, newUser } from '../fixtures/factories';

/** Two organisations with an owner and an organiser each; every case acts from A against B. */
async function twoOrganisations() {
	const ownerA = await newOrg();
	const organiserA = await joinOrg(ownerA, 'organiser');
	const ownerB = await newOrg();
	const organiserB = await joinOrg(ownerB, 'organiser');
	const tokenB = await createApiToken(ownerB, 'B 的报名系统');
	await recordAudit(db(), ownerB, { action: 'score.changed', subjectType: 'score', subjectId: 'B-secret' });
	return { ownerA, organiserA, ownerB, organiserB, tokenB };
}

describe('tenant isolation', () => {
	it('an organisation does not exist for someone outside it', async () => {
		const { organiserA, ownerB } = await twoOrganisations();
		await expect(enterOrganisation(organiserA, ownerB.organisation.slug)).rejects.toMatchObject({ code: 'not_found' });
	});

	it('reads from A never include B’s members, tokens, settings or audit rows', async () => {
		const { ownerA, organiserA, ownerB, organiserB } = await twoOrganisations();
		const members = await listMembers(organiserA);
		expect(members.map((member) => member.userId).sort()).toEqual([ownerA.user.id, organiserA.user.id].sort());
		expect(members.map((member) => member.userId)).not.toContain(organiserB.user.id);
		expect(await listApiTokens(organiserA)).toEqual([]);
		expect((await getOrganisationSettings(organiserA)).id).toBe(ownerA.organisation.id);
		const audit = await readAuditLog(ownerA, {});
		expect(audit.rows.map((row) => row.subjectId)).not.toContain('B-secret');
		expect(audit.rows.map((row) => row.subjectId)).not.toContain(ownerB.organisation.id);
	});

	it('changes from A cannot reach B’s members or tokens', async () => {
		const { ownerA, ownerB, organiserB, tokenB } = await twoOrganisations();
		await expect(changeMemberRole(ownerA, organiserB.user.id, 'owner')).rejects.toMatchObject({ code: 'not_found' });
		await expect(removeMember(ownerA, ownerB.user.id)).rejects.toMatchObject({ code: 'not_found' });
		await expect(revokeApiToken(ownerA, tokenB.id, new Date())).rejects.toMatchObject({ code: 'not_found' });
		const stillThere = await listMembers(ownerB);
		expect(stillThere.find((member) => member.userId === organiserB.user.id)?.role).toBe('organiser');
		expect((await listApiTokens(ownerB))[0]?.revokedAt).toBeNull();
	});

	it('a forged actor naming B’s organisation still needs a role there', async () => {
		const { organiserA, ownerB } = await twoOrganisations();
		// enterOrganisation is the only way to get an actor for B; a role check stops the rest.
		const forged = { ...organiserA, organisation: ownerB.organisation, role: 'contestant' as const };
		await expect(listMembers(forged)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(updateOrganisationSettings(forged, { name: 'taken over', allowSignUp: true })).rejects.toMatchObject({ code: 'forbidden' });
	});
});

describe('roles inside one organisation', () => {
	it('organisers read members but only owners add, change or remove them', async () => {
		const owner = await newOrg();
		const organiser = await joinOrg(owner, 'organiser');
		await expect(inviteMember(organiser, { email: 'x@example.test', role: 'owner' })).rejects.toMatchObject({ code: 'forbidden' });
		await expect(inviteMember(organiser, { email: 'x@example.test', role: 'contestant' })).rejects.toMatchObject({ code: 'forbidden' });
		await expect(changeMemberRole(organiser, organiser.user.id, 'owner')).rejects.toMatchObject({ code: 'forbidden' });
		await expect(updateOrganisationSettings(organiser, { name: 'n', allowSignUp: true })).rejects.toMatchObject({ code: 'forbidden' });
		expect(await listMembers(organiser)).toHaveLength(2);
	});

	it('keeps at least one owner', async () => {
		const owner = await newOrg();
		await expect(changeMemberRole(owner, owner.user.id, 'organiser')).rejects.toMatchObject({ code: 'last_owner' });
		await expect(removeMember(owner, owner.user.id)).rejects.toMatchObject({ code: 'last_owner' });
	});

	it('records every membership change in the audit log', async () => {
		const owner = await newOrg();
		const person = await newUser({ displayName: '新成员' });
		await acceptInvitation(actorFor(person), (await inviteMember(owner, { email: person.email, role: 'organiser' })).token);
		const added = (await listMembers(owner)).find((member) => member.displayName === '新成员')!;
		await changeMemberRole(owner, added.userId, 'owner');
		await removeMember(owner, added.userId);
		const { rows } = await readAuditLog(owner, {});
		expect(rows.map((row) => row.action)).toEqual(['membership.removed', 'membership.role_changed', 'membership.invitation_accepted', 'membership.invitation_created']);
		expect(rows[1]).toMatchObject({ before: { role: 'organiser' }, after: { role: 'owner' } });
	});
});
