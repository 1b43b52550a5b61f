import type { Actions, PageServerLoad } from './$types';
import { requireMembership } from '$lib/server/auth/guards';
import { changeMemberRole, listMembers, removeMember } from '$lib/server/organisations/service';
import { inviteMember, listInvitations, revokeInvitation } from '$lib/server/organisations/invitations';
import { MANAGER_ROLES } from '$lib/server/auth/roles';
import { changeMemberRoleSchema, inviteMemberSchema, removeMemberSchema, revokeInvitationSchema } from '$lib/schemas/organisation';
import { parseForm, runAction } from '$lib/server/http/forms';
import { routes } from '$lib/routes';

export const load = (async (event) => {
	const actor = await requireMembership(event, event.params.org, MANAGER_ROLES);
	const canManage = actor.role === 'owner';
	return { members: await listMembers(actor), invitations: canManage ? await listInvitations(actor) : [], canManage, myUserId: actor.user.id };
}) satisfies PageServerLoad;

export const actions = {
	// Adding by e-mail is an invitation: the link is shown once, to copy, since there is no mail server.
	addMember: async (event) => {
		const actor = await requireMembership(event, event.params.org);
		const parsed = await parseForm(event.request, inviteMemberSchema);
		if (!parsed.ok) return parsed.failure;
		return runAction(parsed.formData, async () => {
			const invitation = await inviteMember(actor, parsed.data);
			return { invited: { email: invitation.email, link: new URL(routes.invitation(invitation.token), event.url.origin).href } };
		});
	},
	revokeInvitation: async (event) => {
		const actor = await requireMembership(event, event.params.org);
		const parsed = await parseForm(event.request, revokeInvitationSchema);
		if (!parsed.ok) return parsed.failure;
		return (await runAction(parsed.formData, () => revokeInvitation(actor, parsed.data.invitationId))) ?? { revoked: true };
	},
	changeRole: async (event) => {
		const actor = await requireMembership(event, event.params.org);
		const parsed = await parseForm(event.request, changeMemberRoleSchema);
		if (!parsed.ok) return parsed.failure;
		return runAction(parsed.formData, () => changeMemberRole(actor, parsed.data.userId, parsed.data.role));
	},
	removeMember: async (event) => {
		const actor = await requireMembership(event, event.params.org);
		const parsed = await parseForm(event.request, removeMemberSchema);
		if (!parsed.ok) return parsed.failure;
		return runAction(parsed.formData, () => removeMember(actor, parsed.data.userId));
	}
} satisfies Actions;
