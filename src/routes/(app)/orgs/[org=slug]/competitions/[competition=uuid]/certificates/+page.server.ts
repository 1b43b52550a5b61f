import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireMembership } from '$lib/server/auth/guards';
import { MANAGER_ROLES } from '$lib/server/auth/roles';
import { parseForm, runAction } from '$lib/server/http/forms';
import { pageLoad } from '$lib/server/http/pages';
import { issueCertificates, listCompetitionCertificates, revokeCertificate } from '$lib/server/certificates/certificate-service';
import { issueCertificatesFormSchema, revokeCertificateFormSchema } from '$lib/schemas/certificates';
import { DomainError } from '$lib/server/domain-error';

const manager = (event: RequestEvent) => requireMembership(event, event.params.org, MANAGER_ROLES);

export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => {
	const { competition, certificates } = await listCompetitionCertificates(await manager(event), event.params.competition);
	return {
		competition,
		certificates: certificates.map(({ id, serial, holderName, unit, awardLabel, eventName, issuedOn, verificationCode, revokedAt, revokeReason }) => ({ id, serial, holderName, unit, awardLabel, eventName, issuedOn, verificationCode, revokedAt, revokeReason }))
	};
}) satisfies PageServerLoad;

export const actions = {
	issue: async (event) => {
		const actor = await manager(event);
		// The form names the competition it was shown for: a stray post with other fields issues nothing.
		const parsed = await parseForm(event.request, issueCertificatesFormSchema);
		if (!parsed.ok) return parsed.failure;
		return runAction(parsed.formData, async () => {
			if (parsed.data.competitionId !== event.params.competition) throw new DomainError('not_found');
			return { issued: (await issueCertificates(actor, event.params.competition)).issued };
		});
	},
	revoke: async (event) => {
		const actor = await manager(event);
		const parsed = await parseForm(event.request, revokeCertificateFormSchema);
		if (!parsed.ok) return parsed.failure;
		return runAction(parsed.formData, async () => ({ revoked: (await revokeCertificate(actor, parsed.data.certificateId, parsed.data.reason, event.params.competition)).serial }));
	}
} satisfies Actions;
