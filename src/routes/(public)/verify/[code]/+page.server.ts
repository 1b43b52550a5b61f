import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages.js';
import { pageLoad } from '$lib/server/http/pages';
import { verifyCertificate } from '$lib/server/certificates/verify-service';
import { verificationCodeSchema } from '$lib/schemas/certificates';
import { DomainError } from '$lib/server/domain-error';

/** Public: what a certificate's QR code opens. An unknown code is a 404 page that says so. */
export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => {
	const code = verificationCodeSchema.safeParse(event.params);
	try {
		if (!code.success) throw new DomainError('not_found');
		return { verification: await verifyCertificate(code.data.code) };
	} catch (caught) {
		if (caught instanceof DomainError && caught.code === 'not_found') error(404, { message: m.certificates_verify_unknown(), code: 'not_found' });
		throw caught;
	}
}) satisfies PageServerLoad;
