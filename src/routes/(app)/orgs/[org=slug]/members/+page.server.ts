import type { Actions, PageServerLoad } from './$types';
import { requireMembership } from '$lib/server/auth/guards';
import { addMember, changeMemberRole, listMembers, removeMember } from '$lib/server/organisations/service';
import { MANAGER_ROLES } from '$lib/server/auth/roles';
import { addMemberSchema, changeMemberRoleSchema, removeMemberSchema } from '$lib/schemas/organisation';
import { parseForm, runAction } from '$lib/server/http/forms';

export const load = (async (event) => {
	const actor = await requireMembership(event, event.params.org, MANAGER_ROLES);
	return { members: await listMembers(actor), canManage: actor.role === 'owner', myUserId: actor.user.id };
}) satisfies PageServerLoad;

export const actions = {
	addMember: async (event) => {
		const actor = await requireMembership(event, event.params.org);
		const parsed = await parseForm(event.request, addMemberSchema);
		if (!parsed.ok) return parsed.failure;
		return (await runAction(parsed.formData, () => addMember(actor, parsed.data))) ?? { added: true };
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
