import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireMembership } from '$lib/server/auth/guards';
import { MANAGER_ROLES } from '$lib/server/auth/roles';
import { getCompetitionRounds } from '$lib/server/competitions/competition-service';
import { addJudge, listJudges, removeJudge, updateJudge } from '$lib/server/judging/judges-service';
import { inviteJudge, issueSignInCode } from '$lib/server/judging/access-service';
import { judgeFieldsSchema, judgeIdFormSchema, updateJudgeFormSchema } from '$lib/schemas/judges';
import { parseForm, runAction } from '$lib/server/http/forms';
import { pageLoad } from '$lib/server/http/pages';
import { routes } from '$lib/routes';

const manager = (event: RequestEvent) => requireMembership(event, event.params.org, MANAGER_ROLES);

export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => {
	const actor = await manager(event);
	// The rounds alone (for the panel links): not the overview's schemes and lifecycle readiness.
	const [{ competition, events }, judges] = await Promise.all([getCompetitionRounds(actor, event.params.competition), listJudges(actor, event.params.competition)]);
	return { competition, events, judges };
}) satisfies PageServerLoad;

export const actions = {
	add: async (event) => {
		const actor = await manager(event);
		const parsed = await parseForm(event.request, judgeFieldsSchema);
		if (!parsed.ok) return parsed.failure;
		return (await runAction(parsed.formData, async () => void (await addJudge(actor, event.params.competition, parsed.data)))) ?? { added: true };
	},
	update: async (event) => {
		const actor = await manager(event);
		const parsed = await parseForm(event.request, updateJudgeFormSchema);
		if (!parsed.ok) return parsed.failure;
		const { judgeId, ...fields } = parsed.data;
		return (await runAction(parsed.formData, async () => void (await updateJudge(actor, judgeId, fields)))) ?? { updated: true };
	},
	remove: async (event) => {
		const actor = await manager(event);
		const parsed = await parseForm(event.request, judgeIdFormSchema);
		if (!parsed.ok) return parsed.failure;
		return (await runAction(parsed.formData, () => removeJudge(actor, parsed.data.judgeId))) ?? { removed: true };
	},
	invite: async (event) => {
		const actor = await manager(event);
		const parsed = await parseForm(event.request, judgeIdFormSchema);
		if (!parsed.ok) return parsed.failure;
		return runAction(parsed.formData, async () => {
			const invitation = await inviteJudge(actor, parsed.data.judgeId);
			return { invited: { judgeId: invitation.judgeId, link: `${event.url.origin}${routes.judgeInvitation(invitation.token)}` } };
		});
	},
	issueCode: async (event) => {
		const actor = await manager(event);
		const parsed = await parseForm(event.request, judgeIdFormSchema);
		if (!parsed.ok) return parsed.failure;
		return runAction(parsed.formData, async () => {
			const issued = await issueSignInCode(actor, parsed.data.judgeId, event.url.origin);
			return { issued: { judgeId: issued.judgeId, code: issued.code, expiresAt: issued.expiresAt, qrDataUrl: issued.qrDataUrl } };
		});
	}
} satisfies Actions;
