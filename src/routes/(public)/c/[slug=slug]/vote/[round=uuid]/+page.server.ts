import type { Actions, PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime.js';
import { m } from '$lib/paraglide/messages.js';
import { pageLoad } from '$lib/server/http/pages';
import { parseForm, runAction } from '$lib/server/http/forms';
import { castVote, confirmVoteCode, ensureVoterToken, loadVotePage, requestVoteCode, setVerifiedVoterCookie, voterContext } from '$lib/server/voting';
import { codeSchema, phoneSchema, voteCastSchema } from '$lib/schemas/voting';

// Opened from WeChat shares on weak phone networks: server-rendered, without SvelteKit's client; the
// only scripts are the ALTCHA widget and a few lines that start it (see the page). A vote is a plain form POST.
export const csr = false;

export const load = pageLoad(async (event: Parameters<PageServerLoad>[0]) => {
	const now = new Date();
	ensureVoterToken(event.cookies, event.url);
	const page = await loadVotePage(event.params.slug, event.params.round, now);
	const verified = page.policy.identityMode === 'verified' && voterContext(event, event.params.round, now).verifiedVoterKey !== null;
	return { ...page, verified, locale: getLocale(), origin: event.url.origin, query: event.url.searchParams.get('q') ?? '' };
}) satisfies PageServerLoad;

export const actions = {
	vote: async (event) => {
		const parsed = await parseForm(event.request, voteCastSchema);
		if (!parsed.ok) return parsed.failure;
		const now = new Date();
		return runAction(parsed.formData, async () => {
			await castVote(event.params.slug, event.params.round, parsed.data, voterContext(event, event.params.round, now), now);
			return { outcome: m.voting_outcome_counted(), entryId: parsed.data.entryId };
		});
	},
	requestCode: async (event) => {
		const parsed = await parseForm(event.request, phoneSchema);
		if (!parsed.ok) return parsed.failure;
		return runAction(parsed.formData, async () => {
			await requestVoteCode(event.params.slug, event.params.round, parsed.data.phone, new Date());
			return { codeSent: true, phone: parsed.data.phone };
		});
	},
	confirmCode: async (event) => {
		const parsed = await parseForm(event.request, codeSchema);
		if (!parsed.ok) return parsed.failure;
		return runAction(parsed.formData, async () => {
			const { cookie, expiresAt } = await confirmVoteCode(event.params.slug, event.params.round, parsed.data.phone, parsed.data.code, new Date());
			setVerifiedVoterCookie(event.cookies, event.url, event.params.round, cookie, expiresAt);
			return { outcome: m.voting_verified() };
		});
	}
} satisfies Actions;

