import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { publicApiHandler, readParams } from '$lib/server/http/api';
import { verifyCertificate } from '$lib/server/certificates/verify-service';
import { verificationCodeSchema } from '$lib/schemas/certificates';

/** Public: anyone with a certificate's code (its QR code) may check it; no token. */
export const GET: RequestHandler = publicApiHandler(async (event) => json(await verifyCertificate(readParams(event.params, verificationCodeSchema).code)));
