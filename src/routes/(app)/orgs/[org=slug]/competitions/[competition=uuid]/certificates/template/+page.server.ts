import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireMembership } from '$lib/server/auth/guards';
import { MANAGER_ROLES } from '$lib/server/auth/roles';
import { parseFormData, runAction } from '$lib/server/http/forms';
import { pageLoad } from '$lib/server/http/pages';
import { getCertificateTemplate, saveCertificateSeal, saveCertificateTemplate } from '$lib/server/certificates/template-service';
import { certificateTemplateSchema } from '$lib/schemas/certificates';

const manager = (event: RequestEvent) => requireMembership(event, event.params.org, MANAGER_ROLES);

export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => {
	const view = await getCertificateTemplate(await manager(event), event.params.competition);
	const { sealStorageKey, updatedAt, ...template } = view.template;
	return { competition: view.competition, template: { ...template, hasSeal: sealStorageKey !== null, updatedAt: updatedAt.toISOString() }, serialExample: view.serialExample };
}) satisfies PageServerLoad;

export const actions = {
	save: async (event) => {
		const actor = await manager(event);
		const parsed = parseFormData(await event.request.formData(), certificateTemplateSchema);
		if (!parsed.ok) return parsed.failure;
		return (await runAction(parsed.formData, async () => void (await saveCertificateTemplate(actor, event.params.competition, parsed.data)))) ?? { saved: true };
	},
	seal: async (event) => {
		const actor = await manager(event);
		const formData = await event.request.formData();
		const file = formData.get('seal');
		const choice = formData.get('remove') === 'on' ? { remove: true as const } : { file: file instanceof File ? file : null };
		return (await runAction(formData, async () => void (await saveCertificateSeal(actor, event.params.competition, choice)))) ?? { sealSaved: true };
	}
} satisfies Actions;
