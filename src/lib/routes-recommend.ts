// Upward recommendation URLs (issue 17, recommend part), kept apart from routes.ts so parts merge cleanly.
const org = (slug: string) => `/orgs/${encodeURIComponent(slug)}`;

export const recommendRoutes = {
	/** The parent's quotas on one competition. */
	quotas: (slug: string, competitionId: string) => `${org(slug)}/competitions/${competitionId}/nominations`,
	/** The child's invitations. */
	invitations: (slug: string) => `${org(slug)}/nominations`,
	invitation: (slug: string, quotaId: string) => `${org(slug)}/nominations/${quotaId}`,
	verify: (code: string) => `/verify/${encodeURIComponent(code)}`
};
