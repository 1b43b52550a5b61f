/** The draw's URLs (kept beside its components so the capability's routes change in one place). */
const competition = (slug: string, competitionId: string) => `/orgs/${encodeURIComponent(slug)}/competitions/${competitionId}`;

export const drawRoutes = {
	overview: (slug: string, competitionId: string) => `${competition(slug, competitionId)}/draw`,
	round: (slug: string, competitionId: string, roundId: string) => `${competition(slug, competitionId)}/draw/${roundId}`,
	sheet: (slug: string, competitionId: string, roundId: string, sheet: 'results' | 'cards' | 'sign-in') => `${competition(slug, competitionId)}/draw/${roundId}/print/${sheet}`,
	publicPage: (competitionSlug: string) => `/c/${encodeURIComponent(competitionSlug)}/draw`,
	publicJson: (competitionSlug: string) => `/c/${encodeURIComponent(competitionSlug)}/draw.json`,
	verifierScript: () => '/verify-draw.mjs'
};
