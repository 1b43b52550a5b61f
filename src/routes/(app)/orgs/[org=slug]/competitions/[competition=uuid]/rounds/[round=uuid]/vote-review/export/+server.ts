import type { RequestHandler } from './$types';
import { throwAsPageError } from '$lib/server/http/pages';
import { reviewActor } from '$lib/server/vote-review/review-page';
import { exportVotes, votesWorkbookResponse } from '$lib/server/vote-review/votes-export';

export const GET: RequestHandler = async (event) => {
	const actor = await reviewActor(event);
	return votesWorkbookResponse(await exportVotes(actor, event.params.round).catch(throwAsPageError));
};
