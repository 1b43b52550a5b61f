import type { RequestHandler } from './$types';
import { jsonWithBigInts, readJsonBody, statelessApiHandler } from '$lib/server/http/api';
import { asRoundInput, asScheme, evaluateRequestSchema } from '$lib/schemas/scheme';
import { evaluateStateless } from '$lib/server/results/evaluate';

/** Stateless: a scheme and raw data in, the engine's result out, nothing stored. */
export const POST: RequestHandler = statelessApiHandler(async (event) => {
	const { scheme, input } = await readJsonBody(event, evaluateRequestSchema);
	return jsonWithBigInts(evaluateStateless(asScheme(scheme), asRoundInput(input)));
});
