import type { PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime.js';
import { pageLoad } from '$lib/server/http/pages';
import { loadPublicCompetition } from '$lib/server/registration/public-service';
import { getPublicDraw } from '$lib/server/draw/public-draw';
import { hasPublishedResults } from '$lib/server/notice';

// Read on phones over weak networks: server-rendered HTML, no client-side application.
export const csr = false;

export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => {
	const { competition, events, counts, registrationOpen } = await loadPublicCompetition(event.params.slug, getLocale());
	const { organisationId: _organisationId, privacyNotice: _privacyNotice, ...shown } = competition;
	// The draw's commitments (hashes and times) and revealed seeds: numbers only, never names.
	const [draw, resultsPublished] = await Promise.all([getPublicDraw(event.params.slug), hasPublishedResults(competition.organisationId, competition.id)]);
	const drawRounds = draw.rounds.map(({ stages, ...round }) => ({ ...round, stages: stages.map(({ stage, commitment, committedAt, ranAt, revealedAt, seed }) => ({ stage, commitment, committedAt, ranAt, revealedAt, seed })) }));
	return { competition: shown, events, counts, registrationOpen, drawRounds, resultsPublished, signedIn: event.locals.user !== null };
}) satisfies PageServerLoad;
