import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { throwAsPageError } from '$lib/server/http/pages';
import { issueVoteChallenge, voterContext } from '$lib/server/voting';

/** The ALTCHA widget fetches a fresh proof-of-work challenge here before each vote. */
export const GET: RequestHandler = async (event) => {
	const now = new Date();
	try {
		const challenge = await issueVoteChallenge(event.params.slug, event.params.round, voterContext(event, event.params.round, now), now);
		return json(challenge, { headers: { 'cache-control': 'no-store' } });
	} catch (caught) {
		throwAsPageError(caught);
	}
};
